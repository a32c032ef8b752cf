/**
 * The insurer portal reads the server, never the phone's database: the
 * packets (filtered and counted, asked again every 30 s while the screen is
 * visible, so a packet delivered meanwhile appears without a reload), one
 * packet, and a photo's bytes through its signed link, checked against the
 * SHA-256 the packet names.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimPacket, PacketList, PacketListQuery, PacketPhoto } from '../contracts/packets';
import { packetApi, packetCall, type PacketFailure } from './packet-client';
import { loadedOf, useVerifiedBlob, useVisiblePolling, type ServerLoaded } from './server-read';
import { withToken } from './review-client';
import { useServices } from './ServicesContext';

export type PacketLoaded<T> = ServerLoaded<T, PacketFailure>;

/** How often the packet list is asked again while visible. */
export const PACKET_POLL_MS = 30_000;

export interface PacketListView {
  /** The list; kept while a newer one loads, so the table does not flash. */
  list: PacketLoaded<PacketList>;
  refreshing: boolean;
  /** The last reload failed: the list shown is the one before. */
  staleBecause: PacketFailure | undefined;
  /** Packets that appeared since the screen opened (by a poll), announced politely. */
  arrived: number;
  reload(): void;
}

/** The insurer's packets for `query`, asked again on each poll. */
export function usePacketList(query: PacketListQuery): PacketListView {
  const { session } = useServices();
  const key = JSON.stringify(query);
  const [list, setList] = useState<PacketLoaded<PacketList>>({ status: 'loading' });
  const [answered, setAnswered] = useState<string>();
  const [staleBecause, setStale] = useState<PacketFailure>();
  const [arrived, setArrived] = useState(0);
  const [round, setRound] = useState(0);
  const seen = useRef<Set<string> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void packetCall(session, (api, t) =>
      api.listPackets(t, JSON.parse(key) as PacketListQuery),
    ).then((r) => {
      if (!live) return;
      setAnswered(`${key}#${round}`);
      setStale(r.ok ? undefined : r.failure);
      if (!r.ok) {
        setList((was) => (was.status === 'ready' ? was : { status: 'failed', failure: r.failure }));
        return;
      }
      const ids = r.value.packets.map((p) => p.id);
      const known = seen.current;
      if (known) setArrived((n) => n + ids.filter((id) => !known.has(id)).length);
      seen.current = new Set([...(known ?? []), ...ids]);
      setList({ status: 'ready', value: r.value });
    });
    return () => {
      live = false;
    };
  }, [key, round, session]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  useVisiblePolling(reload, PACKET_POLL_MS);
  return { list, refreshing: answered !== `${key}#${round}`, staleBecause, arrived, reload };
}

export interface PacketView {
  packet: PacketLoaded<ClaimPacket>;
  /** Reads the packet again (after an action; photo links signed afresh). */
  reload(): Promise<void>;
}

/** One packet, as the server answers it now. */
export function usePacket(id: string): PacketView {
  const { session } = useServices();
  const [packet, setPacket] = useState<PacketLoaded<ClaimPacket>>({ status: 'loading' });
  const live = useRef(true);
  const reload = useCallback(async () => {
    const r = await packetCall(session, (api, t) => api.getPacket(t, id));
    if (!live.current) return;
    // A failed reload keeps the packet shown; the first read says why it has none.
    setPacket((was) => (!r.ok && was.status === 'ready' ? was : loadedOf(r)));
  }, [id, session]);
  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);
  return { packet, reload };
}

/**
 * A packet's photo as an object URL: its signed link followed, its bytes
 * hashed ('failed' when the link no longer serves, or the bytes are not the
 * ones the packet names). Revoked when the screen lets the photo go.
 */
export function usePacketPhoto(photo: PacketPhoto): string | 'failed' | undefined {
  const link = photo.download.url;
  const fetchBlob = useCallback(
    () =>
      packetApi()
        .getSignedPhoto(link)
        .then((r) => (r.ok ? r.value : undefined)),
    [link],
  );
  return useVerifiedBlob(photo.sha256, fetchBlob);
}

/**
 * A photo of a claim's recorded assessment as an object URL, with the
 * signed-in user's token (the insurer that made it, the brigade's reviewer or
 * the case's officer); 'failed' when it cannot be had or its bytes are not
 * the SHA-256 the assessment names. Revoked when the screen lets it go.
 */
export function useAssessmentPhoto(claimId: string, sha256: string): string | 'failed' | undefined {
  const { session } = useServices();
  const fetchBlob = useCallback(
    () =>
      withToken(session, (t) => packetApi().getAssessmentPhoto(t, claimId, sha256)).then((r) =>
        r.ok ? r.value : undefined,
      ),
    [claimId, sha256, session],
  );
  return useVerifiedBlob(sha256, fetchBlob);
}

// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aPacket, aPacketList, aSummary, PACKET_ID } from '../../tests/builders/packet.builder';
import { reviewerSession, servicesWith, TOKEN } from '../../tests/builders/review.builder';
import { packetFailure } from './packet-client';
import { PACKET_POLL_MS, usePacket, usePacketList, usePacketPhoto } from './usePackets';

const server = setupServer();
const at = (path: string) => `${location.origin}${path}`;
const SECOND = '0190a000-0000-7000-8000-0000000000f2';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  URL.createObjectURL = () => 'blob:photo';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.useRealTimers();
  setVisibility('visible');
});
afterAll(() => server.close());

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

/** The list answering one packet, then two; records what was asked and with which token. */
function serveList() {
  const asked: { params: URLSearchParams; auth: string | null }[] = [];
  server.use(
    http.get(at('/api/packets'), ({ request }) => {
      asked.push({
        params: new URL(request.url).searchParams,
        auth: request.headers.get('authorization'),
      });
      const packets = asked.length === 1 ? [aSummary()] : [aSummary({ id: SECOND }), aSummary()];
      return HttpResponse.json(aPacketList(packets));
    }),
  );
  return asked;
}

const wrapper = () => servicesWith(reviewerSession().store);

describe('usePacketList', () => {
  it('asks for the filter with the insurer’s token and parses the list', async () => {
    const asked = serveList();
    const { result } = renderHook(() => usePacketList({ overdue: '1' }), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current.list.status).toBe('ready'));
    expect(Object.fromEntries(asked[0]!.params)).toEqual({ overdue: '1' });
    expect(asked[0]!.auth).toBe(`Bearer ${TOKEN}`);
    expect(result.current.list.value?.counts.new).toBe(1);
  });

  it('asks again every 30 s while visible and counts the packets that appeared', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const asked = serveList();
    const { result } = renderHook(() => usePacketList({}), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current.list.status).toBe('ready'));
    expect(result.current.arrived).toBe(0);
    await act(async () => vi.advanceTimersByTime(PACKET_POLL_MS));
    await vi.waitFor(() => expect(result.current.list.value?.packets).toHaveLength(2));
    expect(asked).toHaveLength(2);
    expect(result.current.arrived).toBe(1);
  });

  it('does not ask while the screen is hidden, and asks when it shows again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const asked = serveList();
    const { result } = renderHook(() => usePacketList({}), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current.list.status).toBe('ready'));
    setVisibility('hidden');
    await act(async () => vi.advanceTimersByTime(3 * PACKET_POLL_MS));
    expect(asked).toHaveLength(1);
    setVisibility('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
  });

  it('keeps the last list when a reload fails, and says why', async () => {
    serveList();
    const { result } = renderHook(() => usePacketList({}), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current.list.status).toBe('ready'));
    server.use(http.get(at('/api/packets'), () => HttpResponse.error()));
    act(() => result.current.reload());
    await vi.waitFor(() => expect(result.current.staleBecause).toBe('offline'));
    expect(result.current.list.status).toBe('ready');
  });

  it('takes an answer that is not the contract’s as a failure, never as a list', async () => {
    server.use(http.get(at('/api/packets'), () => HttpResponse.json({ packets: 'all' })));
    const { result } = renderHook(() => usePacketList({}), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current.list.status).toBe('failed'));
    expect(result.current.list.failure).toBe('offline');
  });
});

describe('usePacket', () => {
  it('reads the packet; another insurer’s packet is not found', async () => {
    server.use(
      http.get(at('/api/packets/:id'), ({ params }) =>
        params['id'] === PACKET_ID
          ? HttpResponse.json(aPacket())
          : HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }),
      ),
    );
    const mine = renderHook(() => usePacket(PACKET_ID), { wrapper: wrapper() });
    await vi.waitFor(() => expect(mine.result.current.packet.status).toBe('ready'));
    expect(mine.result.current.packet.value?.case.caseNumber).toBe('KC20261206-000001');
    const theirs = renderHook(() => usePacket(SECOND), { wrapper: wrapper() });
    await vi.waitFor(() => expect(theirs.result.current.packet.failure).toBe('not-found'));
  });
});

describe('usePacketPhoto', () => {
  const photo = aPacket().photos[0]!;
  it('follows the signed link without a token and checks the bytes’ hash', async () => {
    const auth: (string | null)[] = [];
    server.use(
      http.get(at(`/api/packets/${PACKET_ID}/photos/:sha`), ({ request }) => {
        auth.push(request.headers.get('authorization'));
        expect(new URL(request.url).searchParams.get('expires')).toBe('1');
        return HttpResponse.arrayBuffer(new Uint8Array([1, 2, 3, 4]).buffer, {
          headers: { 'content-type': 'image/jpeg' },
        });
      }),
    );
    const { result } = renderHook(() => usePacketPhoto(photo), { wrapper: wrapper() });
    await vi.waitFor(() => expect(result.current).toBe('blob:photo'));
    expect(auth).toEqual([null]);
  });

  it('fails for other bytes than the packet names, and for an expired link', async () => {
    server.use(
      http.get(at(`/api/packets/${PACKET_ID}/photos/:sha`), () =>
        HttpResponse.arrayBuffer(new Uint8Array([9]).buffer, {
          headers: { 'content-type': 'image/jpeg' },
        }),
      ),
    );
    const wrong = renderHook(() => usePacketPhoto(photo), { wrapper: wrapper() });
    await vi.waitFor(() => expect(wrong.result.current).toBe('failed'));
    server.use(
      http.get(at(`/api/packets/${PACKET_ID}/photos/:sha`), () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }),
      ),
    );
    const expired = renderHook(() => usePacketPhoto(photo), { wrapper: wrapper() });
    await vi.waitFor(() => expect(expired.result.current).toBe('failed'));
  });
});

describe('packetFailure', () => {
  it('tells a withdrawn packet and a foreign vehicle from other refusals', () => {
    expect(packetFailure({ kind: 'http', status: 409, code: 'withdrawn' })).toBe('withdrawn');
    expect(packetFailure({ kind: 'http', status: 409, code: 'invalid_transition' })).toBe(
      'invalid-transition',
    );
    expect(packetFailure({ kind: 'http', status: 422, code: 'unknown_vehicle' })).toBe(
      'unknown-vehicle',
    );
    expect(packetFailure({ kind: 'http', status: 422, code: 'request_id_reused' })).toBe('invalid');
    expect(packetFailure({ kind: 'timeout' })).toBe('offline');
  });
});

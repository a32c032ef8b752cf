/**
 * The insurer's packets (src/contracts/packets.ts): its list with the
 * call-back clock, one packet with freshly signed links, the call-back,
 * assessment and payout; and a packet's photo and determination PDF through
 * their signed links, which need no session (a claims system follows them)
 * but are bound to the packet and the object, and expire. Also a photo of an
 * insurer's assessment, for that insurer, the brigade's reviewers and the
 * case's officer.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Claim } from '../../src/contracts/claims';
import {
  DETERMINATION_PDF,
  AcknowledgeRequest,
  AssessmentPhotoParams,
  AssessmentRequest,
  LinkQuery,
  PacketListQuery,
  PayoutRequest,
  PhotoLinkParams,
  type ClaimPacket,
  type PacketList,
} from '../../src/contracts/packets';
import { IdParams } from '../../src/contracts/route';
import { notFound } from '../auth/policy';
import type { BlobStore } from '../blobs/blob-store';
import { heldByUnit } from '../cases/photo-holders';
import { parseInput } from '../errors';
import { applyPacketAction, ownPacket, type PacketAction } from '../packets/actions';
import { readAssessmentPhoto } from '../packets/assessment-photos';
import { buildPacket } from '../packets/build';
import { determinationPdf } from '../packets/determination-pdf';
import { linkKey, linkValid } from '../packets/links';
import { listPackets } from '../packets/portal';
import { recordAudit } from '../audit/audit-log';
import { publicRoute, sessionRoute, type RouteDeps } from './contract-route';
import { sendPhoto } from './photos';

export interface PacketRoutesOptions extends RouteDeps {
  blobs: BlobStore;
}

export const packetRoutes: FastifyPluginAsync<PacketRoutesOptions> = async (
  app,
  { db, blobs, auth, now },
) => {
  const holdings = { db, blobs };

  sessionRoute(app, auth, 'packets.list', async (request, reply, session): Promise<PacketList> => {
    const query = parseInput(PacketListQuery, request.query, 'querystring');
    void reply.header('cache-control', 'no-store');
    return listPackets(holdings, session.insurerId ?? '', query, now());
  });

  sessionRoute(app, auth, 'packets.get', async (request, reply, session): Promise<ClaimPacket> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const claim = await ownPacket(db, session, id);
    void reply.header('cache-control', 'no-store');
    return buildPacket(holdings, claim, { now: now() });
  });

  const action = (id: string, parse: (body: unknown) => PacketAction) =>
    sessionRoute(app, auth, id, async (request, _reply, session): Promise<Claim> => {
      const { id: packetId } = parseInput(IdParams, request.params, 'params');
      return applyPacketAction(db, session, packetId, parse(request.body ?? {}), now());
    });
  action('packets.acknowledge', (body) => ({
    kind: 'acknowledge',
    body: parseInput(AcknowledgeRequest, body, 'body'),
  }));
  action('packets.assessment', (body) => ({
    kind: 'assessment',
    body: parseInput(AssessmentRequest, body, 'body'),
  }));
  action('packets.payout', (body) => ({
    kind: 'payout',
    body: parseInput(PayoutRequest, body, 'body'),
  }));

  sessionRoute(app, auth, 'claims.assessmentPhoto', async (request, reply, session) => {
    const { id, sha256 } = parseInput(AssessmentPhotoParams, request.params, 'params');
    const photo = await readAssessmentPhoto(holdings, session, id, sha256, now());
    return sendPhoto(reply, photo.bytes, photo.size, photo.mediaType);
  });

  publicRoute(app, 'packets.determinationPdf', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const link = parseInput(LinkQuery, request.query, 'querystring');
    const at = now();
    if (!linkValid(await linkKey(db), id, DETERMINATION_PDF, link, at)) throw notFound('document');
    const claim = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!claim) throw notFound('document');
    const pdf = await determinationPdf(holdings, claim, at);
    const bytes = await blobs.get(pdf.sha256);
    if (!bytes) throw notFound('document');
    await recordAudit(db, at, {
      actor: `link:${claim.insurer_id}`,
      action: 'document.read',
      subject: pdf.sha256,
      details: {
        caseId: claim.case_id,
        packetId: id,
        document: 'determination-pdf',
        via: 'signed-link',
      },
    });
    return reply
      .code(200)
      .header('content-type', 'application/pdf')
      .header('content-length', String(pdf.size))
      .header('content-disposition', `inline; filename="${pdf.caseNumber}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });

  publicRoute(app, 'packets.photo', async (request, reply) => {
    const { id, sha256 } = parseInput(PhotoLinkParams, request.params, 'params');
    const link = parseInput(LinkQuery, request.query, 'querystring');
    const at = now();
    if (!linkValid(await linkKey(db), id, sha256, link, at)) throw notFound('photo');
    const claim = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!claim) throw notFound('photo');
    const packet = await buildPacket(holdings, claim, { now: at });
    const unit = await db
      .selectFrom('cases')
      .select('unit_id')
      .where('id', '=', claim.case_id)
      .executeTakeFirstOrThrow();
    const listed = packet.photos.some((p) => p.sha256 === sha256);
    const held = await heldByUnit(db, unit.unit_id, [sha256]);
    const size = listed && held.has(sha256) ? await blobs.size(sha256) : undefined;
    const bytes = size === undefined ? undefined : await blobs.get(sha256);
    if (!bytes || size === undefined) throw notFound('photo');
    await recordAudit(db, at, {
      actor: `link:${claim.insurer_id}`,
      action: 'photo.read',
      subject: sha256,
      details: { caseId: claim.case_id, packetId: id, via: 'signed-link' },
    });
    return sendPhoto(reply, bytes, size);
  });
};

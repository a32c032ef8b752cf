/**
 * The determination PDF in an insurer's packet (issue 12): made from the
 * insurer's redacted view and read as a person reads it (poppler's
 * pdftotext), the same bytes every time, kept in the blob store, fetched only
 * through the packet's own signed link, audited as a document read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimPacket, PacketList } from '../../src/contracts/packets';
import { citeBasis } from '../../src/documents/document-model';
import { pdfText } from '../../tests/pdf/see-pdf';
import { fullyPopulatedCase, type PopulatedCase } from '../case-fixtures';
import { sha256Hex } from '../hash';
import { tamperSig } from '../test-photos';
import { renderInsurerPdf } from './determination-pdf';
import { submitCase } from '../test-photos';
import { openTestWorld, type Actor, type TestWorld } from '../test-world';

const OUT = mkdtempSync(join(tmpdir(), 'kuaichu-packet-pdf-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

let w: TestWorld;
let c: PopulatedCase;

beforeEach(async () => {
  w = await openTestWorld();
  c = fullyPopulatedCase(w.users.officerA.id);
  await submitCase(w, c);
  const review = await w.call('reviewerA', {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action: 'review' },
  });
  expect(review.statusCode, review.body).toBe(200);
}, 30_000); // eleven photos uploaded, a case sent and approved

afterEach(async () => {
  await w.close();
});

async function packetOf(actor: Actor): Promise<ClaimPacket> {
  const list = PacketList.parse((await w.call(actor, { url: '/api/packets' })).json());
  const res = await w.call(actor, { url: `/api/packets/${list.packets[0]!.id}` });
  expect(res.statusCode, res.body).toBe(200);
  return ClaimPacket.parse(res.json());
}

const pdfLink = (p: ClaimPacket) => {
  if (!p.determinationPdf) throw new Error('the packet has no determination PDF');
  return p.determinationPdf.download.url;
};

/** The PDF's text as pdftotext reads it, without white space (lines wrap where the PDF wraps). */
function textOf(bytes: Buffer, name: string): string {
  const path = join(OUT, `${name}.pdf`);
  writeFileSync(path, bytes);
  return pdfText(path).join('').replace(/\s+/g, '');
}

describe('the determination PDF of a packet', () => {
  it('says what the insurer may read and nothing of the other drivers or insurers', async () => {
    const packet = await packetOf('insurerX');
    const res = await w.app.inject({ url: pdfLink(packet) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');

    const text = textOf(res.rawPayload, 'insurer-x');
    const basis = packet.case.determination?.basis ?? [];
    expect(basis.length).toBeGreaterThan(0);
    const shown = [
      ...['道路交通事故认定书（简易程序）', '保险公司用本（InsurerX）', c.record.caseNumber],
      ...['张三', '510104199001011234', '13800000001', 'PX-0001', '川A12340', '川A12341'],
      // the other driver withheld, the liability the officer set, the law and article
      ...[
        '驾驶人Driver：（已隐去）(withheld)',
        'A:次要责任/Secondaryliability',
        'B:主要责任/Primaryliability',
      ],
      ...basis.map((b) => citeBasis(b).replace(/\s+/g, '')),
      ...['本认定经民警改定', '本认定经更正', '已签字', packet.manifest.hash],
      // the collision sketch in words, under its drawing
      ...['现场草图', 'T形路口，每向2条车道', 'A位于西侧，朝东行驶', '碰撞点位于西侧'],
    ];
    expect(shown.filter((s) => !text.includes(s))).toEqual([]);
    // no name, number, policy or reason the view withholds
    expect(c.secrets.filter((s) => text.includes(s.replace(/\s+/g, '')))).toEqual([]);
    expect(text).not.toContain('PY-0001-A');
    // X's driver signed; the other driver, who refused, is not X's to see
    expect(text).not.toContain('拒绝签字');
  }, 60_000);

  it('is another insurer’s own: each sees its own policies only', async () => {
    const y = await packetOf('insurerY');
    const text = textOf((await w.app.inject({ url: pdfLink(y) })).rawPayload, 'insurer-y');
    expect(text).toContain('保险公司用本（InsurerY）');
    expect(text).toContain('PY-0002-B');
    expect(text).not.toContain('PX-0001');
    expect(text).not.toContain('PO-0003-B');
  }, 60_000);

  it('is the same bytes every time, kept in the blob store and audited as a document read', async () => {
    const packet = await packetOf('insurerX');
    const first = await w.app.inject({ url: pdfLink(packet) });
    const again = await w.app.inject({ url: pdfLink(await packetOf('insurerX')) });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    // rendered afresh from what the packet says, twice: the very bytes served
    const input = {
      view: packet.case,
      insurerName: packet.insurer.name,
      manifestHash: packet.manifest.hash,
      deliveredAt: packet.claim.deliveredAt,
    };
    for (let i = 0; i < 2; i++) {
      expect(Buffer.from(await renderInsurerPdf(input)).equals(first.rawPayload)).toBe(true);
    }

    const sha256 = sha256Hex(first.rawPayload);
    expect(await w.fx.blobs.has(sha256)).toBe(true);
    const reads = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'document.read')
      .execute();
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ actor: `link:${w.insurers.x.id}`, subject: sha256 });
    expect(JSON.parse(reads[0]!.details)).toMatchObject({
      caseId: c.record.id,
      packetId: packet.id,
      document: 'determination-pdf',
    });
  }, 60_000);
});

describe('the determination PDF link', () => {
  it('answers 404 with no case data when moved to another insurer’s packet or tampered', async () => {
    const x = await packetOf('insurerX');
    const y = await packetOf('insurerY');
    const link = new URL(pdfLink(x), 'http://h');
    const moved = `/api/packets/${y.id}/determination.pdf${link.search}`;
    const tampered = tamperSig(pdfLink(x));
    const unsigned = `/api/packets/${x.id}/determination.pdf`;
    for (const url of [moved, tampered]) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(c.record.caseNumber);
      expect(res.body).not.toContain('张三');
    }
    expect((await w.app.inject({ url: unsigned })).statusCode).not.toBe(200);
    // Y's session is no key to X's document either
    expect((await w.call('insurerY', { url: moved })).statusCode).toBe(404);
  });

  it('expires with the packet’s other links', async () => {
    const packet = await packetOf('insurerX');
    expect(packet.determinationPdf?.download.expiresAt).toBe(packet.photos[0]?.download.expiresAt);
    w.clock.now = new Date(Date.parse(packet.determinationPdf!.download.expiresAt) + 1000);
    const res = await w.app.inject({ url: pdfLink(packet) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(c.record.caseNumber);
  });
});

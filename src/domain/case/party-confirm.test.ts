import { describe, expect, it } from 'vitest';
import {
  overriddenProposal,
  proposed,
  sha256HexSync as sha,
} from '../../../tests/builders/liability.builder';
import { utf8Bytes } from '../manifest/canonical-json';
import type { CaseRecord } from './case.schema';
import { determinationBytes } from './determination';
import {
  CONFIRM_PLACE_CHARS,
  confirmSummary,
  confirmUrl,
  decodeConfirmFragment,
  encodeConfirmFragment,
} from './party-confirm';

const ORIGIN = 'https://kuaichu.example.cn';

function withPlace(c: CaseRecord, address: string): CaseRecord {
  return { ...c, location: { ...c.location, address } };
}

const b64 = (text: string) => Buffer.from(utf8Bytes(text)).toString('base64url');

describe('the party confirmation link', () => {
  it('carries the case, the minute, the place, each vehicle with its liability and the determination hash', () => {
    const c = withPlace(proposed(), '北京市朝阳区建国路与东三环路交叉口南100米');
    const hash = sha(determinationBytes(c));
    const s = confirmSummary(c, hash);
    expect(s).toMatchObject({
      caseId: c.id,
      caseNumber: c.caseNumber,
      occurredAt: `${(c.occurredAt ?? c.arrivedAt).slice(0, 16)}Z`,
      place: '北京市朝阳区建国路与东三环路交叉口南100米'.slice(0, CONFIRM_PLACE_CHARS),
      sha256: hash,
    });
    expect(s.vehicles).toEqual(
      c.vehicles.map((v) => ({
        label: v.label,
        plate: v.plate,
        liability: v.label === 'B' ? 'full' : 'none',
      })),
    );
  });

  it.each([
    ['the proposal', proposed()],
    ['an override', overriddenProposal()],
    ['a long place in Chinese', withPlace(proposed(), '某'.repeat(80))],
    ['no place and no liability yet', withPlace({ ...proposed(), liability: undefined }, '')],
  ])('reads back what it wrote: %s', (_name, c) => {
    const s = confirmSummary(c, sha(determinationBytes(c)));
    const url = confirmUrl(ORIGIN, s);
    expect(url.startsWith(`${ORIGIN}/confirm#k1.`)).toBe(true);
    // Short enough for a QR code a phone camera reads at arm's length.
    expect(url.length).toBeLessThan(420);
    expect(decodeConfirmFragment(new URL(url).hash)).toEqual({ ok: true, value: s });
  });

  it('keeps the override that stands, not the proposal', () => {
    const c = overriddenProposal();
    const s = confirmSummary(c, sha(determinationBytes(c)));
    expect(s.vehicles.map((v) => [v.label, v.liability])).toEqual([
      ['A', 'secondary'],
      ['B', 'primary'],
    ]);
  });

  const good = encodeConfirmFragment(confirmSummary(proposed(), 'a'.repeat(64)));
  const wire = JSON.parse(
    Buffer.from(good.slice('k1.'.length), 'base64url').toString('utf8'),
  ) as unknown[];
  const altered = (index: number, value: unknown) =>
    `k1.${b64(JSON.stringify(wire.map((w, i) => (i === index ? value : w))))}`;

  it.each([
    ['no fragment', '', 'missing', undefined],
    ['only the hash sign', '#', 'missing', undefined],
    ['another format', '#x9.abc', 'not-ours', 'prefix'],
    ['a later version', altered(0, 2), 'not-ours', 'version'],
    ['not base64url', 'k1.***', 'damaged', 'encoding'],
    ['cut short', good.slice(0, 43), 'damaged', 'json'],
    ['not UTF-8', `k1.${Buffer.from([0xff, 0xfe]).toString('base64url')}`, 'damaged', 'encoding'],
    ['a hash of the wrong length', altered(6, 'abc'), 'damaged', 'sha256'],
    ['a hash in capitals', altered(6, 'A'.repeat(64)), 'damaged', 'sha256'],
    ['a case id that is no UUID', altered(2, 'case-1'), 'damaged', 'caseId'],
    ['a time with seconds', altered(3, '2026-11-27T02:00:00Z'), 'damaged', 'occurredAt'],
    ['no vehicles', altered(5, []), 'damaged', 'vehicles'],
    ['an unknown liability code', altered(5, [['A', '京A12345', 'x']]), 'damaged', 'vehicles'],
    ['a place too long', altered(4, '某'.repeat(CONFIRM_PLACE_CHARS + 1)), 'damaged', 'place'],
  ])('refuses %s, saying why', (_name, fragment, reason, detail) => {
    const r = decodeConfirmFragment(fragment);
    expect(r).toEqual(detail ? { ok: false, reason, detail } : { ok: false, reason });
  });
});

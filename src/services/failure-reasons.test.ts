import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CASE_REFUSALS, HANDOVER_REFUSALS } from '../contracts/cases';
import { COMMON_ERROR_CODES } from '../contracts/errors';
import { UPLOAD_REFUSALS } from '../contracts/uploads';
import { classifyFailure } from '../domain/outbox';
import { failureReason, reasonKey, reasonText } from './failure-reasons';
import { reasonMessages } from './reason-messages';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { translation: reasonMessages[lng] } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** Every reason the outbox can record, besides a server's unknown code. */
const RECORDED = [
  ...Object.keys(COMMON_ERROR_CODES),
  ...Object.keys(CASE_REFUSALS),
  ...Object.keys(HANDOVER_REFUSALS),
  ...Object.keys(UPLOAD_REFUSALS),
  // tus and blob-store refusals
  'invalid_upload_length',
  'invalid_upload_metadata',
  'hash_mismatch',
  'too_large',
  'db_unavailable',
  'storage_unavailable',
  'forbidden_action',
  'invalid_transition',
  'bad_credentials',
  'bad_request',
  // the runner's own
  'network',
  'timeout',
  'not-a-receipt',
  'local-photo-damaged',
  'case-unreadable',
  'needs-attention',
  // classifyFailure's fallbacks for every status without a code
  ...Array.from({ length: 300 }, (_, i) => 300 + i).flatMap((status) => {
    const action = classifyFailure({ kind: 'http', status });
    return 'reason' in action ? [action.reason] : [];
  }),
];

describe('failure reasons in words', () => {
  it.each([...new Set(RECORDED)])('%s has its own words', (code) => {
    expect(reasonKey(code)).not.toBe('other');
  });

  it.each(['zh-CN', 'en'] as const)(
    '%s: no reason shows a code, a slug or a status',
    async (lng) => {
      const t = await translator(lng);
      for (const code of [...new Set(RECORDED)].concat(
        'some_new_code',
        'fst_err_ctp_empty_json_body',
      )) {
        for (const reason of [code, `photo:${code}`, `case:${code}`, `pull:${code}`]) {
          const text = reasonText(t, reason);
          expect(text, reason).not.toMatch(/[a-z]+_[a-z]+|\b[1-5]\d\d\b|reasons\./);
          // A slug never shows (a plain word such as "refused" may, in English).
          if (/[-_\d]/.test(code)) expect(text, reason).not.toContain(code);
          expect(text.length, reason).toBeGreaterThan(3);
        }
      }
    },
  );

  it('names forbidden_role in words, in both languages', async () => {
    expect(reasonText(await translator('zh-CN'), 'forbidden_role')).toBe(
      '这个账号不能做这项操作（需要路勤民警账号）',
    );
    expect(reasonText(await translator('en'), 'photo:forbidden_role')).toBe(
      'photo: this account may not do this (a patrol officer’s account is needed)',
    );
  });

  it('gives an unknown code the general words, not the code', async () => {
    expect(reasonKey('brand_new_refusal')).toBe('other');
    expect(reasonText(await translator('zh-CN'), 'brand_new_refusal')).toContain('原因不明');
  });

  it('records a failed call as the outbox does', () => {
    expect(failureReason({ kind: 'http', status: 403, code: 'forbidden_role' })).toBe(
      'forbidden_role',
    );
    expect(failureReason({ kind: 'http', status: 502 })).toBe('http-502');
    expect(failureReason({ kind: 'network' })).toBe('network');
  });
});

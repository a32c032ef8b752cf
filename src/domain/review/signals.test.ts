import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../case/case.schema';
import type { CaseState } from '../case/case-state';
import type { LiabilityRecord, SignatureEntry } from '../case/liability-record.schema';
import { queueBucket, reviewSignals, type ReviewSignal } from './signals';

const AT = '2026-11-27T02:10:00.000Z';
const SHA = 'a'.repeat(64);
const PARTY = '0190a000-0000-7000-8000-0000000000aa';

const withLiability = (patch: Partial<LiabilityRecord>): CaseRecord =>
  aCase()
    .withVehicles(2)
    .with({ liability: { schemaVersion: 1, signatures: [], ...patch } })
    .build();

const signature = (patch: Partial<SignatureEntry>): SignatureEntry => ({
  partyId: PARTY,
  kind: 'signed',
  at: AT,
  contentSha256: SHA,
  image: 'data:image/png;base64,AAAA',
  ...patch,
});

const plain = aCase().withVehicles(2).build();

describe('reviewSignals', () => {
  it.each<[string, CaseRecord, readonly string[], ReviewSignal[]]>([
    ['a plain case', plain, [], []],
    ['escalated now', { ...plain, state: 'escalated' }, [], ['escalated']],
    [
      'escalated once, submitted since',
      {
        ...plain,
        state: 'submitted',
        transitions: [
          ...plain.transitions,
          { from: 'opened', to: 'escalated', at: AT, reason: 'injury' },
          { from: 'escalated', to: 'submitted', at: AT },
        ],
      },
      [],
      ['escalated'],
    ],
    [
      'the engine escalated',
      withLiability({
        decision: {
          outcome: 'escalate',
          officerMustConfirm: false,
          alternatives: [],
          scenarios: [],
          findings: [],
          catalogVersion: 'test',
        },
      }),
      [],
      ['escalated'],
    ],
    [
      'disputed facts',
      withLiability({ dispute: { reason: '车速有争议', at: AT } }),
      [],
      ['disputed'],
    ],
    ['full / none', withLiability({ proposal: { A: 'full', B: 'none' } }), [], []],
    ['equal', withLiability({ proposal: { A: 'equal', B: 'equal' } }), [], []],
    [
      'primary / secondary proposal',
      withLiability({ proposal: { A: 'primary', B: 'secondary' } }),
      [],
      ['primary-secondary'],
    ],
    [
      'override to primary / secondary',
      withLiability({
        proposal: { A: 'full', B: 'none' },
        override: { liability: { A: 'primary', B: 'secondary' }, reason: '变道', at: AT },
      }),
      [],
      ['primary-secondary', 'override'],
    ],
    [
      'override away from primary / secondary: the override is what stands',
      withLiability({
        proposal: { A: 'primary', B: 'secondary' },
        override: { liability: { A: 'full', B: 'none' }, reason: '追尾', at: AT },
      }),
      [],
      ['override'],
    ],
    ['a version gap', plain, ['version_gap'], ['version-gap']],
    [
      'a refusal',
      withLiability({
        signatures: [signature({ kind: 'refused', reason: '拒签', image: undefined })],
      }),
      [],
      ['refusal'],
    ],
    [
      'signed with an objection',
      withLiability({ signatures: [signature({ reason: '保留意见' })] }),
      [],
      ['refusal'],
    ],
    ['signed plainly', withLiability({ signatures: [signature({})] }), [], []],
    [
      'flagged for review',
      withLiability({ flaggedForReview: { reason: '拒签', at: AT } }),
      [],
      ['refusal'],
    ],
    ['amended (receipt flag)', plain, ['amended'], ['amended']],
    [
      'amended (the record)',
      withLiability({
        amendments: [
          {
            reason: '更正',
            at: AT,
            supersededSha256: SHA,
            supersededContent: '{}',
            signatures: [],
          },
        ],
      }),
      [],
      ['amended'],
    ],
    [
      'a refusal kept only in a superseded amendment is not current',
      withLiability({
        amendments: [
          {
            reason: '更正',
            at: AT,
            supersededSha256: SHA,
            supersededContent: '{}',
            signatures: [signature({ kind: 'refused', reason: '拒签', image: undefined })],
          },
        ],
      }),
      [],
      ['amended'],
    ],
    [
      'everything at once, in the queue’s order',
      {
        ...withLiability({
          proposal: { A: 'primary', B: 'secondary' },
          override: { liability: { A: 'secondary', B: 'primary' }, reason: '变道', at: AT },
          dispute: { reason: '车速', at: AT },
          flaggedForReview: { reason: '拒签', at: AT },
        }),
        state: 'escalated',
      },
      ['amended', 'version_gap'],
      [
        'escalated',
        'disputed',
        'primary-secondary',
        'override',
        'version-gap',
        'refusal',
        'amended',
      ],
    ],
  ])('%s', (_name, record, flags, expected) => {
    expect(reviewSignals(record, flags)).toEqual(expected);
  });
});

describe('queueBucket', () => {
  it.each<[CaseState, ReviewSignal[], string]>([
    ['synced', [], 'new'],
    ['synced', ['override', 'refusal'], 'new'],
    ['synced', ['escalated'], 'escalated'],
    ['synced', ['escalated', 'disputed'], 'disputed'],
    ['synced', ['disputed'], 'disputed'],
    ['returned', ['disputed', 'escalated'], 'returned'],
    ['reviewed', ['disputed'], 'reviewed'],
    ['delivered', [], 'reviewed'],
    ['acknowledged', [], 'reviewed'],
    ['assessed', ['escalated'], 'reviewed'],
    ['paid', [], 'reviewed'],
    ['closed', [], 'reviewed'],
    ['submitted', ['escalated'], 'escalated'],
  ])('%s with %j → %s', (state, signals, bucket) => {
    expect(queueBucket(state, signals)).toBe(bucket);
  });
});

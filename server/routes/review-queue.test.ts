/**
 * GET /api/review/queue on cases seeded straight into the database (rows
 * only: such a database is not one verify-audit can pass, hence `tampered`):
 * filters, counts under the other filters, paging, sorting, the brigade's
 * scope, and the feed cursor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueResponse } from '../../src/contracts/review';
import { createUnit, createUser } from '../auth/accounts';
import { seedPlan, seedQueueCases, type SeedPlan } from '../queue-seed';
import { CHEAP_SCRYPT, TEST_PASSWORD, openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
/** Officers: 0 officerA, 1 officerA2 (patrol A), 2 officer A3 (patrol A2), 3 officerB (brigade B). */
let officers: { id: string; unitId: string }[];
let patrolA2: string;

beforeEach(async () => {
  w = await openTestWorld();
  w.fx.tampered();
  patrolA2 = (
    await createUnit(
      w.fx.db,
      { brigadeId: w.units.patrolA.brigadeId, name: 'Patrol A2', kind: 'patrol-squad' },
      w.clock.now,
    )
  ).id;
  const a3 = await createUser(
    w.fx.db,
    {
      username: 'officera3',
      displayName: '民警三',
      role: 'officer',
      unitId: patrolA2,
      password: TEST_PASSWORD,
    },
    'test',
    w.clock.now,
    CHEAP_SCRYPT,
  );
  officers = [
    { id: w.users.officerA.id, unitId: w.units.patrolA.id },
    { id: w.users.officerA2.id, unitId: w.units.patrolA.id },
    { id: a3.id, unitId: patrolA2 },
    { id: w.users.officerB.id, unitId: w.units.patrolB.id },
  ];
});

afterEach(async () => {
  await w.close();
});

const queue = async (query = '', actor: Actor = 'reviewerA') => {
  const res = await w.call(actor, { url: `/api/review/queue${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return QueueResponse.parse(res.json());
};

/** Eight cases around the CST midnight between 20 and 21 November. */
const SMALL: (SeedPlan & { officer: number })[] = [
  { state: 'synced', variant: 'plain', arrivedAt: '2026-11-20T15:59:59.999Z', officer: 0 },
  { state: 'synced', variant: 'populated', arrivedAt: '2026-11-20T16:00:00.000Z', officer: 1 },
  { state: 'synced', variant: 'escalated', arrivedAt: '2026-11-21T03:00:00.000Z', officer: 0 },
  { state: 'returned', variant: 'populated', arrivedAt: '2026-11-22T03:00:00.000Z', officer: 1 },
  { state: 'reviewed', variant: 'escalated', arrivedAt: '2026-11-23T03:00:00.000Z', officer: 2 },
  { state: 'paid', variant: 'plain', arrivedAt: '2026-11-24T03:00:00.000Z', officer: 2 },
  { state: 'synced', variant: 'plain', arrivedAt: '2026-11-21T03:00:00.000Z', officer: 0 },
  { state: 'synced', variant: 'escalated', arrivedAt: '2026-11-25T03:00:00.000Z', officer: 3 },
];

describe('GET /api/review/queue', () => {
  let ids: string[];
  beforeEach(async () => {
    ids = await seedQueueCases(w.fx.db, officers, SMALL.length, (i) => SMALL[i]!);
  });

  it('lists the brigade’s cases oldest first, with their buckets, signals and names', async () => {
    const q = await queue();

    // Case 7 is brigade B's. Cases 2 and 6 arrived at the same instant: by id.
    const same = [ids[2]!, ids[6]!].sort();
    expect(q.items.map((i) => i.id)).toEqual([ids[0], ids[1], ...same, ids[3], ids[4], ids[5]]);
    expect(q.total).toBe(7);
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(25);
    const populated = q.items[1]!;
    expect(populated).toMatchObject({
      bucket: 'disputed',
      signals: ['disputed', 'primary-secondary', 'override', 'refusal', 'amended'],
      unit: { id: w.units.patrolA.id, name: 'Patrol A' },
      officer: { id: w.users.officerA2.id, name: 'officerA2' },
      arrivedAt: '2026-11-20T16:00:00.000Z',
      manifestVersion: 1,
      address: 'G318 国道 K123+400',
      plates: ['川A12340', '川A12341'],
      takenOver: false,
    });
    expect(q.items.map((i) => i.bucket)).toEqual(
      expect.arrayContaining(['new', 'disputed', 'escalated', 'returned', 'reviewed']),
    );
    expect(q.counts).toEqual({
      buckets: { new: 2, escalated: 1, disputed: 1, returned: 1, reviewed: 2 },
      signals: {
        escalated: 2,
        disputed: 2,
        'primary-secondary': 2,
        override: 2,
        'version-gap': 0,
        refusal: 2,
        amended: 2,
        'revoked-device': 0,
      },
      // Disputed, escalated and returned wait; the reviewed escalated case does not.
      needsMe: 3,
    });
    expect(q.units.map((u) => u.name)).toEqual([
      'Accident A',
      'Patrol A',
      'Patrol A2',
      'Station A',
    ]);
    expect(q.officers.map((o) => o.name).sort()).toEqual(['officerA', 'officerA2', '民警三']);
  });

  it('filters by bucket and signal; counts stay under the other filters only', async () => {
    const disputed = await queue('?bucket=disputed');
    expect(disputed.items.map((i) => i.id)).toEqual([ids[1]]);
    expect(disputed.total).toBe(1);
    expect(disputed.counts.buckets.new).toBe(2);

    const any = await queue('?signal=any&sort=newest');
    expect(any.items.map((i) => i.id)).toEqual([ids[4], ids[3], ids[2], ids[1]]);
    const escalated = await queue('?signal=escalated');
    expect(escalated.items.map((i) => i.id)).toEqual([ids[2], ids[4]]);
    expect(escalated.counts).toEqual(disputed.counts);
  });

  it('filters by unit, officer and CST days, and counts under them', async () => {
    const unit = await queue(`?unit=${patrolA2}`);
    expect(unit.items.map((i) => i.id)).toEqual([ids[4], ids[5]]);
    expect(unit.counts.buckets).toEqual({
      new: 0,
      escalated: 0,
      disputed: 0,
      returned: 0,
      reviewed: 2,
    });
    expect(unit.counts.needsMe).toBe(0);

    const officer = await queue(`?officer=${w.users.officerA2.id}`);
    expect(officer.items.map((i) => i.id)).toEqual([ids[1], ids[3]]);

    // 21 November in China: from 2026-11-20T16:00Z to before 2026-11-21T16:00Z.
    const day = await queue('?from=2026-11-21&to=2026-11-21');
    expect(day.items.map((i) => i.id).sort()).toEqual([ids[1], ids[2], ids[6]].sort());
    expect(day.counts.buckets).toMatchObject({ new: 1, disputed: 1, escalated: 1 });
    const before = await queue('?to=2026-11-20');
    expect(before.items.map((i) => i.id)).toEqual([ids[0]]);
  });

  it('pages in the database', async () => {
    const pages = [
      await queue('?pageSize=3'),
      await queue('?pageSize=3&page=2'),
      await queue('?pageSize=3&page=3'),
    ];
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(
      (await queue()).items.map((i) => i.id),
    );
    expect(pages.every((p) => p.total === 7)).toBe(true);
    expect((await queue('?page=9')).items).toEqual([]);
  });

  it('shows a reviewer of another brigade only his own', async () => {
    const b = await queue('', 'reviewerB');
    expect(b.items.map((i) => i.id)).toEqual([ids[7]]);
    expect(b.units.map((u) => u.name)).toEqual(['Accident B', 'Patrol B']);
    // Another brigade's unit as a filter gives nothing, not its cases.
    expect((await queue(`?unit=${w.units.patrolB.id}`)).items).toEqual([]);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, field] of [
      ['?pageSize=0', 'querystring.pageSize'],
      ['?pageSize=101', 'querystring.pageSize'],
      ['?page=0', 'querystring.page'],
      ['?from=2026-02-30', 'querystring.from'],
      ['?bucket=old', 'querystring.bucket'],
      ['?signal=loud', 'querystring.signal'],
      ['?sort=random', 'querystring.sort'],
    ] as const) {
      const res = await w.call('reviewerA', { url: `/api/review/queue${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe(
        field,
      );
    }
  });

  it('gives the feed cursor to poll for arrivals from', async () => {
    expect((await queue()).feedCursor).toBe('0');
    await w.fx.db
      .insertInto('changes')
      .values({
        case_id: ids[0]!,
        kind: 'received',
        state: 'synced',
        actor_id: w.users.officerA.id,
        actor_role: 'officer',
        note: null,
        at: w.clock.now.toISOString(),
        insurer_id: null,
        claim_state: null,
        missing: null,
        manifest_version: 1,
      })
      .execute();
    const cursor = (await queue()).feedCursor;
    expect(cursor).not.toBe('0');
    const feed = await w.call('reviewerA', { url: `/api/changes?cursor=${cursor}` });
    expect(feed.json<{ changes: unknown[] }>().changes).toEqual([]);
  });
});

describe('GET /api/review/queue over 500 cases', () => {
  it('counts, pages and sorts them all', async () => {
    const ids = await seedQueueCases(w.fx.db, officers.slice(0, 3), 500);
    const plans = ids.map((_, i) => seedPlan(i));
    const waiting = plans.filter((p) => ['synced'].includes(p.state));

    const first = await queue('?pageSize=100');
    const pages = [first];
    for (let page = 2; page <= 5; page++) pages.push(await queue(`?pageSize=100&page=${page}`));

    expect(first.total).toBe(500);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(ids);
    expect(first.counts.buckets).toEqual({
      new: waiting.filter((p) => p.variant === 'plain').length,
      escalated: waiting.filter((p) => p.variant === 'escalated').length,
      disputed: waiting.filter((p) => p.variant === 'populated').length,
      returned: plans.filter((p) => p.state === 'returned').length,
      reviewed: plans.filter((p) => p.state === 'reviewed' || p.state === 'paid').length,
    });
    expect(first.counts.signals.escalated).toBe(
      plans.filter((p) => p.variant === 'escalated').length,
    );
    expect(first.counts.needsMe).toBe(
      plans.filter((p) => p.variant !== 'plain' && !['reviewed', 'paid'].includes(p.state)).length,
    );
    const newest = await queue('?sort=newest&signal=any&pageSize=10');
    const withSignal = ids.filter((_, i) => plans[i]!.variant !== 'plain');
    expect(newest.total).toBe(withSignal.length);
    expect(newest.items.map((i) => i.id)).toEqual(withSignal.reverse().slice(0, 10));
  });
});

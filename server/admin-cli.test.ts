import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from './admin-cli';
import { verifyPassword } from './auth/passwords';
import { seedDemo } from './demo';
import { openTempServerFixture } from './test-support';
import type { TempServerFixture } from './test-support';
import { CHEAP_SCRYPT } from './test-world';

let fx: TempServerFixture;
let out: string[];
let err: string[];

const admin = (...argv: string[]) =>
  runAdmin(argv, {
    db: fx.db,
    blobs: fx.blobs,
    now: () => new Date('2026-11-27T09:30:00.000Z'),
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    scryptCost: CHEAP_SCRYPT,
  });

beforeEach(async () => {
  fx = await openTempServerFixture();
  out = [];
  err = [];
});

afterEach(async () => {
  await fx.cleanup();
});

/** The brigade "County" with its patrol squad "Patrol 1". */
async function countyPatrol() {
  expect(await admin('create-brigade', '--name', 'County')).toBe(0);
  expect(
    await admin(
      'create-unit',
      '--brigade',
      'County',
      '--name',
      'Patrol 1',
      '--kind',
      'patrol-squad',
    ),
  ).toBe(0);
}

describe('admin CLI', () => {
  it('creates a brigade, unit, insurer and users, lists, resets, disables', async () => {
    await countyPatrol();
    expect(await admin('create-insurer', '--name', 'PICC Property', '--code', 'PICC')).toBe(0);
    expect(
      await admin(
        'create-user',
        '--username',
        'li.wei',
        '--role',
        'officer',
        '--unit',
        'Patrol 1',
        '--password',
        'long enough pw',
      ),
    ).toBe(0);
    expect(
      await admin(
        'create-user',
        '--username',
        'claims',
        '--role',
        'insurer',
        '--insurer',
        'PICC',
        '--password',
        'long enough pw',
      ),
    ).toBe(0);
    expect(
      await admin('reset-password', '--username', 'li.wei', '--password', 'another long one'),
    ).toBe(0);
    expect(await admin('disable', '--username', 'claims')).toBe(0);
    out = [];

    expect(await admin('list')).toBe(0);

    expect(out.find((l) => l.includes('li.wei'))).toMatch(/officer/);
    expect(out.find((l) => l.includes('claims'))).toMatch(/DISABLED/);
    const user = await fx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'li.wei')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword('another long one', user.password_hash)).toBe(true);
    const actions = await fx.db.selectFrom('audit_events').select(['actor', 'action']).execute();
    expect(actions).toContainEqual({ actor: 'cli:disable', action: 'user.disabled' });
  });

  it.each([
    [
      ['create-user', '--username', 'x1x', '--role', 'officer', '--password', 'long enough pw'],
      /an officer belongs to a unit/,
    ],
    [
      ['create-user', '--username', 'AB', '--role', 'officer', '--password', 'long enough pw'],
      /--username/,
    ],
    [
      ['create-user', '--username', 'abc', '--role', 'chief', '--password', 'long enough pw'],
      /--role/,
    ],
    [['create-user', '--username', 'abc', '--role', 'admin', '--password', 'short'], /at least 10/],
    [['disable', '--username', 'ghost'], /no user ghost/],
    [
      ['create-user', '--username', 'abc', '--role', 'admin', '--password', 'abc-password'],
      /the password contains the username/,
    ],
    [
      ['create-user', '--username', 'abc', '--role', 'admin', '--password', '1111111111'],
      /the password/,
    ],
    [['frobnicate'], /unknown command/],
    [['list', '--bogus'], /Unknown option/],
  ])('refuses %j with a usage message and exit 2', async (argv, message) => {
    expect(await admin(...argv)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).toMatch(/Usage: npm run admin/);
  });

  it('refuses to disable the last admin, and a reviewer in a patrol squad', async () => {
    await countyPatrol();
    const user = (...more: string[]) =>
      admin('create-user', '--password', 'long enough pw', '--username', ...more);
    expect(await user('chief', '--role', 'admin')).toBe(0);
    expect(await user('deputy', '--role', 'admin')).toBe(0);
    err = [];

    expect(await user('li.na', '--role', 'reviewer', '--unit', 'Patrol 1')).toBe(2);
    expect(err.join('\n')).toMatch(/a reviewer belongs in an accident-squad, not a patrol-squad/);
    expect(await admin('disable', '--username', 'deputy')).toBe(0);
    expect(await admin('disable', '--username', 'chief')).toBe(2);
    expect(err.join('\n')).toMatch(/chief is the last admin/);
    const chief = await fx.db
      .selectFrom('users')
      .select('disabled_at')
      .where('username', '=', 'chief')
      .executeTakeFirstOrThrow();
    expect(chief.disabled_at).toBeNull();
  });

  it('verify-audit passes on an intact chain and fails at an edited or deleted row', async () => {
    await seedDemo(fx.db, new Date('2026-11-27T09:00:00.000Z'), CHEAP_SCRYPT);
    expect(await admin('verify-audit')).toBe(0);
    expect(out.at(-1)).toMatch(/audit chain intact: 11 events; head hash [0-9a-f]{64}/);

    fx.tampered();
    await sql`update audit_events set subject = 'someone else' where id = 2`.execute(fx.db);
    expect(await admin('verify-audit')).toBe(1);
    expect(err.join('\n')).toMatch(/BROKEN at event 2 \(hash_mismatch\)/);

    err = [];
    await sql`delete from audit_events where id = 2`.execute(fx.db);
    expect(await admin('verify-audit')).toBe(1);
    expect(err.join('\n')).toMatch(/BROKEN at event 2 \(missing_row\)/);
  });

  it('verify-audit prints every break, not only the first, and exits 1', async () => {
    await seedDemo(fx.db, new Date('2026-11-27T09:00:00.000Z'), CHEAP_SCRYPT);
    fx.tampered();
    await sql`update audit_events set subject = 'someone else' where id = 2`.execute(fx.db);
    await sql`update audit_events set action = 'user.nothing' where id = 4`.execute(fx.db);

    expect(await admin('verify-audit')).toBe(1);

    expect(err.filter((l) => l.startsWith('BROKEN at'))).toEqual([
      expect.stringMatching(/^BROKEN at event 2 \(hash_mismatch\)/),
      expect.stringMatching(/^BROKEN at event 4 \(hash_mismatch\)/),
    ]);
    expect(err.at(-1)).toMatch(/2 breaks/);
  });
});

describe('demo seed', () => {
  it('seeds a brigade, two insurers, two officers sharing a squad and one user of each other role, once', async () => {
    const first = await seedDemo(fx.db, new Date(), CHEAP_SCRYPT);
    const second = await seedDemo(fx.db, new Date(), CHEAP_SCRYPT);

    expect(first.seeded).toBe(true);
    expect(second.seeded).toBe(false);
    const users = await fx.db
      .selectFrom('users')
      .select(['username', 'role', 'password_hash'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => u.role).sort()).toEqual([
      'admin',
      'insurer',
      'officer',
      'officer',
      'reviewer',
      'station',
    ]);
    expect(await fx.db.selectFrom('insurers').select('code').execute()).toHaveLength(2);
    expect(await fx.db.selectFrom('units').select('kind').execute()).toHaveLength(3);
    // Three roadside video units within 2 km of the demo phone's place, one far out.
    expect(await fx.db.selectFrom('video_units').select('code').execute()).toHaveLength(4);
    for (const c of first.credentials) {
      const user = users.find((u) => u.username === c.username);
      expect(user && (await verifyPassword(c.password, user.password_hash))).toBe(true);
    }
  });

  it('names its people, units and insurers in Chinese, as a brigade does', async () => {
    await seedDemo(fx.db, new Date(), CHEAP_SCRYPT);
    const names = [
      ...(await fx.db.selectFrom('users').select('display_name as name').execute()),
      ...(await fx.db.selectFrom('units').select('name').execute()),
      ...(await fx.db.selectFrom('insurers').select('name').execute()),
      ...(await fx.db.selectFrom('brigades').select('name').execute()),
    ].map((r) => r.name);
    expect(names).toContain('张伟');
    expect(names).toContain('示范县公安局交警大队 事故中队');
    for (const name of names) expect(name, name).not.toMatch(/[A-Za-z]/);
  });
});

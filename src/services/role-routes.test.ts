import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/route';
import type { SessionState, StoredSession } from '../storage';
import { ROLE_HOMES, routeFor, viewerRole } from './role-routes';

const session = (role: Role): StoredSession => ({
  token: 't',
  expiresAt: '2026-11-27T20:00:00.000Z',
  signedInAt: '2026-11-27T08:00:00.000Z',
  user: {
    id: '0190a0b0-0000-7000-8000-000000000001',
    username: `demo-${role}`,
    displayName: '李娜',
    role,
    unit: null,
    insurer: null,
  },
});

describe('viewerRole', () => {
  it.each<[string, SessionState, Role]>([
    ['signed out: an officer capturing offline', { kind: 'signed-out' }, 'officer'],
    [
      'an active reviewer',
      { kind: 'active', session: session('reviewer'), shiftEndsAt: '2026-11-27T20:00:00.000Z' },
      'reviewer',
    ],
    [
      'an expired insurer',
      { kind: 'expired', session: session('insurer'), why: 'shift-over' },
      'insurer',
    ],
    [
      'an active admin',
      { kind: 'active', session: session('admin'), shiftEndsAt: '2026-11-27T20:00:00.000Z' },
      'admin',
    ],
    [
      'an active station helper',
      { kind: 'active', session: session('station'), shiftEndsAt: '2026-11-27T20:00:00.000Z' },
      'station',
    ],
    [
      'an active officer',
      { kind: 'active', session: session('officer'), shiftEndsAt: '2026-11-27T20:00:00.000Z' },
      'officer',
    ],
  ])('%s', (_, state, role) => {
    expect(viewerRole(state)).toBe(role);
  });
});

describe('routeFor', () => {
  it.each<[string, Role, ReturnType<typeof routeFor>]>([
    // The officer's flow is unchanged: every officer path shows as before.
    ['/', 'officer', { kind: 'show' }],
    ['/cases/new', 'officer', { kind: 'show' }],
    ['/outbox', 'officer', { kind: 'show' }],
    ['/cases/0190a0b0-0000-7000-8000-000000000001/parties', 'officer', { kind: 'show' }],
    ['/settings', 'officer', { kind: 'show' }],
    ['/signin', 'officer', { kind: 'show' }],
    ['/review', 'officer', { kind: 'redirect', to: '/' }],
    ['/admin', 'officer', { kind: 'redirect', to: '/' }],
    // A rural station captures with the officer's screens; the officer alone confirms its cases.
    ['/', 'station', { kind: 'show' }],
    ['/cases/new', 'station', { kind: 'show' }],
    ['/outbox', 'station', { kind: 'show' }],
    ['/cases/0190a0b0-0000-7000-8000-000000000001/evidence', 'station', { kind: 'show' }],
    ['/review', 'station', { kind: 'redirect', to: '/' }],
    ['/dashboard', 'station', { kind: 'redirect', to: '/' }],
    ['/handovers', 'officer', { kind: 'show' }],
    ['/handovers/0190a0b0-0000-7000-8000-000000000001', 'officer', { kind: 'show' }],
    ['/handovers', 'station', { kind: 'redirect', to: '/' }],
    ['/handovers', 'reviewer', { kind: 'handovers' }],
    ['/handovers/0190a0b0-0000-7000-8000-000000000001', 'reviewer', { kind: 'handovers' }],
    ['/handovers', 'insurer', { kind: 'officer-only', role: 'insurer' }],
    ['/handovers', 'admin', { kind: 'officer-only', role: 'admin' }],
    // The five-fast dashboard: the reviewer's and the admin's, nobody else's.
    ['/dashboard', 'reviewer', { kind: 'dashboard' }],
    ['/dashboard', 'admin', { kind: 'dashboard' }],
    ['/dashboard', 'officer', { kind: 'redirect', to: '/' }],
    ['/dashboard', 'insurer', { kind: 'redirect', to: '/insurer' }],
    // Each other role has its own home, and '/' takes it there.
    ['/review', 'reviewer', { kind: 'home', role: 'reviewer' }],
    ['/insurer', 'insurer', { kind: 'home', role: 'insurer' }],
    ['/admin', 'admin', { kind: 'home', role: 'admin' }],
    ['/', 'reviewer', { kind: 'redirect', to: '/review' }],
    ['/', 'insurer', { kind: 'redirect', to: '/insurer' }],
    ['/', 'admin', { kind: 'redirect', to: '/admin' }],
    ['/insurer', 'reviewer', { kind: 'redirect', to: '/review' }],
    ['/review', 'admin', { kind: 'redirect', to: '/admin' }],
    // The reviewer's case view is under his home, his alone; anyone else goes to his own home.
    [
      '/review/0190a0b0-0000-7000-8000-000000000001',
      'reviewer',
      { kind: 'home', role: 'reviewer' },
    ],
    ['/review/0190a0b0-0000-7000-8000-000000000001', 'officer', { kind: 'redirect', to: '/' }],
    [
      '/review/0190a0b0-0000-7000-8000-000000000001',
      'insurer',
      { kind: 'redirect', to: '/insurer' },
    ],
    // Shared screens.
    ['/settings', 'insurer', { kind: 'show' }],
    ['/signin', 'admin', { kind: 'show' }],
    // Officer-only screens say so.
    ['/cases/new', 'reviewer', { kind: 'officer-only', role: 'reviewer' }],
    ['/outbox', 'insurer', { kind: 'officer-only', role: 'insurer' }],
    [
      '/cases/0190a0b0-0000-7000-8000-000000000001',
      'admin',
      { kind: 'officer-only', role: 'admin' },
    ],
    [
      '/cases/0190a0b0-0000-7000-8000-000000000001/evidence',
      'reviewer',
      { kind: 'officer-only', role: 'reviewer' },
    ],
  ])('%s for %s', (path, role, decision) => {
    expect(routeFor(path, role)).toEqual(decision);
  });

  it('gives every role a home of its own, but the station, which captures on the officer’s screens', () => {
    const others = Object.entries(ROLE_HOMES).filter(([role]) => role !== 'station');
    expect(new Set(others.map(([, home]) => home)).size).toBe(others.length);
    expect(ROLE_HOMES.station).toBe(ROLE_HOMES.officer);
  });
});

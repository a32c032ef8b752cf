/**
 * Who the phone is for right now, and which screen a path shows them. A
 * patrol officer (or nobody: capture works signed out, and the case goes to
 * the next officer who signs in) gets the officer's screens; the accident
 * squad's reviewer, the insurer and the brigade's admin each get their own
 * home, and an officer-only path (the case list, new case, a case, the
 * outbox) tells them in words that it is for patrol officers.
 */
import type { Role } from '../contracts/route';
import type { SessionState } from '../storage';
import { capturesCases } from '../domain/case/station-role';

/** The home path of each role. */
export const ROLE_HOMES = {
  officer: '/',
  reviewer: '/review',
  insurer: '/insurer',
  admin: '/admin',
  // A rural station's account captures cases with the officer's screens.
  station: '/',
} as const satisfies Record<Role, string>;

/** The roles with a home of their own (an officer and a station capture cases). */
export type OtherRole = Exclude<Role, 'officer' | 'station'>;

/** Paths every role may open. */
const SHARED_PATHS = new Set(['/settings', '/signin']);

/** The rural stations' cases handed over to the brigade's officers (an officer or a reviewer confirms them). */
export const HANDOVERS_PATH = '/handovers';
const isHandoversPath = (path: string) =>
  path === HANDOVERS_PATH || path.startsWith(`${HANDOVERS_PATH}/`);

/** The brigade's five-fast dashboard, for its reviewers and admins. */
export const DASHBOARD_PATH = '/dashboard';
export const DASHBOARD_ROLES: readonly Role[] = ['reviewer', 'admin'];
export const seesDashboard = (role: Role | undefined): boolean =>
  role !== undefined && DASHBOARD_ROLES.includes(role);

/**
 * The role whose screens the phone shows: the signed-in user's, also after
 * the sign-in expired (the phone is still theirs); an officer's when signed out.
 */
export function viewerRole(state: SessionState): Role {
  return state.kind === 'signed-out' ? 'officer' : state.session.user.role;
}

export type RouteDecision =
  | { kind: 'show' }
  | { kind: 'handovers' }
  | { kind: 'home'; role: OtherRole }
  | { kind: 'dashboard' }
  | { kind: 'redirect'; to: string }
  | { kind: 'officer-only'; role: OtherRole };

/** What `path` shows to `role`. */
export function routeFor(path: string, role: Role): RouteDecision {
  // The role's own narrowing: every role that does not capture cases has a home of its own.
  const other = (r: Role): r is OtherRole => !capturesCases(r);
  if (SHARED_PATHS.has(path)) return { kind: 'show' };
  if (path === DASHBOARD_PATH) {
    return seesDashboard(role) ? { kind: 'dashboard' } : { kind: 'redirect', to: ROLE_HOMES[role] };
  }
  const homeOf = (Object.entries(ROLE_HOMES) as [Role, string][]).find(
    // A role's home and the paths under it (the reviewer's `/review/:id`) are its screens.
    ([r, home]) => !capturesCases(r) && (path === home || path.startsWith(`${home}/`)),
  )?.[0];
  if (!other(role)) {
    // Another role's home on an officer's (or a station's) phone: the case list; a
    // station does not confirm its own hand-overs.
    const notHis = homeOf !== undefined || (role === 'station' && isHandoversPath(path));
    return notHis ? { kind: 'redirect', to: ROLE_HOMES.officer } : { kind: 'show' };
  }
  // The accident squad's reviewer confirms the rural stations' cases too, from his workspace.
  if (role === 'reviewer' && isHandoversPath(path)) return { kind: 'handovers' };
  if (homeOf === role) return { kind: 'home', role };
  if (homeOf || path === ROLE_HOMES.officer) return { kind: 'redirect', to: ROLE_HOMES[role] };
  return { kind: 'officer-only', role };
}

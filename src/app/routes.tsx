/**
 * The screens and their paths. Every screen loads on demand together with its
 * feature's messages (and is precached by the service worker, so it still
 * opens offline), and with i18next, once the first screen has painted; of the
 * case list only the frame is in the first chunk.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { OtherRole } from '../services/role-routes';
import type { MessageBundle } from '../ui/i18n/setup';
import { loadI18n } from './i18n-gate';
import { afterFirstPaint } from './later';

type Loader<P> = () => Promise<ComponentType<P>>;
type Messages = () => Promise<MessageBundle>;

type Screen<P> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts loading the screen (its code, messages and i18next) before it renders. */
  preload: () => void;
};

function screen<P>(load: Loader<P>, ...messages: Messages[]): Screen<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const loadAll = () =>
    (loading ??= afterFirstPaint()
      .then(() => Promise.all([load(), loadI18n(), ...messages.map((m) => m())]))
      .then(([component, i18n, ...bundles]) => {
        bundles.forEach(i18n.addMessages);
        return { default: component };
      }));
  return Object.assign(lazy(loadAll), { preload: () => void loadAll().catch(() => undefined) });
}

const map: Messages = () => import('../features/map/messages').then((m) => m.mapMessages);
const scene: Messages = () => import('../features/scene/messages').then((m) => m.sceneMessages);
const triage: Messages = () => import('../features/triage/messages').then((m) => m.triageMessages);
const evidence: Messages = () =>
  import('../features/evidence/messages').then((m) => m.evidenceMessages);
const liability: Messages = () =>
  import('../features/liability/messages').then((m) => m.liabilityMessages);

const auth: Messages = () => import('../features/auth/messages').then((m) => m.authMessages);
const station: Messages = () =>
  import('../features/station/messages').then((m) => m.stationMessages);
const outbox: Messages = () => import('../features/outbox/messages').then((m) => m.outboxMessages);
const reasons: Messages = () => import('../services/reason-messages').then((m) => m.reasonMessages);

export const SignInScreen = screen(
  () => import('../features/auth/SignInScreen').then((m) => m.SignInScreen),
  auth,
  reasons,
);
export const OutboxScreen = screen(
  () => import('../features/outbox/OutboxScreen').then((m) => m.OutboxScreen),
  outbox,
  auth,
  reasons,
);
const account: Messages = () =>
  import('../services/account-messages').then((m) => m.accountMessages);
const overdue: Messages = () =>
  import('../services/overdue-messages').then((m) => m.overdueMessages);
const footage: Messages = () =>
  import('../services/footage-messages').then((m) => m.footageMessages);

/** The home of each role other than the officer (whose home is the case list). */
export const ROLE_HOME_SCREENS: Readonly<Record<OtherRole, LazyExoticComponent<ComponentType>>> = {
  reviewer: screen(
    () => import('../features/review/ReviewScreens').then((m) => m.ReviewScreens),
    account,
    overdue,
    () => import('../features/review/messages').then((m) => m.reviewMessages),
    () => import('../features/review/timeline-messages').then((m) => m.timelineMessages),
    () => import('../features/review/script-messages').then((m) => m.scriptMessages),
    footage,
    // The facts' words (place kinds, actions, signals) the reviewer reads and corrects.
    liability,
  ),
  insurer: screen(
    () => import('../features/insurer/InsurerScreens').then((m) => m.InsurerScreens),
    account,
    () => import('../features/insurer/messages').then((m) => m.insurerMessages),
  ),
  admin: screen(
    () => import('../features/admin/AdminScreens').then((m) => m.AdminScreens),
    account,
    overdue,
    () => import('../features/admin/messages').then((m) => m.adminMessages),
    () => import('../features/admin/accounts-messages').then((m) => m.accountsMessages),
    () => import('../features/admin/lenient-messages').then((m) => m.lenientAdminMessages),
    () => import('../features/admin/targets-messages').then((m) => m.targetsAdminMessages),
    // The base-map fields' words, for a brigade's tile source.
    () => import('../ui/map/tile-source-messages').then((m) => m.tileSourceMessages),
    () => import('../features/admin/video-messages').then((m) => m.videoMessages),
    () => import('../features/admin/recovery-messages').then((m) => m.recoveryRevealMessages),
    footage,
  ),
};

/** The brigade's five-fast dashboard (reviewer, admin): its own chunk, loaded when opened. */
export const DashboardScreen = screen(
  () => import('../features/dashboard/DashboardScreen').then((m) => m.DashboardScreen),
  () => import('../features/dashboard/messages').then((m) => m.dashboardMessages),
);

/** What another role sees at an officer-only address. */
export const OfficerOnly = screen(
  () => import('./OfficerOnly').then((m) => m.OfficerOnly),
  account,
);

/** The officer's home: it reads the database, so it loads with it (its frame paints first). */
export const CaseList = screen(() => import('../features/scene/CaseList').then((m) => m.CaseList));

export const NewCase = screen(
  () => import('../features/scene/NewCase').then((m) => m.NewCase),
  scene,
);
export const Settings = screen(
  () => import('../features/settings/Settings').then((m) => m.Settings),
  () => import('../ui/map/tile-source-messages').then((m) => m.tileSourceMessages),
);

/**
 * A party's own confirmation of the determination (`/confirm`, from the
 * officer's QR code): public, no session and no database.
 */
export const ConfirmScreen = screen(
  () => import('../features/confirm/ConfirmScreen').then((m) => m.ConfirmScreen),
  () => import('../features/confirm/messages').then((m) => m.confirmMessages),
);

/** Screens of one case, by the path after `/cases/:id`. */
export const CASE_SCREENS: ReadonlyArray<
  readonly [suffix: string, Screen: LazyExoticComponent<ComponentType<{ id: string }>>]
> = [
  [
    '',
    screen(() => import('../features/scene/CaseDetail').then((m) => m.CaseDetail), scene, footage),
  ],
  [
    '/triage',
    screen(() => import('../features/triage/TriageScreen').then((m) => m.TriageScreen), triage),
  ],
  [
    '/parties',
    screen(() => import('../features/scene/PartiesScreen').then((m) => m.PartiesScreen), scene),
  ],
  [
    '/sketch',
    screen(() => import('../features/scene/SketchScreen').then((m) => m.SketchScreen), scene),
  ],
  [
    '/evidence',
    screen(
      () => import('../features/evidence/EvidenceScreen').then((m) => m.EvidenceScreen),
      evidence,
    ),
  ],
  [
    '/location',
    screen(
      () => import('../features/map/CaseLocationScreen').then((m) => m.CaseLocationScreen),
      map,
    ),
  ],
  [
    '/liability',
    screen(
      () => import('../features/liability/LiabilityScreen').then((m) => m.LiabilityScreen),
      liability,
    ),
  ],
  [
    '/notices',
    screen(
      () => import('../features/liability/NoticesScreen').then((m) => m.NoticesScreen),
      liability,
    ),
  ],
  [
    '/document',
    screen(
      () =>
        import('../features/liability/DeterminationDocument').then((m) => m.DeterminationDocument),
      liability,
    ),
  ],
];

/** A rural station's last step on its case, in place of liability, notices and the document. */
const HandOverScreen = screen(
  () => import('../features/station/HandOverScreen').then((m) => m.HandOverScreen),
  station,
);
/** The notices and the document once the officer's remote determination is on the case. */
const READ_TO_PARTIES = new Set(['/notices', '/document']);
export const STATION_CASE_SCREENS: typeof CASE_SCREENS = CASE_SCREENS.map(([suffix, Screen]) => {
  if (suffix === '/liability') return [suffix, HandOverScreen] as const;
  if (!READ_TO_PARTIES.has(suffix)) return [suffix, Screen] as const;
  return [
    suffix,
    screen(() => import('./StationStep').then((m) => m.stationStep(Screen, HandOverScreen))),
  ] as const;
});

/** The officer's list of the cases rural stations handed over, and one case's check. */
export const HandoversScreen = screen(
  () => import('../features/station/HandoversScreen').then((m) => m.HandoversScreen),
  station,
);
export const HandoverConfirmScreen = screen(
  () => import('../features/station/ConfirmScreen').then((m) => m.ConfirmScreen),
  station,
);

const vault: Messages = () =>
  import('../features/auth/vault-messages').then((m) => m.vaultMessages);

/** The phone's lock screen and the officer's PIN setting (encryption at rest). */
export const LockScreen = screen(
  () => import('../features/auth/VaultScreens').then((m) => m.LockScreen),
  vault,
);
export const PinSetupScreen = screen(
  () => import('../features/auth/VaultScreens').then((m) => m.PinSetupScreen),
  vault,
);

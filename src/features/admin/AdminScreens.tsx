/**
 * The brigade administrator's screens under his home: the home at `/admin`,
 * the brigades' call-back settings at `/admin/brigades`, every brigade's
 * overdue packets at `/admin/overdue`, the accounts at `/admin/accounts`, the
 * units at `/admin/units`, the enrolled phones at `/admin/devices`, the audit
 * log at `/admin/audit`, a brigade's courteous script at
 * `/admin/brigades/:id/script`, its map tile source at `/admin/brigades/:id/tiles`,
 * its roadside video units at `/admin/brigades/:id/video-units`,
 * a new insurer company at `/admin/insurers/new`,
 * registering an insurer's endpoint at `/admin/insurers/:id/endpoints/new`,
 * one endpoint at `/admin/insurers/:insurerId/endpoints/:endpointId`. Each
 * loads when first opened (this module stays small: it is what the app's
 * routes name for the admin).
 */
import { lazy } from 'react';
import { matchPath, usePath } from '../../ui/router';

const AdminHome = lazy(() => import('./AdminHome').then((m) => ({ default: m.AdminHome })));
const NewInsurer = lazy(() => import('./NewInsurer').then((m) => ({ default: m.NewInsurer })));
const NewEndpoint = lazy(() => import('./NewEndpoint').then((m) => ({ default: m.NewEndpoint })));
const EndpointScreen = lazy(() =>
  import('./EndpointScreen').then((m) => ({ default: m.EndpointScreen })),
);

const BrigadeSettingsScreen = lazy(() =>
  import('./BrigadeSettingsScreen').then((m) => ({ default: m.BrigadeSettingsScreen })),
);
const OverdueScreen = lazy(() =>
  import('./OverdueScreen').then((m) => ({ default: m.OverdueScreen })),
);

const AccountsScreen = lazy(() =>
  import('./AccountsScreen').then((m) => ({ default: m.AccountsScreen })),
);
const UnitsScreen = lazy(() => import('./UnitsScreen').then((m) => ({ default: m.UnitsScreen })));
const AuditScreen = lazy(() => import('./AuditScreen').then((m) => ({ default: m.AuditScreen })));
const CourtesyScriptScreen = lazy(() =>
  import('./CourtesyScriptScreen').then((m) => ({ default: m.CourtesyScriptScreen })),
);
const LenientListScreen = lazy(() =>
  import('./LenientListScreen').then((m) => ({ default: m.LenientListScreen })),
);
const TileSourceScreen = lazy(() =>
  import('./TileSourceScreen').then((m) => ({ default: m.TileSourceScreen })),
);
const VideoUnitsScreen = lazy(() =>
  import('./VideoUnitsScreen').then((m) => ({ default: m.VideoUnitsScreen })),
);
const DevicesScreen = lazy(() =>
  import('./DevicesScreen').then((m) => ({ default: m.DevicesScreen })),
);

export function AdminScreens() {
  const path = usePath();
  if (path === '/admin/brigades') return <BrigadeSettingsScreen />;
  if (path === '/admin/overdue') return <OverdueScreen />;
  if (path === '/admin/accounts') return <AccountsScreen />;
  if (path === '/admin/units') return <UnitsScreen />;
  if (path === '/admin/devices') return <DevicesScreen />;
  if (path === '/admin/audit') return <AuditScreen />;
  if (path === '/admin/insurers/new') return <NewInsurer />;
  const script = matchPath('/admin/brigades/:id/script', path);
  if (script?.id) return <CourtesyScriptScreen key={path} brigadeId={script.id} />;
  const lenient = matchPath('/admin/brigades/:id/lenient', path);
  if (lenient?.id) return <LenientListScreen key={path} brigadeId={lenient.id} />;
  const tiles = matchPath('/admin/brigades/:id/tiles', path);
  if (tiles?.id) return <TileSourceScreen key={path} brigadeId={tiles.id} />;
  const video = matchPath('/admin/brigades/:id/video-units', path);
  if (video?.id) return <VideoUnitsScreen key={path} brigadeId={video.id} />;
  const registering = matchPath('/admin/insurers/:id/endpoints/new', path);
  if (registering?.id) return <NewEndpoint key={path} insurerId={registering.id} />;
  const endpoint = matchPath('/admin/insurers/:insurerId/endpoints/:endpointId', path);
  if (endpoint?.insurerId && endpoint.endpointId) {
    return (
      <EndpointScreen key={path} insurerId={endpoint.insurerId} endpointId={endpoint.endpointId} />
    );
  }
  return <AdminHome />;
}

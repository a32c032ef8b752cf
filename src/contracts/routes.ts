/** Every API route's contract, in the order the OpenAPI document lists them. */
import { auditRoutes } from './audit';
import { adminRoutes } from './admin';
import { authRoutes } from './auth';
import { caseRoutes } from './cases';
import { changeRoutes } from './changes';
import { claimRoutes } from './claims';
import { dashboardRoutes } from './dashboard';
import { deviceRoutes } from './devices';
import { fieldPackRoutes } from './field-pack';
import { tileSourceRoutes } from './tile-source';
import { healthRoutes } from './health';
import { packetRoutes } from './packets';
import { partyConfirmationRoutes } from './party-confirmations';
import { reviewRoutes } from './review';
import { stationRoutes } from './station';
import { timelineRoutes } from './timeline';
import type { RouteSpec } from './route';
import { uploadRoutes } from './uploads';
import { videoRoutes } from './video';
import { webhookRoutes } from './webhooks';

export const API_ROUTES: readonly RouteSpec[] = [
  ...healthRoutes,
  ...authRoutes,
  ...deviceRoutes,
  ...uploadRoutes,
  ...caseRoutes,
  ...changeRoutes,
  ...reviewRoutes,
  ...stationRoutes,
  ...timelineRoutes,
  ...partyConfirmationRoutes,
  ...packetRoutes,
  ...claimRoutes,
  ...adminRoutes,
  ...fieldPackRoutes,
  ...tileSourceRoutes,
  ...videoRoutes,
  ...webhookRoutes,
  ...auditRoutes,
  ...dashboardRoutes,
];

/** The contract of a route by id; throws for an unknown id (a programming error). */
export function routeSpec(id: string): RouteSpec {
  const spec = API_ROUTES.find((r) => r.id === id);
  if (!spec) throw new Error(`no route contract with id ${id}`);
  return spec;
}

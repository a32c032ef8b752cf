/**
 * The brigade administrator's calls for insurers' webhook endpoints and the
 * brigades' settings for insurers
 * (src/contracts/webhooks.ts, admin.ts): every answer parsed with its
 * route's schema, every failure a classified `ApiFailure` (with the server's
 * code, e.g. `endpoint_refused`, when it said one).
 */
import type * as z from 'zod/mini';
import {
  BrigadeList,
  BrigadeSettings,
  InsurerList,
  type BrigadeSettingsRequest,
  type CreateInsurerRequest,
} from '../contracts/admin';
import { Insurer } from '../contracts/auth';
import { BrigadeTileSource, type TileSettings } from '../contracts/tile-source';
import {
  DeliveryList,
  EndpointList,
  EndpointWithSecret,
  WebhookDelivery,
  WebhookEndpoint,
  type CreateEndpointRequest,
  type DeliveryState,
  type RotateSecretRequest,
} from '../contracts/webhooks';
import { CourtesyScript, type CourtesyScriptText } from '../contracts/field-pack';
import { LenientList, type LenientListBody } from '../domain/lenient/lenient-list.schema';
import { createAccountsApiClient, type AccountsApi } from './accounts-client';
import { createAuditApiClient, type AuditApi } from './audit-client';
import { request, type HttpConfig } from './http';
import { createVideoAdminApiClient, type VideoAdminApi } from './video-client';
import type { ApiResult } from './result';

export interface AdminApi extends AccountsApi, AuditApi, VideoAdminApi {
  listInsurers(token: string): Promise<ApiResult<InsurerList>>;
  /** A new insurer company (`409 insurer_code_taken` when its code is another's). */
  createInsurer(token: string, body: CreateInsurerRequest): Promise<ApiResult<Insurer>>;
  /** Brigades with their call-back target and when their packets go out. */
  listBrigades(token: string): Promise<ApiResult<BrigadeList>>;
  updateBrigade(
    token: string,
    brigadeId: string,
    body: BrigadeSettingsRequest,
  ): Promise<ApiResult<BrigadeSettings>>;
  /** A brigade's courteous script (the project's starter, version 0, until one is saved). */
  getCourtesyScript(token: string, brigadeId: string): Promise<ApiResult<CourtesyScript>>;
  /** A brigade's map tile source (version 0 and no source until one is set). */
  getTileSource(token: string, brigadeId: string): Promise<ApiResult<BrigadeTileSource>>;
  setTileSource(
    token: string,
    brigadeId: string,
    body: TileSettings,
  ): Promise<ApiResult<BrigadeTileSource>>;
  setCourtesyScript(
    token: string,
    brigadeId: string,
    body: CourtesyScriptText,
  ): Promise<ApiResult<CourtesyScript>>;
  getLenientList(token: string, brigadeId: string): Promise<ApiResult<LenientList>>;
  setLenientList(
    token: string,
    brigadeId: string,
    body: LenientListBody,
  ): Promise<ApiResult<LenientList>>;
  listEndpoints(token: string, insurerId: string): Promise<ApiResult<z.infer<typeof EndpointList>>>;
  /** Registers an endpoint; the answer holds its secret, this once. */
  createEndpoint(
    token: string,
    insurerId: string,
    body: CreateEndpointRequest,
  ): Promise<ApiResult<EndpointWithSecret>>;
  /** A new secret, answered this once; the previous one signs until the overlap ends. */
  rotateSecret(
    token: string,
    endpointId: string,
    body: RotateSecretRequest,
  ): Promise<ApiResult<EndpointWithSecret>>;
  setEndpointEnabled(
    token: string,
    endpointId: string,
    enabled: boolean,
  ): Promise<ApiResult<WebhookEndpoint>>;
  /** An endpoint's deliveries, newest first; only those in `state` when given. */
  listDeliveries(
    token: string,
    endpointId: string,
    state?: DeliveryState,
  ): Promise<ApiResult<z.infer<typeof DeliveryList>>>;
  /** Sends a delivery again with the same webhook-id; 409 `endpoint_disabled` while disabled. */
  replayDelivery(token: string, deliveryId: number): Promise<ApiResult<WebhookDelivery>>;
}

const seg = encodeURIComponent;

export function createAdminApiClient(config: HttpConfig): AdminApi {
  return {
    ...createAccountsApiClient(config),
    ...createAuditApiClient(config),
    ...createVideoAdminApiClient(config),
    listInsurers: (token) =>
      request(config, { method: 'GET', path: '/api/admin/insurers', token, schema: InsurerList }),
    createInsurer: (token, body) =>
      request(config, {
        method: 'POST',
        path: '/api/admin/insurers',
        token,
        body,
        schema: Insurer,
        ok: [201],
      }),
    listBrigades: (token) =>
      request(config, { method: 'GET', path: '/api/admin/brigades', token, schema: BrigadeList }),
    updateBrigade: (token, brigadeId, body) =>
      request(config, {
        method: 'PATCH',
        path: `/api/admin/brigades/${seg(brigadeId)}`,
        token,
        body,
        schema: BrigadeSettings,
      }),
    getCourtesyScript: (token, brigadeId) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/brigades/${seg(brigadeId)}/courtesy-script`,
        token,
        schema: CourtesyScript,
      }),
    getTileSource: (token, brigadeId) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/brigades/${seg(brigadeId)}/tile-source`,
        token,
        schema: BrigadeTileSource,
      }),
    setTileSource: (token, brigadeId, body) =>
      request(config, {
        method: 'PUT',
        path: `/api/admin/brigades/${seg(brigadeId)}/tile-source`,
        token,
        body,
        schema: BrigadeTileSource,
      }),
    setCourtesyScript: (token, brigadeId, body) =>
      request(config, {
        method: 'PUT',
        path: `/api/admin/brigades/${seg(brigadeId)}/courtesy-script`,
        token,
        body,
        schema: CourtesyScript,
      }),
    getLenientList: (token, brigadeId) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/brigades/${seg(brigadeId)}/lenient-list`,
        token,
        schema: LenientList,
      }),
    setLenientList: (token, brigadeId, body) =>
      request(config, {
        method: 'PUT',
        path: `/api/admin/brigades/${seg(brigadeId)}/lenient-list`,
        token,
        body,
        schema: LenientList,
      }),
    listEndpoints: (token, insurerId) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/insurers/${seg(insurerId)}/endpoints`,
        token,
        schema: EndpointList,
      }),
    createEndpoint: (token, insurerId, body) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/insurers/${seg(insurerId)}/endpoints`,
        token,
        body,
        schema: EndpointWithSecret,
        ok: [201],
      }),
    rotateSecret: (token, endpointId, body) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/endpoints/${seg(endpointId)}/rotate`,
        token,
        body,
        schema: EndpointWithSecret,
      }),
    setEndpointEnabled: (token, endpointId, enabled) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/endpoints/${seg(endpointId)}/enabled`,
        token,
        body: { enabled },
        schema: WebhookEndpoint,
      }),
    listDeliveries: (token, endpointId, state) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/endpoints/${seg(endpointId)}/deliveries${state ? `?state=${state}` : ''}`,
        token,
        schema: DeliveryList,
      }),
    replayDelivery: (token, deliveryId) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/deliveries/${deliveryId}/replay`,
        token,
        schema: WebhookDelivery,
      }),
  };
}

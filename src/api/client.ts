/**
 * The HTTP client of the Kuaichu API (docs/api.md). Every answer is parsed
 * with its route's schema from src/contracts; anything else — HTML, other
 * JSON, a 200 without a receipt — is a `not-a-receipt` failure, never a
 * success. The token is an argument of each call, so the caller knows which
 * session a 401 refused.
 */
import { CaseTimeline } from '../contracts/timeline';
import { LoginResponse, type LoginRequest } from '../contracts/auth';
import {
  CaseActionResponse,
  CaseDetail,
  CaseReceipt,
  type CaseActionRequest,
  type CasePutRequest,
} from '../contracts/cases';
import { ChangesResponse } from '../contracts/changes';
import { OverdueList } from '../contracts/claims';
import { EnrolDeviceResponse, type EnrolDeviceRequest } from '../contracts/devices';
import { FieldPack } from '../contracts/field-pack';
import { BrigadeOfficers } from '../contracts/station';
import { CaseHistory, CaseVerification, QueueResponse, type QueueQuery } from '../contracts/review';
import type { UploadStored } from '../contracts/uploads';
import { getBlob, httpFailure, request, send, type HttpConfig } from './http';
import { failed, success, type ApiResult } from './result';
import type { TusConfig, UploadPhotoInput } from './tus-upload';

export type ApiConfig = HttpConfig & Omit<TusConfig, 'baseUrl'>;

export interface Api {
  login(body: LoginRequest): Promise<ApiResult<LoginResponse>>;
  logout(token: string): Promise<ApiResult<void>>;
  enrolDevice(token: string, body: EnrolDeviceRequest): Promise<ApiResult<EnrolDeviceResponse>>;
  /** True when the server holds these bytes (and says their length is `byteLength`). */
  headPhoto(token: string, sha256: string, byteLength: number): Promise<ApiResult<boolean>>;
  uploadPhoto(token: string, input: UploadPhotoInput): Promise<ApiResult<UploadStored>>;
  putCase(token: string, caseId: string, body: CasePutRequest): Promise<ApiResult<CaseReceipt>>;
  getCase(token: string, caseId: string): Promise<ApiResult<CaseDetail>>;
  /** With `deviceId`, the answer says whether that phone was revoked. */
  getChanges(
    token: string,
    cursor?: string,
    deviceId?: string,
  ): Promise<ApiResult<ChangesResponse>>;
  /** The brigade's words and lists the phone keeps for offline use. */
  getFieldPack(token: string): Promise<ApiResult<FieldPack>>;
  /** A rural station's: the brigade's officers it may name at hand-over (kept for offline use). */
  getStationOfficers?(token: string): Promise<ApiResult<BrigadeOfficers>>;
}

/** The accident squad's calls (the reviewer's screens; the officer's sync never makes them). */
export interface ReviewApi {
  getChanges: Api['getChanges'];
  getCase: Api['getCase'];
  /** The accident squad's queue: one page, with the counts and the filters' choices. */
  getReviewQueue(token: string, query: QueueQuery): Promise<ApiResult<QueueResponse>>;
  getCaseHistory(token: string, caseId: string): Promise<ApiResult<CaseHistory>>;
  getCaseTimeline(token: string, caseId: string): Promise<ApiResult<CaseTimeline>>;
  getCaseVerification(token: string, caseId: string): Promise<ApiResult<CaseVerification>>;
  /** A reviewer's (or insurer's) action on a case; a 409 `review_conflict` names what came first. */
  postCaseAction(
    token: string,
    caseId: string,
    body: CaseActionRequest,
  ): Promise<ApiResult<CaseActionResponse>>;
  /** The bytes of one photo of a case. */
  getCasePhoto(token: string, caseId: string, sha256: string): Promise<ApiResult<Blob>>;
  /** Packets past their call-back target (a reviewer's brigade; an admin's, every brigade). */
  getOverdueClaims(token: string): Promise<ApiResult<OverdueList>>;
}

const PAGE = 100;

export function createApiClient(config: ApiConfig): Api {
  return {
    login: (body) =>
      request(config, { method: 'POST', path: '/api/auth/login', body, schema: LoginResponse }),
    async logout(token) {
      const sent = await send(config, { method: 'POST', path: '/api/auth/logout', token });
      if (!sent.ok) return sent;
      return sent.value.status === 204 ? success(undefined) : failed(httpFailure(sent.value));
    },
    enrolDevice: (token, body) =>
      request(config, {
        method: 'POST',
        path: '/api/devices',
        token,
        body,
        schema: EnrolDeviceResponse,
        ok: [200, 201],
      }),
    async headPhoto(token, sha256, byteLength) {
      const sent = await send(config, { method: 'HEAD', path: `/api/photos/${sha256}`, token });
      if (!sent.ok) return sent;
      const { status, headers } = sent.value;
      if (status === 404) return success(false);
      if (status !== 200) return failed(httpFailure(sent.value));
      // HEAD has no body to parse: the length is the check that this is our
      // server talking about these bytes, not a portal answering 200 to all.
      if (headers.get('content-length') !== String(byteLength)) {
        return failed({ kind: 'not-a-receipt', message: 'HEAD 200 with another length' });
      }
      return success(true);
    },
    // tus-js-client loads with the first upload, not at start.
    uploadPhoto: async (token, input) =>
      (await import('./tus-upload')).uploadPhoto(config, token, input),
    putCase: (token, caseId, body) =>
      request(config, {
        method: 'PUT',
        path: `/api/cases/${caseId}`,
        token,
        body,
        schema: CaseReceipt,
      }),
    getCase: (token, caseId) => getCase(config, token, caseId),
    getChanges: (token, cursor, deviceId) => getChanges(config, token, cursor, deviceId),
    getFieldPack: (token) =>
      request(config, { method: 'GET', path: '/api/field-pack', token, schema: FieldPack }),
    getStationOfficers: (token) =>
      request(config, {
        method: 'GET',
        path: '/api/station/officers',
        token,
        schema: BrigadeOfficers,
      }),
  };
}

const getCase = (config: HttpConfig, token: string, caseId: string) =>
  request(config, { method: 'GET', path: `/api/cases/${caseId}`, token, schema: CaseDetail });

function getChanges(
  config: HttpConfig,
  token: string,
  cursor: string | undefined,
  deviceId?: string,
) {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (cursor !== undefined) query.set('cursor', cursor);
  if (deviceId !== undefined) query.set('device', deviceId);
  return request(config, {
    method: 'GET',
    path: `/api/changes?${query.toString()}`,
    token,
    schema: ChangesResponse,
  });
}

/** The client of the reviewer's screens: the case, the changes feed and the review routes. */
export function createReviewApiClient(config: HttpConfig): ReviewApi {
  return {
    getCase: (token, caseId) => getCase(config, token, caseId),
    getChanges: (token, cursor) => getChanges(config, token, cursor),
    getReviewQueue(token, query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (typeof value === 'string' && value !== '') search.set(key, value);
      }
      const q = search.toString();
      return request(config, {
        method: 'GET',
        path: `/api/review/queue${q === '' ? '' : `?${q}`}`,
        token,
        schema: QueueResponse,
      });
    },
    getOverdueClaims: (token) =>
      request(config, { method: 'GET', path: '/api/claims/overdue', token, schema: OverdueList }),
    getCaseHistory: (token, caseId) =>
      request(config, {
        method: 'GET',
        path: `/api/cases/${caseId}/history`,
        token,
        schema: CaseHistory,
      }),
    getCaseTimeline: (token, caseId) =>
      request(config, {
        method: 'GET',
        path: `/api/cases/${caseId}/timeline`,
        token,
        schema: CaseTimeline,
      }),
    getCaseVerification: (token, caseId) =>
      request(config, {
        method: 'GET',
        path: `/api/cases/${caseId}/verification`,
        token,
        schema: CaseVerification,
      }),
    postCaseAction: (token, caseId, body) =>
      request(config, {
        method: 'POST',
        path: `/api/cases/${caseId}/actions`,
        token,
        body,
        schema: CaseActionResponse,
      }),
    getCasePhoto: (token, caseId, sha256) =>
      getBlob(config, { path: `/api/cases/${caseId}/photos/${sha256}`, token }),
  };
}

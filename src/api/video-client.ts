/**
 * The calls for roadside video (src/contracts/video.ts): the admin's units of
 * a brigade, and a case's footage requests — read and made by the case's
 * officer or a reviewer, answered by a reviewer — plus the brigade's field
 * pack for a reviewer's desk (its units and radius). Every answer parsed with
 * its route's schema; a refusal carries the server's code (`retention_passed`,
 * `code_taken` …).
 */
import { FieldPack } from '../contracts/field-pack';
import {
  FootageRequest,
  FootageRequestList,
  VideoUnit,
  VideoUnitList,
  type FootageRequestInput,
  type FootageResolution,
  type VideoUnitChange,
  type VideoUnitInput,
} from '../contracts/video';
import { request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export interface VideoAdminApi {
  listVideoUnits(token: string, brigadeId: string): Promise<ApiResult<VideoUnitList>>;
  createVideoUnit(
    token: string,
    brigadeId: string,
    body: VideoUnitInput,
  ): Promise<ApiResult<VideoUnit>>;
  /** Changes a unit; `active: false` takes it out of use. */
  updateVideoUnit(
    token: string,
    brigadeId: string,
    unitId: string,
    body: VideoUnitChange,
  ): Promise<ApiResult<VideoUnit>>;
}

export interface FootageApi {
  listFootage(token: string, caseId: string): Promise<ApiResult<FootageRequestList>>;
  requestFootage(
    token: string,
    caseId: string,
    body: FootageRequestInput,
  ): Promise<ApiResult<FootageRequest>>;
  resolveFootage(
    token: string,
    caseId: string,
    requestId: string,
    body: FootageResolution,
  ): Promise<ApiResult<FootageRequest>>;
  /** The caller's brigade's field pack (a reviewer's desk reads its units from it). */
  fieldPack(token: string): Promise<ApiResult<FieldPack>>;
}

const seg = encodeURIComponent;
const unitsPath = (brigadeId: string) => `/api/admin/brigades/${seg(brigadeId)}/video-units`;
const footagePath = (caseId: string) => `/api/cases/${seg(caseId)}/footage-requests`;

export function createVideoAdminApiClient(config: HttpConfig): VideoAdminApi {
  return {
    listVideoUnits: (token, brigadeId) =>
      request(config, { method: 'GET', path: unitsPath(brigadeId), token, schema: VideoUnitList }),
    createVideoUnit: (token, brigadeId, body) =>
      request(config, {
        method: 'POST',
        path: unitsPath(brigadeId),
        token,
        body,
        schema: VideoUnit,
        ok: [201],
      }),
    updateVideoUnit: (token, brigadeId, unitId, body) =>
      request(config, {
        method: 'PUT',
        path: `${unitsPath(brigadeId)}/${seg(unitId)}`,
        token,
        body,
        schema: VideoUnit,
      }),
  };
}

export function createFootageApiClient(config: HttpConfig): FootageApi {
  return {
    listFootage: (token, caseId) =>
      request(config, {
        method: 'GET',
        path: footagePath(caseId),
        token,
        schema: FootageRequestList,
      }),
    requestFootage: (token, caseId, body) =>
      request(config, {
        method: 'POST',
        path: footagePath(caseId),
        token,
        body,
        schema: FootageRequest,
        ok: [201],
      }),
    resolveFootage: (token, caseId, requestId, body) =>
      request(config, {
        method: 'POST',
        path: `${footagePath(caseId)}/${seg(requestId)}`,
        token,
        body,
        schema: FootageRequest,
      }),
    fieldPack: (token) =>
      request(config, { method: 'GET', path: '/api/field-pack', token, schema: FieldPack }),
  };
}

/**
 * The insurer portal's calls (src/contracts/packets.ts): the packets, counted
 * by status; one packet with freshly signed photo links; the call-back,
 * assessment and payout; and a photo's bytes through its signed link (no
 * token: the link is the key). Every answer is parsed with its contract.
 * Also an assessment's photos: uploaded by tus for the packet, and read back
 * (by the insurer, the brigade's reviewer or the case's officer).
 */
import { Claim } from '../contracts/claims';
import {
  ClaimPacket,
  PacketList,
  type AcknowledgeRequest,
  type AssessmentRequest,
  type PacketListQuery,
  type PayoutRequest,
} from '../contracts/packets';
import type { UploadStored } from '../contracts/uploads';
import { getBlob, request, type HttpConfig } from './http';
import type { ApiResult } from './result';
import { uploadAssessmentPhoto, type UploadAssessmentPhotoInput } from './tus-upload';

/** The three things an insurer records on a packet, by the last part of their path. */
export interface PacketActionBodies {
  acknowledge: AcknowledgeRequest;
  assessment: AssessmentRequest;
  payout: PayoutRequest;
}
export type PacketActionKind = keyof PacketActionBodies;

export interface PacketApi {
  listPackets(token: string, query: PacketListQuery): Promise<ApiResult<PacketList>>;
  getPacket(token: string, id: string): Promise<ApiResult<ClaimPacket>>;
  /** Records an action; the server answers the claim as it now stands. */
  postPacketAction<K extends PacketActionKind>(
    token: string,
    id: string,
    kind: K,
    body: PacketActionBodies[K],
  ): Promise<ApiResult<Claim>>;
  /** A photo's bytes through its signed link (absolute, or on the API's origin). */
  getSignedPhoto(url: string): Promise<ApiResult<Blob>>;
  /** Uploads a photo for the packet's assessment (tus, resumable). */
  uploadAssessmentPhoto(
    token: string,
    input: UploadAssessmentPhotoInput,
  ): Promise<ApiResult<UploadStored>>;
  /** The bytes of a photo of a claim's recorded assessment. */
  getAssessmentPhoto(token: string, claimId: string, sha256: string): Promise<ApiResult<Blob>>;
}

export function createPacketApiClient(config: HttpConfig): PacketApi {
  return {
    listPackets(token, query) {
      const search = new URLSearchParams();
      if (query.status) search.set('status', query.status);
      if (query.overdue) search.set('overdue', query.overdue);
      const q = search.toString();
      return request(config, {
        method: 'GET',
        path: `/api/packets${q === '' ? '' : `?${q}`}`,
        token,
        schema: PacketList,
      });
    },
    getPacket: (token, id) =>
      request(config, { method: 'GET', path: `/api/packets/${id}`, token, schema: ClaimPacket }),
    postPacketAction: (token, id, kind, body) =>
      request(config, {
        method: 'POST',
        path: `/api/packets/${id}/${kind}`,
        token,
        body,
        schema: Claim,
      }),
    uploadAssessmentPhoto: (token, input) => uploadAssessmentPhoto(config, token, input),
    getAssessmentPhoto: (token, claimId, sha256) =>
      getBlob(config, { path: `/api/claims/${claimId}/assessment-photos/${sha256}`, token }),
    getSignedPhoto(url) {
      const absolute = /^https?:\/\//i.test(url);
      return getBlob(absolute ? { ...config, baseUrl: '' } : config, { path: url, token: '' });
    },
  };
}

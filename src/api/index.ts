export {
  createApiClient,
  createReviewApiClient,
  type Api,
  type ApiConfig,
  type ReviewApi,
} from './client';
export { createAdminApiClient, type AdminApi } from './admin-client';
export type { ApiFailure, ApiResult } from './result';
export { assessmentFingerprint, photoFingerprint } from './photo-fingerprint';
export type { UploadAssessmentPhotoInput, UploadPhotoInput } from './tus-upload';
export { memoryUrlStorage } from './url-storage';
export {
  createPacketApiClient,
  type PacketActionBodies,
  type PacketActionKind,
  type PacketApi,
} from './packets-client';
export { createDashboardApiClient, type DashboardApi, type DashboardCsv } from './dashboard-client';
export { createFootageApiClient, type FootageApi } from './video-client';
export { confirmDetermination } from './party-confirm-client';
export { createStationApiClient, type StationApi } from './station-client';
export { getEscrowKey, issueRecoveryCode } from './escrow-client';

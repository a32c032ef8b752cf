/** Messages between the page and the media worker. */
import type { PhotoJob, ProcessedPhoto } from './photo-pipeline';

export interface PhotoRequest extends PhotoJob {
  requestId: number;
}

export type PhotoResponse =
  | ({ requestId: number; ok: true } & ProcessedPhoto)
  | { requestId: number; ok: false; error: string };

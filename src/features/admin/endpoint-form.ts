/**
 * The registration form's and the rotation's input, checked with the
 * contract's schemas before anything is sent: each problem names its field
 * (a message key under `admin.form.error`), nothing is sent while one stands.
 */
import {
  CreateEndpointRequest,
  RotateSecretRequest,
  type CreateEndpointRequest as CreateBody,
} from '../../contracts/webhooks';

export interface EndpointDraft {
  url: string;
  description: string;
  allowPrivate: boolean;
}

export const EMPTY_DRAFT: EndpointDraft = { url: '', description: '', allowPrivate: false };

export type UrlError = 'urlRequired' | 'urlInvalid' | 'urlTooLong' | 'urlHttps';
export type DescriptionError = 'descriptionTooLong' | 'descriptionInvalid';

export interface DraftErrors {
  url?: UrlError;
  description?: DescriptionError;
}

export type Checked<T, E> = { ok: true; value: T } | { ok: false; errors: E };

/** A URL the browser can read, with a host. */
function readable(url: string): boolean {
  try {
    return new URL(url).host !== '';
  } catch {
    return false;
  }
}

function urlError(url: string, allowPrivate: boolean): UrlError | undefined {
  if (url === '') return 'urlRequired';
  if (url.length > 2000) return 'urlTooLong';
  if (!readable(url) || !CreateEndpointRequest.shape.url.safeParse(url).success) {
    return 'urlInvalid';
  }
  // Plain http only where the brigade allows a private address (a test receiver on its own network).
  if (!allowPrivate && !/^https:/i.test(url)) return 'urlHttps';
  return undefined;
}

/** The request the draft makes, or what is wrong with it, by field. */
export function checkDraft(draft: EndpointDraft): Checked<CreateBody, DraftErrors> {
  const url = draft.url.trim();
  const description = draft.description.trim();
  const body: CreateBody = {
    url,
    ...(description !== '' && { description }),
    ...(draft.allowPrivate && { allowPrivate: true }),
  };
  const errors: DraftErrors = {};
  const u = urlError(url, draft.allowPrivate);
  if (u) errors.url = u;
  if (description.length > 200) errors.description = 'descriptionTooLong';
  else if (!CreateEndpointRequest.safeParse({ ...body, url: 'https://x.example' }).success) {
    errors.description = 'descriptionInvalid';
  }
  if (errors.url || errors.description) return { ok: false, errors };
  const parsed = CreateEndpointRequest.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { url: 'urlInvalid' } };
}

export const DEFAULT_OVERLAP_HOURS = 24;

/** The rotation's overlap in whole hours (0 to 168), or null when it is not one. */
export function checkOverlap(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  return RotateSecretRequest.safeParse({ overlapHours: hours }).success ? hours : null;
}

/**
 * Device enrolment. The officer's phone makes an ECDSA P-256 key pair with
 * WebCrypto (`generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false,
 * ['sign', 'verify'])` — private key non-extractable, kept in IndexedDB) and
 * registers the public half as a JWK (`exportKey('jwk', publicKey)`). Case
 * manifests must be signed by an active device of the submitting officer.
 */
import * as z from 'zod/mini';
import { line } from '../domain/text';
import { IdParams, defineRoute } from './route';

const B64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

export const P256PublicJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.regex(B64URL_32_BYTES, 'must be 32 bytes, base64url')),
  y: z.string().check(z.regex(B64URL_32_BYTES, 'must be 32 bytes, base64url')),
  /** WebCrypto adds these on export; kept as sent. */
  ext: z.optional(z.boolean()),
  key_ops: z.optional(z.array(z.string())),
  /** A private key must never leave the device: a JWK with `d` is refused. */
  d: z.optional(z.never('a private key must never leave the device')),
});
export type P256PublicJwk = z.infer<typeof P256PublicJwk>;

export const EnrolDeviceRequest = z.object({
  publicKeyJwk: P256PublicJwk,
  /** What the officer calls the phone, e.g. "Patrol car 3 phone". */
  label: line(80).check(z.minLength(1)),
});
export type EnrolDeviceRequest = z.infer<typeof EnrolDeviceRequest>;

export const Device = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  label: z.string(),
  publicKeyJwk: P256PublicJwk,
  createdAt: z.iso.datetime(),
  revokedAt: z.nullable(z.iso.datetime()),
});
export type Device = z.infer<typeof Device>;

export const EnrolDeviceResponse = z.object({
  /** Put this in every manifest the device signs (`manifest.deviceId`). */
  deviceId: z.uuid(),
  device: Device,
});
export type EnrolDeviceResponse = z.infer<typeof EnrolDeviceResponse>;

export const DeviceList = z.object({ devices: z.array(Device) });
export type DeviceList = z.infer<typeof DeviceList>;

/**
 * The officer's escrow key: 32 random bytes, base64url. The phone wraps its
 * data key with it (AES-KW) and keeps only the wrapped copy, so that after an
 * online sign-in a forgotten PIN is replaced without losing a case.
 */
export const EscrowKey = z.object({
  userId: z.uuid(),
  key: z.string().check(z.regex(B64URL_32_BYTES, 'must be 32 bytes, base64url')),
});
export type EscrowKey = z.infer<typeof EscrowKey>;

const CODE_16_DIGITS = /^\d{16}$/;

/**
 * The officer's phone asks for a supervisor's recovery code (issue 18) when
 * it sets a PIN, and again after it spent one offline (`spentCodeId`: the
 * server marks that code used). The phone wraps its data key with the code
 * and forgets it.
 */
export const IssueRecoveryCodeRequest = z.object({ spentCodeId: z.optional(z.uuid()) });
export type IssueRecoveryCodeRequest = z.infer<typeof IssueRecoveryCodeRequest>;

export const IssuedRecoveryCode = z.object({
  codeId: z.uuid(),
  /** 16 digits, the last a Luhn check digit (src/domain/device/recovery-code.ts). */
  code: z.string().check(z.regex(CODE_16_DIGITS, 'must be 16 digits')),
  issuedAt: z.iso.datetime(),
});
export type IssuedRecoveryCode = z.infer<typeof IssuedRecoveryCode>;

/** The supervisor's reason for reading a phone's code out (kept in the audit trail). */
export const RevealRecoveryCodeRequest = z.object({
  reason: line(200).check(
    z.refine((s) => s.trim().length >= 4, 'say why, in 4 characters or more'),
  ),
});
export type RevealRecoveryCodeRequest = z.infer<typeof RevealRecoveryCodeRequest>;

export const RevealedRecoveryCode = z.object({
  ...IssuedRecoveryCode.shape,
  deviceId: z.uuid(),
  userId: z.uuid(),
});
export type RevealedRecoveryCode = z.infer<typeof RevealedRecoveryCode>;

export const deviceRoutes = [
  defineRoute({
    id: 'devices.enrol',
    method: 'POST',
    path: '/api/devices',
    summary: 'Register this phone’s P-256 public key for the signed-in officer',
    access: ['officer', 'station'],
    scoped: false,
    body: EnrolDeviceRequest,
    responses: {
      201: { description: 'Enrolled', schema: EnrolDeviceResponse },
      200: {
        description: 'This key is already enrolled for the officer: the same device',
        schema: EnrolDeviceResponse,
      },
      403: { description: '`device_revoked`: this key’s device was revoked' },
    },
  }),
  defineRoute({
    id: 'devices.list',
    method: 'GET',
    path: '/api/devices',
    summary: 'Devices: an officer’s own, or every device for an admin',
    access: ['officer', 'station', 'admin'],
    scoped: false,
    responses: { 200: { description: 'Devices', schema: DeviceList } },
  }),
  defineRoute({
    id: 'devices.revoke',
    method: 'DELETE',
    path: '/api/devices/:id',
    summary: 'Revoke a device (own for an officer, any for an admin)',
    access: ['officer', 'station', 'admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'Revoked (again: unchanged)', schema: Device } },
  }),
  defineRoute({
    id: 'devices.escrowKey',
    method: 'GET',
    path: '/api/devices/:id/escrow-key',
    summary:
      'The signed-in officer’s escrow key, for an enrolled phone of theirs that is not revoked (each hand-out audited)',
    access: ['officer'],
    scoped: true,
    params: IdParams,
    responses: {
      200: {
        description: 'The key (made on first request, the same ever after)',
        schema: EscrowKey,
      },
      403: { description: '`device_revoked`: the phone was revoked' },
      404: { description: '`not_found`: no such device of this officer' },
    },
  }),
  defineRoute({
    id: 'devices.recoveryCode',
    method: 'POST',
    path: '/api/devices/:id/recovery-code',
    summary:
      'A new supervisor’s recovery code for the signed-in officer’s enrolled phone (the one in force is replaced; `spentCodeId` marks the one the phone spent as used)',
    access: ['officer'],
    scoped: true,
    params: IdParams,
    body: IssueRecoveryCodeRequest,
    responses: {
      201: { description: 'The code, shown to the phone once', schema: IssuedRecoveryCode },
      403: { description: '`device_revoked`: the phone was revoked' },
      404: { description: '`not_found`: no such device of this officer' },
    },
  }),
  defineRoute({
    id: 'admin.devices.recoveryCode',
    method: 'POST',
    path: '/api/admin/devices/:id/recovery-code/reveal',
    summary:
      'The recovery code in force of an officer’s phone, for the duty supervisor to read out over a voice call (the reason is required and audited with each reveal)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: RevealRecoveryCodeRequest,
    responses: {
      200: { description: 'The code in force', schema: RevealedRecoveryCode },
      403: { description: '`device_revoked`: the phone was revoked' },
      404: {
        description: '`not_found`: no such device; `no_recovery_code`: the phone has none in force',
      },
    },
  }),
] as const;

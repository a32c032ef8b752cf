import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CreateUserRequest } from './admin';
import { LoginRequest } from './auth';
import { CaseActionRequest } from './cases';
import { EnrolDeviceRequest } from './devices';
import { UploadMetadata } from './uploads';

const UUID = '0190a000-0000-7000-8000-000000000001';
const B64 = 'A'.repeat(43);

/** A valid request of each schema, and the free-text field in it to spoil. */
const REQUESTS: [string, z.ZodMiniType, Record<string, unknown>, string][] = [
  ['LoginRequest', LoginRequest, { username: 'officera', password: 'a long password' }, 'username'],
  [
    'CreateUserRequest',
    CreateUserRequest,
    { username: 'li.wei', displayName: '李伟', role: 'admin', password: 'a long password' },
    'displayName',
  ],
  [
    'EnrolDeviceRequest',
    EnrolDeviceRequest,
    { publicKeyJwk: { kty: 'EC', crv: 'P-256', x: B64, y: B64 }, label: 'Patrol car 3' },
    'label',
  ],
  ['CaseActionRequest', CaseActionRequest, { action: 'return', note: 'Need the plate' }, 'note'],
  [
    'UploadMetadata',
    UploadMetadata,
    { sha256: 'a'.repeat(64), caseId: UUID, filename: 'photo.jpg' },
    'filename',
  ],
];

const pathsOf = (schema: z.ZodMiniType, value: unknown) => {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('free text in request contracts', () => {
  it.each(REQUESTS)('%s is valid as given', (_name, schema, valid) => {
    expect(pathsOf(schema, valid)).toEqual([]);
  });

  it.each(REQUESTS)(
    '%s refuses a NUL byte in its text, naming the field',
    (_n, schema, valid, field) => {
      expect(pathsOf(schema, { ...valid, [field]: 'a\u0000b' })).toEqual([field]);
    },
  );

  it.each(REQUESTS)('%s refuses 2 MB of text, naming the field', (_n, schema, valid, field) => {
    expect(pathsOf(schema, { ...valid, [field]: 'x'.repeat(2 * 1024 * 1024) })).toEqual([field]);
  });

  it('keeps line breaks in a note', () => {
    expect(pathsOf(CaseActionRequest, { action: 'return', note: '一\n二' })).toEqual([]);
  });
});

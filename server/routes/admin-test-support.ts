/** What the admin route tests share: an account the admin creates, then its first sign-in. */
import { expect } from 'vitest';
import { TEST_PASSWORD, type TestWorld } from '../test-world';

/** The admin creates the account (201) and it signs in with its first password (200). */
export async function expectNewAccountSignsIn(
  w: TestWorld,
  account: { username: string; displayName: string; role: string } & Record<string, unknown>,
): Promise<void> {
  const created = await w.call('admin', {
    method: 'POST',
    url: '/api/admin/users',
    payload: { ...account, password: TEST_PASSWORD },
  });
  expect(created.statusCode).toBe(201);
  const login = await w.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: account.username, password: TEST_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
}

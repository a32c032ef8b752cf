import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt at the default cost and verifies', async () => {
    const stored = await hashPassword('correct horse battery');

    expect(stored).toMatch(
      new RegExp(`^scrypt\\$${DEFAULT_SCRYPT_COST.N}\\$8\\$1\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`),
    );
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('same', cost)).not.toBe(await hashPassword('same', cost));
  });

  it.each(['', 'plain', 'scrypt$0$8$1$AAAA$AAAA', 'bcrypt$1$2$3$4$5'])(
    'refuses the malformed stored value %j',
    async (stored) => {
      expect(await verifyPassword('x', stored)).toBe(false);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { withoutPostgres } from './test-postgres';

describe('npm run test:server:pg without PostgreSQL', () => {
  it('says the PostgreSQL half is skipped and why, and succeeds', () => {
    const { code, message } = withoutPostgres(false);
    expect(code).toBe(0);
    expect(message).toMatch(/^PostgreSQL half SKIPPED: PostgreSQL is not installed \(no pg_ctl/);
    expect(message).toContain('apt-get install -y postgresql');
  });

  it('fails under KUAICHU_REQUIRE_POSTGRES=1, as CI sets it', () => {
    const { code, message } = withoutPostgres(true);
    expect(code).toBe(1);
    expect(message).toContain(
      'KUAICHU_REQUIRE_POSTGRES=1: the PostgreSQL half may not be skipped.',
    );
  });
});

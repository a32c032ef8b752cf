import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startupMessage } from './startup-message';

describe('startupMessage', () => {
  it('prints a localhost URL and the LAN URLs when listening on every interface', () => {
    const config = loadConfig({}, { cwd: '/', projectRoot: '/opt/kc' });

    const text = startupMessage(config, 8080, ['192.168.1.20']);

    expect(text).toMatch(/^Kuaichu is running at http:\/\/localhost:8080\/$/m);
    expect(text).toMatch(/http:\/\/192\.168\.1\.20:8080\//);
  });

  it('prints the given host and no LAN hint when bound to one address', () => {
    const config = loadConfig({ HOST: '127.0.0.1' }, { cwd: '/', projectRoot: '/opt/kc' });

    const text = startupMessage(config, 18080, ['192.168.1.20']);

    expect(text).toMatch(/^Kuaichu is running at http:\/\/127\.0\.0\.1:18080\/$/m);
    expect(text).not.toMatch(/192\.168/);
  });
});

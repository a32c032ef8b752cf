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

  it('names the database and the blob store in use, never a password or key', () => {
    const files = loadConfig({ DATA_DIR: '/srv/kc' }, { cwd: '/', projectRoot: '/opt/kc' });
    const scale = loadConfig(
      {
        DATA_DIR: '/srv/kc',
        DATABASE_URL: 'postgres://kc:s3cret@db.example:5433/kuaichu',
        BLOB_STORE: 's3://kc-photos/county',
        S3_ENDPOINT: 'http://minio.local:9000',
        S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
      },
      { cwd: '/', projectRoot: '/opt/kc' },
    );

    const zero = startupMessage(files, 8080, []);
    const province = startupMessage(scale, 8080, []);

    expect(zero).toMatch(/^Database: SQLite \/srv\/kc\/kuaichu\.sqlite$/m);
    expect(zero).toMatch(/^Photos: files in \/srv\/kc\/blobs$/m);
    expect(province).toMatch(/^Database: PostgreSQL postgres:\/\/db\.example:5433\/kuaichu$/m);
    expect(province).toMatch(
      /^Photos: S3 bucket s3:\/\/kc-photos\/county\/ at http:\/\/minio\.local:9000$/m,
    );
    expect(province).not.toMatch(/s3cret|AKIDEXAMPLE|wJalrXUtnFEMI/);
  });
});

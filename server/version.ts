/** The app version, read once from package.json at the project root. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

export function readVersion(projectRoot = PROJECT_ROOT): string {
  try {
    const pkg: unknown = JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
    );
    const version = (pkg as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

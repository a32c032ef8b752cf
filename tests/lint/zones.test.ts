// The import zones of eslint.config.js, proved on small files that exist only
// in memory: each refused import fails lint with words that say what to do.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });
});

/** The messages lint gives `text` as if it were the file at `filePath`. */
async function lint(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const use = (name: string) => `\nexport const probe = ${name};\n`;

describe('a feature', () => {
  const file = 'src/features/probe/Probe.tsx';

  it('may not import dexie, and is told to go through src/services', async () => {
    const messages = await lint(file, `import Dexie from 'dexie';${use('Dexie')}`);
    expect(messages).toEqual([expect.stringContaining("'dexie' import is restricted")]);
    expect(messages[0]).toContain('src/services hooks');
  });

  it.each([
    ["import { useLiveQuery } from 'dexie-react-hooks';", 'useLiveQuery'],
    ["import { get } from 'idb-keyval';", 'get'],
  ])('may not touch the device database: %s', async (line, name) => {
    const messages = await lint(file, `${line}${use(name)}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Screens do not touch the device database');
  });

  it.each(['../../storage', '../../storage/cases-repo'])(
    'may not import storage (%s): it calls named operations',
    async (path) => {
      const messages = await lint(
        file,
        `import { updateCase } from '${path}';${use('updateCase')}`,
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('Screens call named operations, never storage');
    },
  );

  it.each([
    ['a static import', "import { Map } from '../map/Map';", 'Map'],
    ['a type import', "import type { Map } from '../map/Map';", 'null as unknown as Map'],
    ['a dynamic import', '', "import('../map/Map')"],
    ['a re-export', "export { Map } from '../map/Map';", '1'],
  ])('may not import another feature (%s)', async (_, line, name) => {
    const messages = await lint(file, `${line}${use(name)}`);
    expect(messages).toEqual([
      expect.stringContaining(
        'kuaichu/feature-boundaries: src/features/probe may not import src/features/map',
      ),
    ]);
  });

  it('may not import another feature from a subfolder either', async () => {
    const messages = await lint(
      'src/features/probe/parts/Part.tsx',
      `import { Map } from '../../map/Map';${use('Map')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('features never import each other');
  });

  it('may import its own folder, src/ui, src/services, src/domain and src/contracts', async () => {
    const text = [
      "import { Part } from './parts/Part';",
      "import { Own } from '../probe/Own';",
      "import { Page } from '../../ui/Page';",
      "import { useCaseStep } from '../../services/useCaseStep';",
      "import { openCase } from '../../domain';",
      "import { TILE_CACHE_NAME } from '../../contracts/tiles';",
      'export const probe = [Part, Own, Page, useCaseStep, openCase, TILE_CACHE_NAME];',
    ].join('\n');
    expect(await lint(file, text)).toEqual([]);
  });
});

describe('src/services', () => {
  it('may not import a feature', async () => {
    const messages = await lint(
      'src/services/probe.ts',
      `import { Map } from '../features/map/Map';${use('Map')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/services serves the screens');
  });

  it('reaches the database through src/storage, not Dexie', async () => {
    const messages = await lint(
      'src/services/probe.ts',
      `import Dexie from 'dexie';${use('Dexie')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('through src/storage');
  });
});

describe('service-worker/', () => {
  it('may not import the page’s storage or React', async () => {
    const text = [
      "import { updateCase } from '../src/storage';",
      "import { useState } from 'react';",
      'export const probe = [updateCase, useState];',
    ].join('\n');
    const messages = await lint('service-worker/probe.ts', text);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('may import workbox-*, src/contracts and src/domain only');
    expect(messages[1]).toContain('service-worker/ has no UI');
  });
});

describe('src/documents', () => {
  const file = 'src/documents/probe.ts';

  it('may not import a feature, the UI or Node: the phone and the server both print with it', async () => {
    const text = [
      "import { Page } from '../ui/Page';",
      "import { readFile } from 'node:fs/promises';",
      'export const probe = [Page, readFile];',
    ].join('\n');
    const messages = await lint(file, text);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('src/documents may import only src/domain and src/contracts');
    expect(messages[1]).toContain('src/documents runs on the phone and on the server');
  });

  it('may import src/domain, src/contracts and pdf-lib', async () => {
    const text = [
      "import { PDFDocument } from 'pdf-lib';",
      "import { openCase } from '../domain';",
      "import { ClaimPacket } from '../contracts/packets';",
      'export const probe = [PDFDocument, openCase, ClaimPacket];',
    ].join('\n');
    expect(await lint(file, text)).toEqual([]);
  });

  it('is one the server may import', async () => {
    const text = `import { documentWords } from '../../src/documents/words';${use('documentWords')}`;
    expect(await lint('server/packets/probe.ts', text)).toEqual([]);
  });
});

describe('leaflet', () => {
  const importLeaflet = `import { divIcon } from 'leaflet';${use('divIcon')}`;

  it.each(['src/features/map/Probe.tsx', 'src/features/review/Probe.tsx', 'src/ui/Probe.tsx'])(
    'is refused in %s, which is told to use src/ui/map/LeafletMap.tsx',
    async (file) => {
      const messages = await lint(file, importLeaflet);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('Only src/ui/map/LeafletMap.tsx imports leaflet');
    },
  );

  it('is imported by src/ui/map/LeafletMap.tsx alone, which keeps the rules of src/ui', async () => {
    expect(await lint('src/ui/map/LeafletMap.tsx', importLeaflet)).toEqual([]);
    const messages = await lint(
      'src/ui/map/LeafletMap.tsx',
      `import { updateCase } from '../../storage';${use('updateCase')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/ui is presentational');
  });
});

describe('src/ui', () => {
  it('may not import storage, also by its folder', async () => {
    const messages = await lint(
      'src/ui/Probe.tsx',
      `import { updateCase } from '../storage';${use('updateCase')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/ui is presentational');
  });
});

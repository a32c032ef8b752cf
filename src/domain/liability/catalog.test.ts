// The bundled catalog is a versioned copy of the brigade's shared/liability
// data (re-copy it and bump catalogVersion when that changes), validated before use.
import { describe, expect, it } from 'vitest';
import manifest from './catalog/manifest.json';
import { bundledCatalogFiles, loadLiabilityCatalog, parseLiabilityCatalog } from './catalog';

async function sha256(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('bundled liability catalog', () => {
  it('loads 40 scenarios and 18 escalation rules with a version', () => {
    const catalog = loadLiabilityCatalog();
    expect(catalog.scenarios).toHaveLength(40);
    expect(catalog.escalationRules).toHaveLength(18);
    expect(catalog.version).toBe(manifest.catalogVersion);
  });

  it.each([
    ['scenarios.json', bundledCatalogFiles.scenarios],
    ['escalation-rules.json', bundledCatalogFiles.escalationRules],
    ['overlay.json', bundledCatalogFiles.overlay],
  ])(
    '%s matches the hash in manifest.json (bump catalogVersion when the data changes)',
    async (file, data) => {
      expect(await sha256(data)).toBe(manifest.sha256[file as keyof typeof manifest.sha256]);
    },
  );

  it('gives every escalation rule the answer that triggers it', () => {
    const byId = Object.fromEntries(
      loadLiabilityCatalog().escalationRules.map((r) => [r.id, r.escalateWhen]),
    );
    expect(byId['E02-injury']).toBe('yes');
    expect(byId['E05-no-valid-licence']).toBe('no');
    expect(byId['E18-non-motor-vehicle-or-pedestrian']).toBe('no');
  });
});

describe('parseLiabilityCatalog refuses broken data', () => {
  const overlay = bundledCatalogFiles.overlay as { modifiers: { scenarioId: string }[] };
  it.each([
    [
      'a scenario without roles',
      { scenarios: [{ ...((bundledCatalogFiles.scenarios as object[])[0] ?? {}), roles: [] }] },
      'scenarios.json',
    ],
    [
      'a rule with no trigger',
      { overlay: { ...overlay, escalationTriggers: {} } },
      'no escalation trigger',
    ],
    [
      'a modifier for an unknown scenario',
      {
        overlay: {
          ...overlay,
          modifiers: overlay.modifiers.map((m) => ({ ...m, scenarioId: 'nope' })),
        },
      },
      'unknown scenario',
    ],
    [
      'a manifest without version',
      { manifest: { ...manifest, catalogVersion: '' } },
      'manifest.json',
    ],
  ])('%s', (_label, patch, message) => {
    const result = parseLiabilityCatalog({ ...bundledCatalogFiles, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain(message);
  });
});

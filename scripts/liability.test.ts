// The CLI, as the engine is checked from outside: `npm run liability -- file.json`.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runLiabilityCli, runLiabilityText } from './liability';

const root = join(import.meta.dirname, '..');
const examplesDir = join(root, 'tests/fixtures/liability/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

interface ExampleFixture {
  expected: { type: string; liability?: Record<string, string>; escalationRuleId?: string };
  acceptableAlternatives: { liability: Record<string, string> }[];
}

describe('npm run liability', () => {
  it('covers the 14 worked examples', () => {
    expect(examples).toHaveLength(14);
  });

  it.each(examples)('%s prints the expected decision', (file) => {
    const path = join(examplesDir, file);
    const fixture = JSON.parse(readFileSync(path, 'utf8')) as ExampleFixture;
    const result = runLiabilityCli([path]);
    expect(result.code).toBe(0);
    const decision = JSON.parse(result.stdout) as {
      outcome: string;
      liability?: Record<string, string>;
      escalation?: { ruleId: string; reason: { zh: string; en: string } };
      findings: unknown[];
      catalogVersion: string;
    };
    expect(decision.outcome).toBe(fixture.expected.type);
    expect(decision.catalogVersion).toMatch(/^\d+\.\d+\.\d+$/);
    if (fixture.expected.type === 'liability') {
      const acceptable = [
        fixture.expected.liability,
        ...fixture.acceptableAlternatives.map((a) => a.liability),
      ];
      expect(acceptable).toContainEqual(decision.liability);
      expect(decision.findings.length).toBeGreaterThan(0);
    } else {
      expect(decision.escalation?.ruleId).toBe(fixture.expected.escalationRuleId);
      expect(decision.escalation?.reason.zh).not.toBe('');
    }
  });

  it('evaluates an array of facts records into an array of decisions', () => {
    const items = examples
      .slice(0, 3)
      .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as unknown);
    const result = runLiabilityText(JSON.stringify(items), 'array.json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
  });

  it.each([
    ['not JSON', '{ nope', 'not valid JSON'],
    [
      'a misspelled action',
      JSON.stringify({
        schemaVersion: 1,
        place: { kind: 'road-section' },
        vehicles: [{ id: 'A', action: 'reverse' }],
        impacts: [{ striking: 'A', struck: 'A' }],
      }),
      'vehicles.0.action',
    ],
    [
      'a bad item in an array',
      JSON.stringify([{ facts: { schemaVersion: 3 } }]),
      '[0].facts.schemaVersion',
    ],
  ])('exits 2 on %s, naming the problem without a stack trace', (_label, text, message) => {
    const result = runLiabilityText(text, 'input.json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with usage when no file is given', () => {
    expect(runLiabilityCli([])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage'),
    });
  });

  it('runs as a process: npx tsx scripts/liability.ts <file>', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      'npx',
      ['tsx', 'scripts/liability.ts', join(examplesDir, examples[0] ?? '')],
      { cwd: root },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'liability',
      liability: { A: 'full', B: 'none' },
    });
  });

  it('exits 2 as a process on a bad fixture', async () => {
    const run = promisify(execFile);
    const bad = join(root, 'tests/fixtures/liability/bad/bad-action-misspelled.json');
    await expect(
      run('npx', ['tsx', 'scripts/liability.ts', bad], { cwd: root }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('facts.vehicles.1.action'),
    });
  });
});

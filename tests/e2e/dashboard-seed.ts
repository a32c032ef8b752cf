/**
 * A small, fixed set of cases for the dashboard's browser test, written
 * straight into the server's data folder (the server's own row seeding, as
 * server/queue-seed.ts does: realistic bodies, the queue and five-fast
 * columns computed by the server's code), never through the phone's screens.
 * They arrive in March 2025, a month no other browser test writes to, in the
 * demo brigade's patrol squad; ids are fixed and rows inserted only once, so
 * a retried test finds the same data. Rows only: no versions or audit events;
 * reviewed, so they stay out of what the queue asks of a reviewer.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { insuredCase } from '../../server/case-fixtures';
import { sha256OfBytes } from '../../server/test-device';
import { caseBytes, manifestBytes } from '../../src/domain/manifest/manifest';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import { reviewColumns } from '../../server/cases/review-columns';
import { caseFiveFastColumns } from '../../server/dashboard/five-fast-columns';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { ServerData } from './server';

const MIN = 60;
const DAY = 86_400;

/** One seeded case: minutes from arrival to evidence, clearance, liability (null: not reached). */
interface DashCase {
  n: number;
  officer: 'demo-officer' | 'demo-officer2';
  arrivedAt: string;
  evidence: number;
  clearance: number | null;
  liability: number | null;
  escalated?: boolean;
  returned?: boolean;
  disputed?: boolean;
}

export const DASH_CASES: readonly DashCase[] = [
  {
    n: 1,
    officer: 'demo-officer',
    arrivedAt: '2025-03-03T02:00:00.000Z',
    evidence: 5 * MIN,
    clearance: 10 * MIN,
    liability: 20 * MIN,
  },
  {
    n: 2,
    officer: 'demo-officer',
    arrivedAt: '2025-03-05T03:00:00.000Z',
    evidence: 10 * MIN,
    clearance: 15 * MIN,
    liability: 30 * MIN,
    disputed: true,
  },
  {
    n: 3,
    officer: 'demo-officer',
    arrivedAt: '2025-03-12T04:00:00.000Z',
    evidence: 20 * MIN,
    clearance: 30 * MIN,
    liability: 60 * MIN,
    returned: true,
  },
  {
    n: 4,
    officer: 'demo-officer2',
    arrivedAt: '2025-03-19T05:00:00.000Z',
    evidence: 8 * MIN,
    clearance: null,
    liability: null,
    escalated: true,
  },
];

export const DASH_PERIOD = { from: '2025-03-01', to: '2025-03-31' } as const;

/** The fixed id and number of seeded case `n`. */
export const dashCaseId = (n: number) =>
  `01957a00-0000-7000-8000-0000000da5${String(n).padStart(2, '0')}`;
export const dashCaseNumber = (n: number) => `KC202503-DASH${String(n).padStart(2, '0')}`;

/** Case 1's one packet: call-back 30 min, assessment 1 day, payout 2 days. */
export const DASH_CLAIM = { callback: 30 * MIN, assessment: DAY, payout: 2 * DAY };

const at = (iso: string, seconds: number) =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

function bodyOf(c: DashCase): CaseRecord {
  const t = (s: number) => at(c.arrivedAt, s);
  const transitions: CaseRecord['transitions'] = [
    { from: 'opened', to: 'triaged', at: t(MIN) },
    { from: 'triaged', to: 'evidence-complete', at: t(c.evidence) },
  ];
  if (c.escalated) {
    transitions.push({
      from: 'evidence-complete',
      to: 'escalated',
      at: t(c.evidence + MIN),
      reason: '有人受伤',
    });
  }
  if (c.clearance !== null)
    transitions.push({ from: 'evidence-complete', to: 'scene-cleared', at: t(c.clearance) });
  if (c.liability !== null) {
    transitions.push(
      { from: 'scene-cleared', to: 'liability-proposed', at: t(c.liability - MIN) },
      { from: 'liability-proposed', to: 'signed', at: t(c.liability) },
    );
  }
  return {
    ...insuredCase(`dash-${c.n}`, 0).record,
    id: dashCaseId(c.n),
    caseNumber: dashCaseNumber(c.n),
    arrivedAt: c.arrivedAt,
    state: c.escalated ? 'escalated' : c.liability !== null ? 'signed' : 'scene-cleared',
    transitions,
  } as CaseRecord;
}

/** A version-1 manifest of the body (unsigned: the workspace shows the case as not verified). */
function manifestOf(record: CaseRecord): CaseManifest {
  return {
    schemaVersion: 1,
    caseId: record.id,
    version: 1,
    caseSha256: sha256OfBytes(caseBytes(record)),
    photos: [],
    previousManifestHash: null,
    deviceId: '01957a00-0000-7000-8000-0000000dade1',
    signedAt: record.arrivedAt,
  };
}

function rowsOf(c: DashCase, officer: { id: string; unit_id: string }) {
  const record = bodyOf(c);
  const manifest = manifestOf(record);
  // Reviewed: out of the queue's "needs me" that other browser tests read.
  const state = 'reviewed';
  const stored = {
    manifest_version: 1,
    body: JSON.stringify(record),
    photos: '[]',
    manifest: JSON.stringify(manifest),
    manifest_hash: sha256OfBytes(manifestBytes(manifest)),
    signature: '',
    // Sent two minutes after the last step on scene.
    received_at: at(c.arrivedAt, (c.liability ?? c.clearance ?? c.evidence) + 2 * MIN),
  };
  const version = {
    case_id: record.id,
    version: 1,
    body_hash: '0'.repeat(64),
    device_id: manifest.deviceId,
    officer_id: officer.id,
    flags: '[]',
    ...stored,
  };
  delete (version as { manifest_version?: number }).manifest_version;
  const row = {
    id: record.id,
    unit_id: officer.unit_id,
    officer_id: officer.id,
    case_number: record.caseNumber,
    state,
    updated_at: c.arrivedAt,
    ...stored,
    ...reviewColumns(record, [], state),
    ...caseFiveFastColumns(record),
    sig_escalated: c.escalated ? 1 : 0,
    sig_disputed: c.disputed ? 1 : 0,
    ff_returned: c.returned ? 1 : 0,
  };
  return { row, version };
}

function claimRow(insurerId: string) {
  const c = DASH_CASES[0]!;
  const delivered = at(c.arrivedAt, c.liability! + 5 * MIN);
  const assessed = at(delivered, DASH_CLAIM.assessment);
  return {
    id: '01957a00-0000-7000-8000-0000000dac01',
    case_id: dashCaseId(c.n),
    insurer_id: insurerId,
    manifest_version: 1,
    manifest_hash: '0'.repeat(64),
    state: 'paid',
    delivered_at: delivered,
    acknowledged_at: at(delivered, DASH_CLAIM.callback),
    assessed_at: assessed,
    paid_at: at(assessed, DASH_CLAIM.payout),
    updated_at: at(assessed, DASH_CLAIM.payout),
    ff_callback_s: DASH_CLAIM.callback,
    ff_assessment_s: DASH_CLAIM.assessment,
    ff_payout_s: DASH_CLAIM.payout,
  };
}

function insertOnce(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const keys = Object.keys(row);
  db.prepare(
    `INSERT OR IGNORE INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`,
  ).run(row);
}

export interface DashSeed {
  unit: { id: string; name: string };
  officers: Record<DashCase['officer'], string>;
  insurer: { id: string; name: string };
}

/** Seeds the cases (once) into the demo brigade of the server's data folder. */
export function seedDashboardCases(server: ServerData): DashSeed {
  const db = new Database(join(server.dataDir, 'kuaichu.sqlite'), {
    fileMustExist: true,
    timeout: 5000,
  });
  try {
    const officer = (username: string) =>
      db.prepare('SELECT id, unit_id FROM users WHERE username = ?').get(username) as {
        id: string;
        unit_id: string;
      };
    const officers = {
      'demo-officer': officer('demo-officer'),
      'demo-officer2': officer('demo-officer2'),
    };
    const unit = db
      .prepare('SELECT id, name FROM units WHERE id = ?')
      .get(officers['demo-officer'].unit_id) as DashSeed['unit'];
    const insurer = db
      .prepare("SELECT id, name FROM insurers WHERE code = 'PICC'")
      .get() as DashSeed['insurer'];
    // The versions name a device no phone enrolled (unsigned rows, like the seeded year's).
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const c of DASH_CASES) {
        const { row, version } = rowsOf(c, officers[c.officer]);
        insertOnce(db, 'cases', row);
        insertOnce(db, 'case_versions', version);
      }
      insertOnce(db, 'claims', claimRow(insurer.id));
    })();
    return {
      unit,
      officers: {
        'demo-officer': officers['demo-officer'].id,
        'demo-officer2': officers['demo-officer2'].id,
      },
      insurer,
    };
  } finally {
    db.close();
  }
}

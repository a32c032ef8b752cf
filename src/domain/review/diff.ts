/**
 * What changed between two versions of a case, as the accident squad reads
 * it in the case's history: every changed field with its value before and
 * after (a path such as `vehicles.0.plate`, with words for the common ones),
 * and the photos added or removed. Vehicles, parties and other records with an
 * `id` are matched by id, so removing the first vehicle does not read as every
 * vehicle changed; the path names the record's place in the newer version.
 */
import type { CaseRecord } from '../case/case.schema';
import type { PhotoMeta } from '../case/photo.schema';
import type { BilingualText } from '../identity/check-result';
import { pathLabel } from './diff-labels';

/** A value as the history shows it: long texts (signature images) are shortened. */
export type DiffValue = string | number | boolean | null;

export interface FieldChange {
  /** Dotted path in the case record, e.g. `location.address`, `vehicles.1.plate`. */
  path: string;
  /** Words for the path, when it is a common one. */
  label: BilingualText | undefined;
  /** Absent when the field is new in the later version. */
  before?: DiffValue;
  /** Absent when the field is gone from the later version. */
  after?: DiffValue;
}

export interface VersionDiff {
  changes: FieldChange[];
  photosAdded: PhotoMeta[];
  photosRemoved: PhotoMeta[];
}

export interface CaseVersionContent {
  case: CaseRecord;
  photos: readonly PhotoMeta[];
}

/** Fields that change with every save and say nothing to a reviewer. */
const IGNORED = new Set(['updatedAt', 'schemaVersion']);
/** Longer texts (a signature's PNG data URL, a superseded determination) are cut to this. */
const LONGEST = 120;

/** The differences of `after` from `before`; an empty diff when nothing changed. */
export function diffVersions(before: CaseVersionContent, after: CaseVersionContent): VersionDiff {
  const raw: Omit<FieldChange, 'label'>[] = [];
  walk(before.case, after.case, [], raw);
  // A removed record is named as the older version had it (its path is its place there).
  const changes = raw.map((c) => ({
    ...c,
    label:
      c.after === undefined
        ? pathLabel(c.path, before.case, after.case)
        : pathLabel(c.path, after.case, before.case),
  }));
  const had = new Set(before.photos.map((p) => p.sha256));
  const has = new Set(after.photos.map((p) => p.sha256));
  return {
    changes,
    photosAdded: after.photos.filter((p) => !had.has(p.sha256)),
    photosRemoved: before.photos.filter((p) => !has.has(p.sha256)),
  };
}

/** Everything a first version holds, as additions (for the history's first entry). */
export function diffFromNothing(first: CaseVersionContent): VersionDiff {
  const raw: Omit<FieldChange, 'label'>[] = [];
  walk(undefined, first.case, [], raw);
  return {
    changes: raw.map((c) => ({ ...c, label: pathLabel(c.path, first.case, undefined) })),
    photosAdded: [...first.photos],
    photosRemoved: [],
  };
}

type Out = Omit<FieldChange, 'label'>[];

function walk(a: unknown, b: unknown, path: string[], out: Out): void {
  if (path.length > 0 && IGNORED.has(path[path.length - 1] ?? '')) return;
  if (Array.isArray(a) || Array.isArray(b)) {
    walkArray(asArray(a), asArray(b), path, out);
    return;
  }
  if (isRecord(a) || isRecord(b)) {
    const left = isRecord(a) ? a : {};
    const right = isRecord(b) ? b : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) walk(left[key], right[key], [...path, key], out);
    return;
  }
  if (a === b) return;
  const change: Omit<FieldChange, 'label'> = { path: path.join('.') };
  if (a !== undefined) change.before = leaf(a);
  if (b !== undefined) change.after = leaf(b);
  if (change.before !== change.after) out.push(change);
}

/** Records with an id pair by id (the path takes the later version's index); others by place. */
function walkArray(a: readonly unknown[], b: readonly unknown[], path: string[], out: Out): void {
  const ids = (xs: readonly unknown[]) => xs.every((x) => isRecord(x) && typeof x.id === 'string');
  if (a.length + b.length > 0 && ids(a) && ids(b)) {
    const byId = new Map(a.map((x) => [(x as { id: string }).id, x]));
    b.forEach((x, i) => {
      const id = (x as { id: string }).id;
      walk(byId.get(id), x, [...path, String(i)], out);
      byId.delete(id);
    });
    // What is gone is named by its place in the older version.
    a.forEach((x, i) => {
      if (byId.has((x as { id: string }).id)) walk(x, undefined, [...path, `${i}`], out);
    });
    return;
  }
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) walk(a[i], b[i], [...path, String(i)], out);
}

function leaf(v: unknown): DiffValue {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > LONGEST ? `${s.slice(0, LONGEST)}…` : s;
}

function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? (v as unknown[]) : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

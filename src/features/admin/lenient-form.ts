/**
 * The warning list's form (首违警告清单): the region as typed (plate
 * prefixes, licence area codes, separated by spaces or commas) and each item
 * (its id, the violation in Chinese and English, its basis one per line as
 * "法律名称 条款"), checked with the list's schema before anything is sent.
 * A problem names its field and says what is wrong.
 */
import {
  LenientListBody,
  type LenientBasis,
  type LenientItem,
  type LenientList,
} from '../../domain/lenient/lenient-list.schema';

export interface ItemDraft {
  /** React's key: the loaded id, or `new-<n>` for an item added here. */
  key: string;
  id: string;
  zh: string;
  en: string;
  basis: string;
  /** Kept as loaded (not edited here); none for an added item. */
  scenarios: string[];
}

export interface LenientDraft {
  platePrefixes: string;
  licenceAreaCodes: string;
  items: ItemDraft[];
}

export const ITEM_FIELDS = ['id', 'zh', 'en', 'basis'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
export type DraftKey =
  'platePrefixes' | 'licenceAreaCodes' | 'items' | `items.${number}.${ItemField}`;
export type LenientProblem = 'required' | 'invalid' | 'tooLong' | 'duplicate';
export type LenientProblems = Partial<Record<DraftKey, LenientProblem>>;

const words = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean);

const basisText = (basis: readonly LenientBasis[]) =>
  basis.map((b) => `${b.law} ${b.article}`).join('\n');

/** "中华人民共和国道路交通安全法 第51条": the law, then after the last space the article. */
function basisOf(text: string): LenientBasis[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.search(/\s+\S+$/);
      return at < 0
        ? { law: l, article: '' }
        : { law: l.slice(0, at).trim(), article: l.slice(at).trim() };
    });
}

export const itemDraftOf = (item: LenientItem): ItemDraft => ({
  key: item.id,
  id: item.id,
  zh: item.violation.zh,
  en: item.violation.en,
  basis: basisText(item.basis),
  scenarios: [...item.scenarios],
});

export const lenientDraftOf = (list: LenientList): LenientDraft => ({
  platePrefixes: list.region.platePrefixes.join(' '),
  licenceAreaCodes: list.region.licenceAreaCodes.join(' '),
  items: list.items.map(itemDraftOf),
});

export const emptyItem = (n: number): ItemDraft => ({
  key: `new-${n}`,
  id: '',
  zh: '',
  en: '',
  basis: '',
  scenarios: [],
});

/** The body the draft makes, trimmed. */
export function lenientBodyOf(draft: LenientDraft): unknown {
  return {
    region: {
      platePrefixes: words(draft.platePrefixes).map((p) => p.toUpperCase()),
      licenceAreaCodes: words(draft.licenceAreaCodes),
    },
    items: draft.items.map((i) => ({
      id: i.id.trim(),
      violation: { zh: i.zh.trim(), en: i.en.trim() },
      basis: basisOf(i.basis),
      scenarios: i.scenarios,
    })),
  };
}

/** The draft's field a schema issue is about, and what is wrong with it. */
function problemOf(
  path: readonly PropertyKey[],
  code: string,
  empty: boolean,
): [DraftKey, LenientProblem] {
  const [top, second, third] = path;
  if (top === 'region')
    return [second === 'licenceAreaCodes' ? 'licenceAreaCodes' : 'platePrefixes', 'invalid'];
  if (typeof second !== 'number') return ['items', code === 'too_big' ? 'tooLong' : 'duplicate'];
  const field: ItemField =
    third === 'id' ? 'id' : third === 'basis' ? 'basis' : path[3] === 'en' ? 'en' : 'zh';
  const kind = code === 'too_big' ? 'tooLong' : empty ? 'required' : 'invalid';
  return [`items.${second}.${field}`, kind];
}

/** The request the draft makes, or each field's problem. */
export function checkLenientDraft(
  draft: LenientDraft,
): { ok: true; value: LenientListBody } | { ok: false; problems: LenientProblems } {
  const parsed = LenientListBody.safeParse(lenientBodyOf(draft));
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: LenientProblems = {};
  for (const issue of parsed.error.issues) {
    const item = typeof issue.path[1] === 'number' ? draft.items[issue.path[1]] : undefined;
    const field =
      issue.path[2] === 'basis' ? 'basis' : issue.path[2] === 'id' ? 'id' : issue.path[3];
    const value = item && typeof field === 'string' ? (item[field as ItemField] ?? '') : 'x';
    const [key, kind] = problemOf(issue.path, issue.code, value.trim() === '');
    problems[key] ??= kind;
  }
  return { ok: false, problems };
}

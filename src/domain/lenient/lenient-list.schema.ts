/**
 * The brigade's list of minor violations for which a driver from outside its
 * region gets a warning and education (首违警告) instead of a fine: each item
 * with its legal basis, and the region that counts as "local" (plate
 * prefixes such as 川A, and the administrative-division codes a licence
 * number begins with). Versioned per brigade (the field pack); the project
 * ships a starter (starter-list.ts). Pure zod, read by the case record, the
 * contracts and the server.
 */
import * as z from 'zod/mini';
import { TEXT_LIMITS, line } from '../text';

const Words = (max: number) =>
  line(max).check(z.refine((s) => s.trim().length > 0, 'must not be empty'));

/** Words in Chinese and English. */
export const LenientWords = z.object({ zh: Words(200), en: Words(400) });
export type LenientWords = z.infer<typeof LenientWords>;

/** A law and its article, as the notices cite them. */
export const LenientBasis = z.object({ law: Words(100), article: Words(100) });
export type LenientBasis = z.infer<typeof LenientBasis>;

/** An item's id: lower-case letters, digits and hyphens. */
export const LenientItemId = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only'),
    z.maxLength(TEXT_LIMITS.code, `at most ${TEXT_LIMITS.code} characters`),
  );

/** A liability-catalog scenario id (a finding of that scenario implies the violation). */
const ScenarioId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(TEXT_LIMITS.code));

export const LenientItem = z.object({
  id: LenientItemId,
  violation: LenientWords,
  basis: z.array(LenientBasis).check(z.minLength(1, 'at least one basis')),
  /** Catalog scenarios whose finding against a driver implies this violation. */
  scenarios: z.array(ScenarioId),
});
export type LenientItem = z.infer<typeof LenientItem>;

/** A plate prefix: a province abbreviation, optionally with the issuing letter (川, 川A). */
export const PlatePrefix = z
  .string()
  .check(z.regex(/^[\u4e00-\u9fff][A-Z]?$/, 'a province character, optionally one capital letter'));

/** An administrative-division code prefix (2, 4 or 6 digits: 51, 5101, 510104). */
export const AreaCode = z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6})$/, '2, 4 or 6 digits'));

/**
 * What counts as local: a plate beginning with one of `platePrefixes`, a
 * licence number (in China the holder's resident ID number) beginning with
 * one of `licenceAreaCodes`. Empty lists: the region is not set and nobody
 * is told apart as out of town.
 */
export const LenientRegion = z.object({
  platePrefixes: z.array(PlatePrefix).check(z.maxLength(50)),
  licenceAreaCodes: z.array(AreaCode).check(z.maxLength(200)),
});
export type LenientRegion = z.infer<typeof LenientRegion>;

/** What the admin edits: the region and the items (ids unique). */
export const LenientListBody = z
  .object({
    region: LenientRegion,
    items: z.array(LenientItem).check(z.maxLength(100, 'at most 100 items')),
  })
  .check(
    z.refine((b) => new Set(b.items.map((i) => i.id)).size === b.items.length, {
      message: 'each item needs its own id',
      path: ['items'],
    }),
  );
export type LenientListBody = z.infer<typeof LenientListBody>;

export const LenientList = z.object({
  /** 0: the project's starter, never edited; each save adds one. */
  version: z.number().check(z.int(), z.gte(0)),
  updatedAt: z.nullable(z.string()),
  region: LenientRegion,
  items: z.array(LenientItem),
});
export type LenientList = z.infer<typeof LenientList>;

/**
 * The courteous script's form: six texts (greeting, request to sign, thanks;
 * each in Chinese and English), checked with the contract's schema before
 * anything is sent. A problem names its field and says what is wrong.
 */
import { CourtesyScriptText, type CourtesyScript } from '../../contracts/field-pack';

export const SCRIPT_PARTS = ['greeting', 'signRequest', 'thanks'] as const;
export type ScriptPart = (typeof SCRIPT_PARTS)[number];
export const SCRIPT_LANGS = ['zh', 'en'] as const;
export type ScriptLang = (typeof SCRIPT_LANGS)[number];

/** `greeting.zh` → the text as typed. */
export type ScriptDraft = Record<`${ScriptPart}.${ScriptLang}`, string>;

export type ScriptProblem = 'required' | 'tooLong';

export const scriptDraftOf = (script: CourtesyScript): ScriptDraft => {
  const entries = SCRIPT_PARTS.flatMap((part) =>
    SCRIPT_LANGS.map((lang) => [`${part}.${lang}`, script.text[part][lang]] as const),
  );
  return Object.fromEntries(entries) as ScriptDraft;
};

/** The request the draft makes, or each field's problem. */
export function checkScriptDraft(
  draft: ScriptDraft,
):
  | { ok: true; value: CourtesyScriptText }
  | { ok: false; problems: Partial<Record<keyof ScriptDraft, ScriptProblem>> } {
  const body = Object.fromEntries(
    SCRIPT_PARTS.map((part) => [
      part,
      Object.fromEntries(SCRIPT_LANGS.map((lang) => [lang, draft[`${part}.${lang}`].trim()])),
    ]),
  );
  const parsed = CourtesyScriptText.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: Partial<Record<keyof ScriptDraft, ScriptProblem>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') as keyof ScriptDraft;
    problems[key] ??= issue.code === 'too_big' ? 'tooLong' : 'required';
  }
  return { ok: false, problems };
}

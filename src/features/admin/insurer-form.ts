/**
 * The admin's form for a new insurer company, checked with the contract's
 * own rules before anything is sent (the server holds the same): the full
 * name, and the short code policies name the insurer by, written in capitals
 * whatever was typed. Each problem names its field (a key under
 * `admin.insurerForm.error`); a code another insurer has is said on the code.
 */
import { CreateInsurerRequest } from '../../contracts/admin';

export interface InsurerDraft {
  name: string;
  code: string;
}
export type InsurerField = keyof InsurerDraft;
export type InsurerProblems = Partial<Record<InsurerField, string>>;

export const EMPTY_INSURER: InsurerDraft = { name: '', code: '' };

export function checkInsurerDraft(
  d: InsurerDraft,
): { ok: true; value: CreateInsurerRequest } | { ok: false; problems: InsurerProblems } {
  const problems: InsurerProblems = {};
  const name = d.name.trim();
  const code = d.code.trim().toUpperCase();
  if (!name) problems.name = 'nameRequired';
  else if (name.length > 80) problems.name = 'nameTooLong';
  if (!code) problems.code = 'codeRequired';
  else if (!CreateInsurerRequest.shape.code.safeParse(code).success) problems.code = 'codeInvalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const parsed = CreateInsurerRequest.safeParse({ name, code });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: { name: 'nameInvalid' } };
}

/** A refusal the server answered, on the field it concerns. */
export function insurerRefusal(code: string | undefined): InsurerProblems | undefined {
  return code === 'insurer_code_taken' ? { code: 'codeTaken' } : undefined;
}

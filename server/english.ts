/**
 * Small English helpers for the messages the API answers with (they are
 * built from role and state names: "an insurer", "an assessed case").
 */

/** "a" or "an" before `word`, by its first sound (the words here are plain English slugs). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** The sentence's first letter in capitals. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

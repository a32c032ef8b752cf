/**
 * What a password must not be, beyond the contract's length (10–256): one of
 * the first guesses of anyone trying it. Refused: fewer than 5 different
 * characters (`aaaaaaaaaa`), no letter at all (phone numbers, birthdays), the
 * username or a password containing it, and a short local list of the most
 * common passwords and their bases with digits or signs around them
 * (`password123`, `Woaini1314!`). Kept small and local on purpose: the
 * per-account login limit makes online guessing slow, so only the head of
 * the guessing lists matters, and no dictionary ships with the server.
 */

/**
 * Common passwords of 10 characters or more that the other rules let through
 * (shorter ones fail the length; digits-only ones the letter rule).
 */
const COMMON_PASSWORDS = new Set([
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'a1b2c3d4e5',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
]);

/** Words that, with digits or signs before or after, make a common password. */
const COMMON_BASES = new Set([
  'abc',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'abcdefghij',
  'admin',
  'administrator',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'baseball',
  'beijing',
  'changeme',
  'china',
  'default',
  'dragon',
  'football',
  'gongan',
  'iloveyou',
  'jiaojing',
  'kuaichu',
  'letmein',
  'login',
  'master',
  'monkey',
  'p@ssw0rd',
  'p@ssword',
  'passw0rd',
  'password',
  'police',
  'princess',
  'qq',
  'qwe',
  'qwer',
  'qwerty',
  'qwertyui',
  'qwertyuiop',
  'secret',
  'shanghai',
  'sunshine',
  'superman',
  'test',
  'welcome',
  'woaini',
  'zhongguo',
  'zxcvbnm',
]);

const MIN_DISTINCT_CHARACTERS = 5;

/** Lower case, letters and digits only: `Zhang.Wei` and `zhangwei` are one name. */
const folded = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Why `password` is too easy to guess for `username`, or null when it is not. */
export function passwordProblem(password: string, username: string): string | null {
  const lower = password.normalize('NFKC').toLowerCase();
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS)
    return `the password needs at least ${MIN_DISTINCT_CHARACTERS} different characters`;
  if (!/\p{L}/u.test(lower)) return 'the password needs letters, not only digits and signs';
  const name = folded(username);
  if (name.length > 0 && folded(password).includes(name))
    return 'the password contains the username';
  const base = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_BASES.has(base))
    return 'the password is one of the most common ones';
  return null;
}

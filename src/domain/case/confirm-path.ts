/** The path of a party's confirmation page (its own module: the shell's first chunk reads it). */
export const CONFIRM_PATH = '/confirm';

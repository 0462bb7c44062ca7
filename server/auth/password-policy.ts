/** Passwords: at least this many characters (better-auth's own limit and every form use it). */
export const PASSWORD_MIN = 10;

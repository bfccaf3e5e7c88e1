// Accounts as phone, console and server see them: the roles, and the rules of a new account that
// the console's form checks before sending and the server checks again
// (src/server/auth/accounts.ts): one definition, so both refuse the same input.

/** Who an account is: a THM syncs case data, a coordinator reads reports, an admin runs the team. */
export const roles = ['thm', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** An e-mail address as it is stored and looked up: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An e-mail address as accounts take it: something@somewhere, no spaces (after trimming). */
export function isAccountEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(email.trim());
}

// The rules of a new account that the console's form checks before sending and the server checks
// again (src/server/auth/accounts.ts): one definition, so both refuse the same input.

/** An e-mail address as accounts take it: something@somewhere, no spaces (after trimming). */
export function isAccountEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(email.trim());
}

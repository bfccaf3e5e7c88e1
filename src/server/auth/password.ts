// Password hashes with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, base64url parts, so the
// cost can rise without breaking stored hashes: a hash below the current cost is replaced at the
// account's next successful sign-in (`needsRehash`, session-routes.ts).
//
// The cost is OWASP's minimum for scrypt (issue 22 item 12): N=2^17, r=8, p=1, i.e. 128 MiB and
// about 0.3-0.5 s of one core per hash. Node runs scrypt on its libuv pool (4 threads by default),
// so at most 4 hashes (512 MiB) run at once; the login limits (login-limiter.ts) are counted before
// any hash, so refused guesses cost no hashing at all.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
const KEY_LENGTH = 64;
/** A stored hash above this is not ours (or tampered with): refused without hashing. */
const MAX_N = 2 ** 20;

let cost: Readonly<ScryptCost> = PRODUCTION_COST;

/**
 * Tests only (test/support/setup-password-cost.ts): a cheaper cost, so the suites' hundreds of
 * sign-ins stay fast. Production never calls it; test/server/password.test.ts proves the
 * production cost and the rehash with it.
 */
export function usePasswordCostForTests(testCost: ScryptCost | typeof PRODUCTION_COST): void {
  cost = Object.freeze({ ...testCost });
}

/** The cost new hashes get. */
export function currentPasswordCost(): Readonly<ScryptCost> {
  return cost;
}

function derive(password: string, salt: Buffer, options: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes (plus a little): twice that leaves room, for any r and N.
  const maxmem = 256 * options.N * options.r;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem } satisfies ScryptOptions,
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const used = cost;
  const key = await derive(password, salt, used);
  return [
    'scrypt',
    used.N,
    used.r,
    used.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

function parse(stored: string) {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    kind === 'scrypt' &&
    !!salt &&
    !!hash &&
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= MAX_N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  return valid ? { params, salt: salt, hash: hash } : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64url');
  const key = await derive(password, Buffer.from(parsed.salt, 'base64url'), parsed.params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when `stored` was made at another cost than new hashes get: replace it at the sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N !== cost.N || r !== cost.r || p !== cost.p;
}

/** Compared against when the e-mail is unknown, so a login takes as long either way. */
export function unknownUserHash(): string {
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    'AAAAAAAAAAAAAAAAAAAAAA',
    Buffer.alloc(KEY_LENGTH).toString('base64url'),
  ].join('$');
}

export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

// Unlocking a user database ([K2], issue 11): set up the key after the first sign-in, unlock with
// the PIN (offline), recover with the server's secret after a password sign-in, count wrong PINs
// and wipe after the tenth. The unwrapped key goes to the keyring (memory) and nowhere else.
import type { FeldakteDb, VaultRow } from '../db';
import {
  newDataKey,
  unwrapWithPin,
  unwrapWithRecovery,
  wrapWithPin,
  wrapWithRecovery,
  type PinWrap,
  type RecoveryWrap,
} from './data-key';
import { dataKeyOf, dropDataKey, holdDataKey } from './keyring';

/** Wrong PINs in a row before the local database is deleted. */
export const MAX_PIN_FAILURES = 10;
/** From this many wrong PINs on, the lock screen warns what a wipe would lose. */
export const WARN_AFTER_FAILURES = 5;

export type UnlockResult =
  { ok: true } | { ok: false; failures: number; triesLeft: number; wiped: boolean };

export async function hasPin(db: FeldakteDb): Promise<boolean> {
  return (await db.vault.get('pin')) !== undefined;
}

export async function pinFailures(db: FeldakteDb): Promise<number> {
  const row = await db.vault.get('failures');
  return row && 'count' in row ? row.count : 0;
}

/**
 * A new database's key: made here, wrapped with the recovery secret at once (a PIN set-up broken
 * off still recovers by signing in) and held in memory until the PIN wraps it too.
 */
export async function createDataKey(db: FeldakteDb, recoverySecret: string, userId: string) {
  const key = newDataKey();
  const recovery = await wrapWithRecovery(key, recoverySecret, userId);
  await db.vault.put({ id: 'recovery', ...recovery });
  holdDataKey(db.name, key);
}

/** Wraps the key in memory with a (new) PIN; the device must be unlocked. */
export async function setPin(db: FeldakteDb, pin: string, kind: PinWrap['kind']): Promise<void> {
  const key = dataKeyOf(db.name);
  if (!key) throw new Error('locked');
  const wrap = await wrapWithPin(key, pin, kind);
  await db.transaction('rw', db.vault, async () => {
    await db.vault.put({ id: 'pin', ...wrap });
    await db.vault.put({ id: 'failures', count: 0 });
  });
}

export async function pinKind(db: FeldakteDb): Promise<PinWrap['kind'] | undefined> {
  const row = await db.vault.get('pin');
  return row && 'kind' in row ? row.kind : undefined;
}

/**
 * Offline unlock. A wrong PIN counts; the tenth in a row deletes the database (`wipe`, which the
 * caller provides so that it also forgets the user on this device).
 */
export async function unlockWithPin(
  db: FeldakteDb,
  pin: string,
  wipe: () => Promise<void>,
): Promise<UnlockResult> {
  const row = (await db.vault.get('pin')) as (VaultRow & PinWrap) | undefined;
  if (!row) return { ok: false, failures: 0, triesLeft: 0, wiped: false };
  const key = await unwrapWithPin(row, pin);
  if (key) {
    await db.vault.put({ id: 'failures', count: 0 });
    holdDataKey(db.name, key);
    return { ok: true };
  }
  const failures = (await pinFailures(db)) + 1;
  await db.vault.put({ id: 'failures', count: failures });
  if (failures >= MAX_PIN_FAILURES) {
    await wipe();
    return { ok: false, failures, triesLeft: 0, wiped: true };
  }
  return { ok: false, failures, triesLeft: MAX_PIN_FAILURES - failures, wiped: false };
}

/**
 * After a password sign-in: the key from the recovery wrap. false when the wrap does not open
 * with this user's secret (data of another account): the caller offers a fresh start.
 */
export async function unlockWithRecovery(
  db: FeldakteDb,
  recoverySecret: string,
  userId: string,
): Promise<boolean> {
  const row = (await db.vault.get('recovery')) as (VaultRow & RecoveryWrap) | undefined;
  if (!row) return false;
  const key = await unwrapWithRecovery(row, recoverySecret, userId);
  if (!key) return false;
  holdDataKey(db.name, key);
  return true;
}

/** Locks: the key leaves memory (page); records cannot be read until the next unlock. */
export function lockDatabase(db: FeldakteDb): void {
  dropDataKey(db.name);
}

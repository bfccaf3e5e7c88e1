// Unlocking a user database ([K2], issue 11): set up the key after the first sign-in, unlock with
// the PIN (offline), recover with the server's secret after a password sign-in, count wrong PINs,
// make every try from the fourth on wait longer ([K8]) and wipe after the tenth. The unwrapped key
// goes to the keyring (memory) and nowhere else. The PIN wrap lives in a key file of the private
// file system where the browser has one ([K9], key-file.ts), else in the vault table.
import type { FeldakteDb, VaultRow } from '../db';
import {
  newDataKey,
  unwrapWithHardware,
  unwrapWithPin,
  wrapWithHardware,
  unwrapWithRecovery,
  wrapWithPin,
  wrapWithRecovery,
  type HardwareWrap,
  type PinWrap,
  type RecoveryWrap,
} from './data-key';
import { dataKeyOf, dropDataKey, holdDataKey } from './keyring';
import { keyFiles } from './key-file';

/** Wrong PINs in a row before the local database is deleted. */
export const MAX_PIN_FAILURES = 10;
/** From this many wrong PINs on, the lock screen warns what a wipe would lose. */
export const WARN_AFTER_FAILURES = 5;
/**
 * [K8] After this many wrong PINs in a row, the next try waits: the 4th 15 s, then longer, up to
 * 15 minutes before the 10th (about 34 minutes in all). A person who mistyped waits a little; a
 * finder guessing gets ten tries in half an hour and then the wipe.
 */
export const FREE_PIN_TRIES = 3;
const WAIT_SECONDS = [15, 30, 60, 120, 300, 600, 900];

/** How long the try after `failures` wrong PINs in a row must wait, in ms. */
export function pinWaitMs(failures: number): number {
  if (failures < FREE_PIN_TRIES) return 0;
  const index = Math.min(failures - FREE_PIN_TRIES, WAIT_SECONDS.length - 1);
  return WAIT_SECONDS[index]! * 1000;
}

export type UnlockResult =
  | { ok: true }
  | {
      ok: false;
      failures: number;
      triesLeft: number;
      wiped: boolean;
      /** [K8] No try before this moment (ms since the epoch); null: try at once. */
      waitUntil: number | null;
    };

type StoredPinWrap = VaultRow & PinWrap;
const pinFile = (db: Pick<FeldakteDb, 'name'>) => `${db.name}.pin`;
const hardwareFile = (db: Pick<FeldakteDb, 'name'>) => `${db.name}.hardware`;

/** The PIN wrap: from its key file ([K9]), or from the vault table (a browser without one). */
async function readPinWrap(db: FeldakteDb): Promise<PinWrap | undefined> {
  const files = keyFiles();
  const stored = files ? ((await files.read(pinFile(db))) as PinWrap | null) : null;
  return stored ?? ((await db.vault.get('pin')) as StoredPinWrap | undefined);
}

/** Writes the PIN wrap to its key file and removes any copy from the vault table. */
async function writePinWrap(db: FeldakteDb, wrap: PinWrap): Promise<void> {
  const files = keyFiles();
  if (files) {
    await files.write(pinFile(db), { ...wrap });
    await db.vault.delete('pin');
  } else {
    await db.vault.put({ id: 'pin', ...wrap });
  }
}

/**
 * [K9] Deletes the key files of this database (the wipe's first step): with them goes every way
 * to open the data key on the device alone.
 */
export async function removeKeyFiles(db: Pick<FeldakteDb, 'name'>): Promise<void> {
  const files = keyFiles();
  if (!files) return;
  await files.remove(pinFile(db));
  await files.remove(hardwareFile(db));
}

/** How this device opens the database without the server: PIN, passphrase or hardware ([K10]). */
export type UnlockKind = PinWrap['kind'] | 'hardware';

export async function unlockKind(db: FeldakteDb): Promise<UnlockKind | undefined> {
  if (await readHardwareWrap(db)) return 'hardware';
  return (await readPinWrap(db))?.kind;
}

/** The device can be opened offline (a PIN or the hardware is set up); else only by a sign-in. */
export async function canUnlockOnDevice(db: FeldakteDb): Promise<boolean> {
  return (await unlockKind(db)) !== undefined;
}

async function readHardwareWrap(db: FeldakteDb): Promise<HardwareWrap | undefined> {
  return ((await keyFiles()?.read(hardwareFile(db))) as HardwareWrap | null) ?? undefined;
}

/** [K10] The credential and PRF input the lock screen asks the authenticator for. */
export async function hardwareCredential(
  db: FeldakteDb,
): Promise<Pick<HardwareWrap, 'credentialId' | 'salt'> | undefined> {
  const wrap = await readHardwareWrap(db);
  return wrap && { credentialId: wrap.credentialId, salt: wrap.salt };
}

/**
 * [K10] Binds the unlock to the phone's hardware: the key in memory is wrapped by the PRF output
 * of a platform authenticator's credential, and the PIN wrap is removed, so no copy the PIN opens
 * stays on disk. Needs the private file system (browsers with PRF have it).
 */
export async function enrollHardware(
  db: FeldakteDb,
  credential: { credentialId: Uint8Array; salt: Uint8Array; prfOutput: Uint8Array },
): Promise<void> {
  const key = dataKeyOf(db.name);
  const files = keyFiles();
  if (!key) throw new Error('locked');
  if (!files) throw new Error('no key files');
  const wrap = await wrapWithHardware(
    key,
    credential.prfOutput,
    credential.credentialId,
    credential.salt,
  );
  await files.write(hardwareFile(db), { ...wrap });
  await files.remove(pinFile(db));
  await db.vault.delete('pin');
  await db.vault.put({ id: 'failures', count: 0 });
}

/** [K10] Opens the key with the authenticator's PRF output; false when it does not open it. */
export async function unlockWithHardware(db: FeldakteDb, prfOutput: Uint8Array): Promise<boolean> {
  const wrap = await readHardwareWrap(db);
  if (!wrap) return false;
  const key = await unwrapWithHardware(wrap, prfOutput);
  if (!key) return false;
  await db.vault.put({ id: 'failures', count: 0 });
  holdDataKey(db.name, key);
  return true;
}

type FailureRow = Extract<VaultRow, { id: 'failures' }>;

async function failureRow(db: FeldakteDb): Promise<FailureRow> {
  const row = (await db.vault.get('failures')) as FailureRow | undefined;
  return row ?? { id: 'failures', count: 0 };
}

export async function pinFailures(db: FeldakteDb): Promise<number> {
  return (await failureRow(db)).count;
}

/**
 * [K8] When the next try may be made (ms since the epoch), or null for now. Stored, so a reload or
 * a restart does not shorten it; a clock set back makes the wait start again from now.
 */
export async function pinWaitUntil(db: FeldakteDb, now = Date.now()): Promise<number | null> {
  const row = await failureRow(db);
  const wait = pinWaitMs(row.count);
  if (wait === 0 || row.at === undefined) return null;
  if (row.at > now) {
    await db.vault.put({ ...row, at: now });
    return now + wait;
  }
  return row.at + wait > now ? row.at + wait : null;
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

/**
 * Wraps the key in memory with a (new) PIN; the device must be unlocked. A hardware wrap goes
 * ([K10]): the device opens one way, the one the THM chose last.
 */
export async function setPin(db: FeldakteDb, pin: string, kind: PinWrap['kind']): Promise<void> {
  const key = dataKeyOf(db.name);
  if (!key) throw new Error('locked');
  const wrap = await wrapWithPin(key, pin, kind);
  await writePinWrap(db, wrap);
  await keyFiles()?.remove(hardwareFile(db));
  await db.vault.put({ id: 'failures', count: 0 });
}

/**
 * Offline unlock. A wrong PIN counts; from the fourth try on a try must wait ([K8]: a try made
 * before its time is refused without looking at the PIN and without counting); the tenth wrong
 * PIN in a row deletes the database (`wipe`, which the caller provides so that it also forgets the
 * user on this device).
 */
export async function unlockWithPin(
  db: FeldakteDb,
  pin: string,
  wipe: () => Promise<void>,
  now: () => number = Date.now,
): Promise<UnlockResult> {
  const wrap = await readPinWrap(db);
  const before = await failureRow(db);
  const refused = (failures: number, wiped: boolean, waitUntil: number | null) =>
    ({ ok: false, failures, triesLeft: MAX_PIN_FAILURES - failures, wiped, waitUntil }) as const;
  if (!wrap) return { ...refused(0, false, null), triesLeft: 0 };
  const waitUntil = await pinWaitUntil(db, now());
  if (waitUntil !== null) return refused(before.count, false, waitUntil);
  const key = await unwrapWithPin(wrap, pin);
  if (key) {
    await db.vault.put({ id: 'failures', count: 0 });
    // A wrap from before [K9] moves out of IndexedDB into its key file.
    if (keyFiles() && (await db.vault.get('pin'))) await writePinWrap(db, wrap);
    holdDataKey(db.name, key);
    return { ok: true };
  }
  const failures = before.count + 1;
  const at = now();
  await db.vault.put({ id: 'failures', count: failures, at });
  if (failures >= MAX_PIN_FAILURES) {
    await wipe();
    return refused(failures, true, null);
  }
  const wait = pinWaitMs(failures);
  return refused(failures, false, wait ? at + wait : null);
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

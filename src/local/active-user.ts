// Which user's database the service worker syncs in the background. Only the user id is stored
// (no name, no case data), in a tiny database of its own so that the service worker, which has no
// localStorage, can read it. The page sets it on sign-in and clears it on sign-out.
import Dexie, { type Table } from 'dexie';

type PointerRow =
  | { key: 'activeUser'; userId: string }
  /** Why this device deleted its data (revoked, disabled, wrong PINs), until the page has said so. */
  | { key: 'wipeNotice'; reason: WipeReason };

export type WipeReason = 'device_revoked' | 'user_disabled' | 'pin_failures';

const DEVICE_DB_NAME = 'feldakte-device';

function openDeviceDb(): Dexie & { pointers: Table<PointerRow, string> } {
  const db = new Dexie(DEVICE_DB_NAME) as Dexie & { pointers: Table<PointerRow, string> };
  db.version(1).stores({ pointers: 'key' });
  return db;
}

export async function setActiveUserId(userId: string | null): Promise<void> {
  const db = openDeviceDb();
  try {
    if (userId) await db.pointers.put({ key: 'activeUser', userId });
    else await db.pointers.delete('activeUser');
  } finally {
    db.close();
  }
}

export async function getActiveUserId(): Promise<string | null> {
  const db = openDeviceDb();
  try {
    const row = await db.pointers.get('activeUser');
    return row?.key === 'activeUser' ? row.userId : null;
  } finally {
    db.close();
  }
}

export async function setWipeNotice(reason: WipeReason): Promise<void> {
  const db = openDeviceDb();
  try {
    await db.pointers.put({ key: 'wipeNotice', reason });
  } finally {
    db.close();
  }
}

/** The reason of the last wipe, once: reading it clears it. */
export async function takeWipeNotice(): Promise<WipeReason | null> {
  const db = openDeviceDb();
  try {
    const row = await db.pointers.get('wipeNotice');
    if (row?.key !== 'wipeNotice') return null;
    await db.pointers.delete('wipeNotice');
    return row.reason;
  } finally {
    db.close();
  }
}

// Which user's database the service worker syncs in the background. Only the user id is stored
// (no name, no case data), in a tiny database of its own so that the service worker, which has no
// localStorage, can read it. The page sets it on sign-in and clears it on sign-out.
import Dexie, { type Table } from 'dexie';

interface PointerRow {
  key: 'activeUser';
  userId: string;
}

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
    return (await db.pointers.get('activeUser'))?.userId ?? null;
  } finally {
    db.close();
  }
}

// Small builders for sync tests: a fresh device database, a case written the app's way, and
// server-shaped changes and pages.
import { afterEach } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord } from '../../src/local/write-record';
import { newRecordId } from '../../src/shared/domain/record-id';
import { formatHlc } from '../../src/shared/sync/hlc';
import type { Change, PullResponse } from '../../src/shared/sync/protocol';

let databases = 0;

/** A device database of its own (fake-indexeddb), never shared between tests. */
export function freshDb(label = 'device'): FeldakteDb {
  databases += 1;
  return openDatabase(`${label}-${databases}-${newRecordId().slice(-12)}`);
}

/** For a test file: `device()` opens a fresh database, deleted again after each test. */
export function deviceDatabases(): () => FeldakteDb {
  const open: FeldakteDb[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.delete()));
  });
  return () => {
    const db = freshDb();
    open.push(db);
    return db;
  };
}

export async function writeCase(
  db: FeldakteDb,
  fields: { givenName?: string; familyName?: string; status?: string } = {},
): Promise<string> {
  const result = await createRecord(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haddad',
    status: 'inquiry',
    ...fields,
  } as never);
  if (!result.ok) throw new Error(`case not written: ${result.message}`);
  return result.id;
}

/** A clock of another device, `offsetMs` from now. */
export function otherClock(offsetMs = 0, node = '0190aaaa-0000-7000-8000-000000000001'): string {
  return formatHlc({ ms: Date.now() + offsetMs, counter: 0, node });
}

export function caseChange(
  id: string,
  fields: Record<string, unknown>,
  version: number,
  options: { deleted?: boolean; hlc?: string } = {},
): Change {
  return {
    table: 'cases',
    id,
    deleted: options.deleted ?? false,
    fields: options.deleted ? {} : { id, status: 'inquiry', ...fields },
    version,
    hlc: options.hlc ?? otherClock(),
  };
}

export function page(
  changes: Change[],
  options: { cursor?: number; hasMore?: boolean; lastMutationId?: number } = {},
): PullResponse {
  return {
    changes,
    cursor: options.cursor ?? Math.max(0, ...changes.map((change) => change.version)),
    hasMore: options.hasMore ?? false,
    lastMutationId: options.lastMutationId ?? 0,
  };
}

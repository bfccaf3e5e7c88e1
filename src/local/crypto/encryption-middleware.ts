// The Dexie DBCore middleware that encrypts rows on their way into IndexedDB and decrypts them on
// the way out ([K1]). It sits lowest in the stack (level -2, right above IndexedDB), so Dexie's
// own layers (hooks, live queries, the optimistic cache) see records in clear in memory and the
// one write path (write-record.ts) stays one: it never knows about encryption.
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import {
  clearDeviceFields,
  clearMetaKeys,
  clearRecordFields,
  unencryptedDeviceTables,
} from '../../shared/domain/clear-fields';
import { openRow, sealRow, type RowPolicy } from './row-cipher';

/** The storage policy of a table, or null for tables stored as they are (vault, sealed). */
export function rowPolicy(table: string, primaryKey: string): RowPolicy | null {
  if ((unencryptedDeviceTables as readonly string[]).includes(table)) return null;
  if (table === 'meta') {
    return { table, primaryKey, clear: new Set(), clearRowKeys: new Set(clearMetaKeys) };
  }
  const clear =
    (clearRecordFields as Record<string, readonly string[]>)[table] ??
    (clearDeviceFields as Record<string, readonly string[]>)[table] ??
    [];
  return { table, primaryKey, clear: new Set(clear) };
}

export function encryptionMiddleware(keyOf: () => Uint8Array | undefined): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'FeldakteEncryption',
    level: -2,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const keyPath = table.schema.primaryKey.keyPath;
          const policy = typeof keyPath === 'string' ? rowPolicy(name, keyPath) : null;
          return policy ? encryptedTable(table, policy, keyOf) : table;
        },
      };
    },
  };
}

function encryptedTable(
  table: DBCoreTable,
  policy: RowPolicy,
  keyOf: () => Uint8Array | undefined,
): DBCoreTable {
  const open = (row: unknown) => openRow(keyOf(), policy, row as Record<string, unknown>);
  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const key = keyOf();
      const values = req.values.map((row) => sealRow(key, policy, row as Record<string, unknown>));
      return table.mutate({ ...req, values });
    },
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => (cursor ? decrypting(cursor, open) : cursor)),
  };
}

/**
 * The cursor with `value` decrypted (once per position). Like Dexie's own virtual-index cursor:
 * every IDBCursor accessor is re-declared, because a native getter called on a derived object
 * throws "Illegal invocation" in browsers; methods delegate to the (patched) cursor at call time.
 */
function decrypting(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let source: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: {
      value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    },
    advance: { value: (count: number) => cursor.advance(count) },
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const current = cursor.value;
        if (current !== source) {
          source = current;
          opened = open(current);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

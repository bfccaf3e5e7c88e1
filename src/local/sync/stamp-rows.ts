// [B3] The clocks of the records a phone pulled, as the server had them: stored with every pulled
// page ([A1]) and read when the server went back to a backup ([B2]).
import type { StampRow } from '../db';
import type { Change } from '../../shared/sync/protocol';

export function stampKey(table: string, id: string): string {
  return `${table}/${id}`;
}

export function stampRowOf(change: Change): StampRow {
  const row: StampRow = { key: stampKey(change.table, change.id), hlc: change.hlc };
  if (change.deleted) row.deleted = true;
  else if (change.stamps && Object.keys(change.stamps).length > 0) row.fields = change.stamps;
  return row;
}

/** `table` and `id` of a stamp row's key (a table name has no `/`). */
export function splitStampKey(key: string): { table: string; id: string } {
  const slash = key.indexOf('/');
  return { table: key.slice(0, slash), id: key.slice(slash + 1) };
}

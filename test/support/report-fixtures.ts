// Records written straight into the server's `records` table, for report tests and the report
// benchmark: reports read what the sync already stored, so the sync path is not needed here.
import type { Queryable } from '../../src/server/store/store';
import { newRecordId } from '../../src/shared/domain/record-id';

let version = 0;

export interface SeedRow {
  tbl: string;
  fields: Record<string, unknown>;
  id?: string;
  deleted?: boolean;
}

/** Inserts rows for `teamId` (many per statement); returns their ids in order. */
export async function seedRecords(
  db: Queryable,
  teamId: string,
  rows: SeedRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += 1_000) {
    const chunk = rows.slice(start, start + 1_000);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const id = row.id ?? newRecordId();
      ids.push(id);
      params.push(teamId, row.tbl, id, JSON.stringify({ id, ...row.fields }), row.deleted ?? false);
      params.push(++version);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}::jsonb, '{}'::jsonb, '0', $${n - 1}, $${n})`;
    });
    await db.query(
      `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, version) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return ids;
}

/** A UUIDv7 made at the start of `day` (UTC), as a phone would have made it then. */
export function idMadeOn(day: string): string {
  return newRecordId(Date.parse(`${day}T12:00:00.000Z`));
}

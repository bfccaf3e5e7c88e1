// [B4] The erasure journal: every erasure ([X1]) is also appended to a file outside the database
// (ERASURE_JOURNAL, default beside the backups), with ids and the time only: no name, no reason
// text. A backup holds the people erased after it; `admin restore` replays the journal, so no
// erased person comes back with an old backup, nor through a phone's copy ([B2], [X3]).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatHlc } from '../../shared/sync/hlc';
import type { Store } from '../store/store';
import { eraseCase } from '../privacy/erase-case';

export interface ErasureEntry {
  teamId: string;
  caseId: string;
  source: 'request' | 'retention';
  at: string;
}

let journalPath: string | undefined;

/** Where erasures are journaled from now on in this process (main.ts, the admin CLI). */
export function useErasureJournal(path: string | undefined): void {
  journalPath = path;
}

/** Appends erasures made now (after their transaction committed). Never throws on a full disk silently. */
export function journalErasures(entries: readonly ErasureEntry[]): void {
  if (!journalPath || entries.length === 0) return;
  mkdirSync(dirname(journalPath), { recursive: true });
  appendFileSync(journalPath, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), {
    mode: 0o600,
  });
}

export function readErasureJournal(path: string): ErasureEntry[] {
  if (!existsSync(path)) return [];
  const entries: ErasureEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as ErasureEntry;
      if (typeof entry.teamId === 'string' && typeof entry.caseId === 'string') entries.push(entry);
    } catch {
      // A line cut by a crash while it was written: the erasure itself is in the database.
    }
  }
  return entries;
}

export const REPLAYED_REASON = 'Löschung nach Wiederherstellung einer Sicherung erneut angewendet';

/**
 * Erases again every journaled case the restored database still holds, and keeps a purged
 * tombstone for one it never had (made and erased after the backup), so a phone's copy naming it
 * is refused ([X3]). Returns how many cases were erased again.
 */
export async function replayErasures(
  store: Store,
  entries: readonly ErasureEntry[],
  now: Date,
): Promise<number> {
  let replayed = 0;
  const hlc = formatHlc({ ms: now.getTime(), counter: 0, node: 'server' });
  for (const entry of entries) {
    replayed += await store.transaction(async (db) => {
      const [team] = await db.query('SELECT 1 FROM teams WHERE id = $1', [entry.teamId]);
      if (!team) return 0;
      const erased = await eraseCase(db, {
        teamId: entry.teamId,
        caseId: entry.caseId,
        userId: null,
        source: entry.source,
        reason: REPLAYED_REASON,
        now,
      });
      const [version] = await db.query<{ version: number | string }>(
        'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
        [entry.teamId],
      );
      await db.query(
        `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, purged, version)
         VALUES ($1, 'cases', $2, '{}'::jsonb, '{}'::jsonb, $3, true, true, $4)
         ON CONFLICT DO NOTHING`,
        [entry.teamId, entry.caseId, hlc, Number(version!.version)],
      );
      return erased > 0 ? 1 : 0;
    });
  }
  return replayed;
}

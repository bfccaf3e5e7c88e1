// Names a record for the conflict and rejection cards: whose case it belongs to (the person) and
// what it is ("Termin „Beratung Jobcenter“"), read from the device. Never an id.
import type { FeldakteDb } from '../../../local/db';
import { fullName } from '../../../shared/domain/case';
import { isTableName } from '../../../shared/domain/tables';
import { tableLabel } from './change-labels';

export interface RecordName {
  /** The person of the case the record belongs to, if any and on the device. */
  person: string | null;
  /** The kind of record, with its title or name where it has one. */
  what: string;
}

export async function recordName(
  db: FeldakteDb,
  table: string,
  recordId: string,
  caseIdHint?: string | null,
  /** What the device wrote, for a record the server refused and the device no longer has. */
  written?: Record<string, unknown>,
): Promise<RecordName> {
  const stored = isTableName(table)
    ? ((await db.table(table).get(recordId)) as Record<string, unknown> | undefined)
    : undefined;
  const record = stored ?? written;
  const caseId =
    table === 'cases' ? recordId : ((record?.caseId as string | undefined) ?? caseIdHint ?? null);
  const theCase = caseId ? await db.cases.get(caseId) : undefined;
  const person = theCase
    ? fullName(theCase)
    : table === 'cases' && typeof record?.givenName === 'string'
      ? fullName({
          givenName: record.givenName,
          familyName: typeof record.familyName === 'string' ? record.familyName : '',
        })
      : null;
  const title = table === 'cases' ? null : (record?.title ?? record?.name);
  const what =
    typeof title === 'string' && title ? `${tableLabel(table)} „${title}“` : tableLabel(table);
  return { person, what };
}

export function recordHeading(name: RecordName | undefined, fallbackTable: string): string {
  if (!name) return tableLabel(fallbackTable);
  return name.person ? `${name.person} · ${name.what}` : name.what;
}

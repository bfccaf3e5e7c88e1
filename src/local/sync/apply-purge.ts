// SPEC [X4]: what a device does with purged tombstones (an erased person, Art. 17). Runs inside the
// pull page's transaction ([A1]), after the page's own deletes. Every trace of the person goes:
// records (also children this device created offline), conflicts, the cached history, the values
// in pending outbox entries and in stored rejections. The case search index follows the deletes.
import type { FeldakteDb } from '../db';
import type { TableName } from '../../shared/domain/tables';

export async function applyPurges(
  db: FeldakteDb,
  purged: readonly { table: TableName; id: string }[],
): Promise<void> {
  if (purged.length === 0) return;
  const caseIds = purged.filter((p) => p.table === 'cases').map((p) => p.id);
  const gone = new Map<string, { table: TableName; id: string }>(
    purged.map((p) => [`${p.table}\u0000${p.id}`, p]),
  );
  if (caseIds.length > 0) {
    // Records of the case the server never had (written offline) carry no tombstone of their own.
    for (const table of db.tables) {
      if (!table.schema.idxByName.caseId) continue;
      const ids = (await table.where('caseId').anyOf(caseIds).primaryKeys()) as string[];
      for (const id of ids)
        gone.set(`${table.name}\u0000${id}`, { table: table.name as TableName, id });
      await table.bulkDelete(ids);
    }
    await db.caseHistory.bulkDelete(caseIds);
  }
  const recordIds = [...gone.values()].map((p) => p.id);
  const conflictIds = await db.conflicts.where('recordId').anyOf(recordIds).primaryKeys();
  await db.conflicts.bulkDelete(conflictIds);

  // Also entries whose record this device no longer holds (rolled back) but that name the case.
  const erasedCases = new Set(caseIds);
  const ofPerson = (item: { table: string; recordId: string; fields: Record<string, unknown> }) =>
    gone.has(`${item.table}\u0000${item.recordId}`) ||
    erasedCases.has(item.fields.caseId as string);
  // Entries keep their ids: the server needs consecutive ids ([P4]). Without values (only the
  // case they belong to), the next push is refused with the erasure reason ([X3]).
  await db.outbox.filter(ofPerson).modify((entry) => {
    entry.fields = withoutValues(entry.fields);
  });
  await db.rejections.filter(ofPerson).modify((rejection) => {
    rejection.fields = withoutValues(rejection.fields);
  });
}

function withoutValues(fields: Record<string, unknown>): Record<string, unknown> {
  return typeof fields.caseId === 'string' ? { caseId: fields.caseId } : {};
}

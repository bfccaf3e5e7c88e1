// The access export from this device's own data, for when the server cannot be reached: the same
// shape as the server's export, with the history as last loaded (or none).
import type { FeldakteDb } from '../../../local/db';
import { tableNames } from '../../../shared/domain/tables';
import type { CaseExport } from './privacy-api';

export async function localCaseExport(
  db: FeldakteDb,
  caseId: string,
  by: { name: string; team: string },
  now = new Date(),
): Promise<CaseExport | null> {
  const record = await db.cases.get(caseId);
  if (!record) return null;
  const records: CaseExport['records'] = {};
  for (const table of tableNames) {
    const dexie = db.table(table);
    if (!dexie.schema.idxByName.caseId) continue;
    const rows = (await dexie.where('caseId').equals(caseId).toArray()) as CaseExport['case'][];
    if (rows.length > 0) records[table] = rows.map(withoutLocalColumns);
  }
  const partnerIds = new Set<string>();
  for (const row of [record, ...Object.values(records).flat()] as Record<string, unknown>[]) {
    for (const key of ['partnerId', 'referredByPartnerId'])
      if (typeof row[key] === 'string') partnerIds.add(row[key]);
  }
  const partners = (await db.partners.bulkGet([...partnerIds]))
    .filter((partner) => partner !== undefined)
    .map((partner) => ({ id: partner.id, name: partner.name }));
  const history = await db.caseHistory.get(caseId);
  return {
    format: 'feldakte-auskunft/1',
    exportedAt: now.toISOString(),
    exportedBy: by.name,
    team: by.team,
    case: withoutLocalColumns(record as unknown as CaseExport['case']),
    records,
    partners,
    history: history?.entries ?? [],
    retention: { retainUntil: record.retainUntil ?? null, extensions: [] },
  };
}

function withoutLocalColumns(row: CaseExport['case']): CaseExport['case'] {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !key.startsWith('_')),
  ) as CaseExport['case'];
}

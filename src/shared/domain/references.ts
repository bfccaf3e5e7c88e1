// Which fields of a synced record name another record, and in which table ([P10]). The server
// refuses a write whose reference names no live record of the writer's team; one list here, so a
// new reference field is checked as soon as it is declared.
import type { AnyRecord } from './table-rules';
import type { TableName } from './tables';

/** The table a reference points into: fixed, or named by another field of the record. */
type Target = TableName | ((record: AnyRecord) => unknown);

export const references: { readonly [T in TableName]?: Readonly<Record<string, Target>> } = {
  cases: { referredByPartnerId: 'partners' },
  statuses: { caseId: 'cases' },
  needs: { caseId: 'cases' },
  appointments: {
    caseId: 'cases',
    participantPartnerIds: 'partners',
    rescheduledToId: 'appointments',
    rescheduledFromId: 'appointments',
  },
  contacts: { caseId: 'cases', appointmentId: 'appointments' },
  referrals: {
    caseId: 'cases',
    partnerId: 'partners',
    offerId: 'offers',
    needId: 'needs',
    consentId: 'consents',
  },
  offers: { partnerId: 'partners' },
  consents: { caseId: 'cases', partnerId: 'partners' },
  tasks: { caseId: 'cases', sourceId: (record) => record.sourceTable },
  merges: { caseId: 'cases', mergedCaseId: 'cases' },
};

export interface Reference {
  field: string;
  table: string;
  id: string;
}

/** The references `next` makes that `prev` did not (a new record: all of them). */
export function newReferences(
  table: TableName,
  prev: AnyRecord | undefined,
  next: AnyRecord,
): Reference[] {
  const found: Reference[] = [];
  for (const [field, target] of Object.entries(references[table] ?? {})) {
    const into = typeof target === 'function' ? target(next) : target;
    if (typeof into !== 'string') continue;
    const before = new Set(idsOf(prev?.[field]));
    for (const id of idsOf(next[field])) {
      if (!before.has(id)) found.push({ field, table: into, id });
    }
  }
  return found;
}

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

// A device database exactly as the app created it before encryption at rest (Dexie schema
// version 1, everything in clear): two cases, a contact, two outbox entries (ids 4 and 5), a
// rejection and the counters. For the upgrade tests (legacy-database.ts, [K11]).
import Dexie from 'dexie';
import { databaseName, type OutboxEntry, type Rejection } from '../../src/local/db';
import { newRecordId } from '../../src/shared/domain/record-id';

export const HLC = '2025-05-01T10:00:00.000Z-0000-0190a0b0-c0d0-7000-8000-000000000001';

/** The device database exactly as the app created it before encryption (schema version 1). */
export async function versionOneDatabase(userId: string) {
  const db = new Dexie(databaseName(userId));
  db.version(1).stores({
    cases: 'id, status, assignedTo, *_terms',
    statuses: 'id, caseId, validUntil',
    needs: 'id, caseId, status, reviewOn',
    appointments: 'id, caseId, startsAt, status',
    contacts: 'id, caseId, at',
    referrals: 'id, caseId, partnerId, status, followUpOn',
    partners: 'id, kind, *_terms',
    offers: 'id, partnerId',
    consents: 'id, caseId, partnerId',
    tasks: 'id, caseId, dueOn',
    gaps: 'id, date',
    settings: 'id, key',
    conflicts: 'id, recordId, caseId',
    outbox: 'id, [table+recordId]',
    rejections: 'mutationId, [table+recordId]',
    meta: 'key',
  });
  const synced = newRecordId();
  const offline = newRecordId();
  const contact = newRecordId();
  await db.table('cases').bulkPut([
    { id: synced, givenName: 'Yusuf', familyName: 'Haidari', status: 'active', _terms: ['yus'] },
    { id: offline, givenName: 'Mariam', familyName: 'Ahmadi', status: 'intake', _terms: ['mar'] },
  ]);
  await db.table('contacts').put({
    id: contact,
    caseId: synced,
    at: '2025-04-30T09:00:00.000Z',
    channel: 'phone',
    summary: 'Angst vor der Abschiebung',
  });
  const outbox: OutboxEntry[] = [
    {
      id: 4,
      table: 'cases',
      recordId: synced,
      op: 'put',
      fields: { phone: '+49 171 5550123' },
      hlc: HLC,
      baseCursor: 12,
      createdAt: '2025-05-01T10:00:00.000Z',
    },
    {
      id: 5,
      table: 'cases',
      recordId: offline,
      op: 'put',
      fields: { givenName: 'Mariam', familyName: 'Ahmadi', status: 'intake' },
      hlc: HLC,
      baseCursor: 12,
      createdAt: '2025-05-01T10:01:00.000Z',
    },
  ];
  await db.table('outbox').bulkPut(outbox);
  const rejection: Rejection = {
    mutationId: 3,
    table: 'contacts',
    recordId: contact,
    op: 'put',
    fields: { summary: 'Unterkunft Am Ring 4' },
    reason: 'Der Fall ist abgeschlossen.',
    at: '2025-04-30T10:00:00.000Z',
  };
  await db.table('rejections').put(rejection);
  await db.table('meta').bulkPut([
    { key: 'clientId', value: 'client-legacy-1' },
    { key: 'nextMutationId', value: 6 },
    { key: 'hlc', value: HLC },
    { key: 'cursor', value: 12 },
  ]);
  db.close();
  return { synced, offline, outbox, rejection };
}

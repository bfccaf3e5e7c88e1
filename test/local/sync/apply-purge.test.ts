// SPEC [X4]: a device that pulls the purged tombstones of an erased person removes every trace:
// records (also those written offline), conflicts, cached history, values in the outbox and in
// rejections, and the search index.
import { describe, expect, it } from 'vitest';
import { createRecord, putRecord } from '../../../src/local/write-record';
import { applyPullPage } from '../../../src/local/sync/apply-pull';
import { searchCases } from '../../../src/local/case-search';
import { newRecordId } from '../../../src/shared/domain/record-id';
import type { Change } from '../../../src/shared/sync/protocol';
import {
  caseChange,
  deviceDatabases,
  otherClock,
  page,
  writeCase,
} from '../../support/sync-fixtures';

const device = deviceDatabases();

const purgedChange = (table: string, id: string, version: number): Change => ({
  table,
  id,
  deleted: true,
  purged: true,
  fields: {},
  version,
  hlc: otherClock(),
});

describe('[X4] applying purged tombstones', () => {
  it('removes the person from the device and keeps only valueless outbox entries', async () => {
    const db = device();
    const caseId = newRecordId();
    const keptId = newRecordId();
    const contactId = newRecordId();
    const conflictId = newRecordId();
    await applyPullPage(
      db,
      page([
        caseChange(caseId, { givenName: 'Amina', familyName: 'Zaraghani' }, 1),
        caseChange(keptId, { givenName: 'Yonas', familyName: 'Tesfaye' }, 2),
        {
          table: 'contacts',
          id: contactId,
          deleted: false,
          fields: { id: contactId, caseId, at: '2026-01-05T10:00:00.000Z', channel: 'phone' },
          version: 3,
          hlc: otherClock(),
        },
        {
          table: 'conflicts',
          id: conflictId,
          deleted: false,
          fields: {
            id: conflictId,
            table: 'cases',
            recordId: caseId,
            field: 'familyName',
            losingValue: 'Zaraghani-B',
            losingHlc: otherClock(),
            keptValue: 'Zaraghani',
            keptHlc: otherClock(),
            createdAt: new Date().toISOString(),
          },
          version: 4,
          hlc: otherClock(),
        },
      ]),
    );
    expect((await searchCases(db, { query: 'Zaraghani' })).total).toBe(1);
    // Offline edits: the case's phone number and a need the server never saw.
    expect((await putRecord(db, 'cases', caseId, { phone: '0170 1234567' })).ok).toBe(true);
    const need = await createRecord(db, 'needs', {
      caseId,
      category: 'language',
      priority: 'high',
      source: 'self',
      status: 'open',
      goal: 'Deutsch B1',
    } as never);
    expect(need.ok).toBe(true);
    const otherEdit = await writeCase(db, { givenName: 'Bleibt' });
    await db.rejections.put({
      mutationId: 99,
      table: 'cases',
      recordId: caseId,
      op: 'put',
      fields: { familyName: 'Zaraghani-Alt' },
      reason: 'abgelehnt',
      at: new Date().toISOString(),
    });
    await db.caseHistory.put({ caseId, fetchedAt: new Date().toISOString(), entries: [] });
    const outboxBefore = (await db.outbox.toArray()).map((entry) => entry.id);

    await applyPullPage(
      db,
      page([
        purgedChange('cases', caseId, 5),
        purgedChange('contacts', contactId, 5),
        purgedChange('conflicts', conflictId, 5),
      ]),
    );

    expect(await db.cases.get(caseId)).toBeUndefined();
    expect(await db.contacts.get(contactId)).toBeUndefined();
    expect(await db.needs.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.caseHistory.get(caseId)).toBeUndefined();
    expect(await db.cases.get(keptId)).toMatchObject({ familyName: 'Tesfaye' });
    expect(await db.cases.get(otherEdit)).toMatchObject({ givenName: 'Bleibt' });
    expect((await searchCases(db, { query: 'Zaraghani' })).total).toBe(0);
    expect((await searchCases(db, { query: 'Tesfaye' })).total).toBe(1);

    // [P4] the ids stay consecutive; the person's values are gone from them.
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => entry.id)).toEqual(outboxBefore);
    const text = JSON.stringify([outbox, await db.rejections.toArray()]);
    expect(text).not.toContain('0170');
    expect(text).not.toContain('Deutsch B1');
    expect(text).not.toContain('Zaraghani');
    const needId = need.ok ? need.id : '';
    expect(outbox.find((entry) => entry.recordId === needId)?.fields).toEqual({ caseId });
    expect(outbox.find((entry) => entry.recordId === otherEdit)?.fields).toMatchObject({
      givenName: 'Bleibt',
    });
  });

  it('a plain tombstone still keeps pending edits for their rejection ([A3])', async () => {
    const db = device();
    const caseId = await writeCase(db, { givenName: 'Amina' });
    await applyPullPage(db, page([caseChange(caseId, {}, 1, { deleted: true })]));
    expect((await db.outbox.toArray())[0]!.fields).toMatchObject({ givenName: 'Amina' });
  });
});

// Live queries see what a sync pulled while they are on screen (found by the poke e2e test: a case
// pulled on a poke did not show in the open case list until it was mounted again):
// - the case list's search: Dexie runs a live query again from inside its 'storagemutated' event,
//   whose later listeners run first, so the query took the index before the index's own listener
//   had heard of the write, and kept the old list;
// - a cached query (Heute's `toArray()`s) learns of a page's rows put below Dexie from the
//   transaction's mutatedParts (apply-pull.ts), which Dexie's query cache reads at commit.
import { liveQuery } from 'dexie';
import { expect, it, vi } from 'vitest';
import { searchCases } from '../../src/local/case-search';
import { applyPullPage } from '../../src/local/sync/apply-pull';
import { newRecordId } from '../../src/shared/domain/record-id';
import { caseChange, freshDb, page, writeCase } from '../support/sync-fixtures';
import type { Change } from '../../src/shared/sync/protocol';

it('a live search sees a case written on the device and cases of a pulled page', async () => {
  const db = freshDb('live-search');
  const totals: number[] = [];
  // As the case list page asks: an async querier (Dexie follows its awaits).
  const subscription = liveQuery(async () => {
    const found = await searchCases(db, { status: 'all' });
    return found.total;
  }).subscribe({ next: (total) => totals.push(total) });
  try {
    await vi.waitFor(() => expect(totals).toEqual([0]), { timeout: 10_000 });
    await writeCase(db, { familyName: 'Poketaschi' });
    await vi.waitFor(() => expect(totals.at(-1)).toBe(1), { timeout: 10_000 });
    await applyPullPage(
      db,
      page([
        caseChange(newRecordId(), { givenName: 'Nasrin', familyName: 'Gezogen' }, 1),
        caseChange(newRecordId(), { givenName: 'Omid', familyName: 'Gezogen' }, 1),
      ]),
    );
    await vi.waitFor(() => expect(totals.at(-1)).toBe(3), { timeout: 10_000 });
  } finally {
    subscription.unsubscribe();
    db.close();
  }
});

it('a live toArray() query (as Heute asks) sees the rows of a pulled page', async () => {
  const db = freshDb('live-tasks');
  const seen: number[] = [];
  const subscription = liveQuery(async () => {
    const due = await db.tasks.where('dueOn').belowOrEqual('2026-12-31').toArray();
    return due.length;
  }).subscribe({ next: (count) => seen.push(count) });
  try {
    await vi.waitFor(() => expect(seen).toEqual([0]), { timeout: 10_000 });
    const caseId = newRecordId();
    const task = (title: string): Change => ({
      table: 'tasks',
      id: newRecordId(),
      deleted: false,
      fields: { caseId, title, dueOn: '2026-06-01', kind: 'follow_up' },
      version: 2,
      hlc: caseChange(caseId, {}, 1).hlc,
    });
    await applyPullPage(db, page([caseChange(caseId, {}, 1), task('Anrufen'), task('Schreiben')]));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2), { timeout: 10_000 });
  } finally {
    subscription.unsubscribe();
    db.close();
  }
});

it('a case deleted below Dexie (a purge applied elsewhere) leaves the list, not a count of it', async () => {
  // Issue 27 item 7: after a remote erasure the other phone's list said "1 Fälle" with no card.
  const db = freshDb('live-purge');
  try {
    const kept = await writeCase(db, { familyName: 'Bleibt' });
    const erased = await writeCase(db, { familyName: 'Gelöscht' });
    expect((await searchCases(db, { status: 'all' })).total).toBe(2);
    // Deleted through IndexedDB itself: no Dexie event reaches the index.
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('cases', 'readwrite');
      tx.objectStore('cases').delete(erased);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const found = await searchCases(db, { status: 'all' });
    expect(found.total).toBe(1);
    expect(found.cases.map((row) => row.id)).toEqual([kept]);
  } finally {
    db.close();
  }
});

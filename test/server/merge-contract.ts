// Merging two cases of one person on the server (issue 26, SPEC [G1]-[G8]), run on PGlite AND
// PostgreSQL (merge-contract.pglite.test.ts, merge-contract.pg.test.ts): the merge moves every
// record, copies the chosen fields, leaves a tombstone with `mergedInto`, redirects late offline
// writes, undoes, and follows the kept case into erasure and history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PushResponse } from '../../src/shared/sync/protocol';
import { eraseCase } from '../../src/server/privacy/erase-case';
import { caseHistory } from '../../src/server/privacy/case-history';
import {
  newRecordId,
  putCase,
  startTestServer,
  tick,
  validCase,
  type Member,
  type PushMutation,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

export function describeMergeContract(backend: string, makeStore: StoreFactory): void {
  describe(`case merge on ${backend}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
    });
    afterAll(() => server?.close());

    const team = () => `Merge ${randomUUID().slice(0, 8)}`;
    const pushed = async (member: Member, ...mutations: PushMutation[]) => {
      const response = await server.push(member, mutations);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushResponse>();
    };
    const put = (
      member: Member,
      id: number,
      table: PushMutation['table'],
      recordId: string,
      fields: Record<string, unknown>,
      baseCursor = 0,
    ): PushMutation => ({ id, table, recordId, op: 'put', fields, hlc: tick(member), baseCursor });
    const row = async (teamId: string, id: string) => {
      const [found] = await server.store.query<{
        tbl: string;
        fields: Record<string, unknown>;
        deleted: boolean;
        purged: boolean;
      }>('SELECT tbl, fields, deleted, purged FROM records WHERE team_id = $1 AND id = $2', [
        teamId,
        id,
      ]);
      return found;
    };
    const latest = (changes: Change[], id: string) => changes.filter((c) => c.id === id).at(-1);

    /** Two cases of one person, each with records of its own, written by two THMs. */
    async function twoFiles() {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const keptId = newRecordId();
      const mergedId = newRecordId();
      const ids = {
        need: newRecordId(),
        contact: newRecordId(),
        status: newRecordId(),
        appointment: newRecordId(),
        consent: newRecordId(),
        task: newRecordId(),
        keptNeed: newRecordId(),
        document: newRecordId(),
      };
      await pushed(
        anna,
        putCase(anna, 1, keptId, validCase({ givenName: 'Zuleikha', familyName: 'Ahmadi' })),
        put(anna, 2, 'needs', ids.keptNeed, {
          caseId: keptId,
          category: 'work',
          priority: 'medium',
          source: 'self',
          status: 'open',
        }),
      );
      const written = await pushed(
        ben,
        putCase(
          ben,
          1,
          mergedId,
          validCase({
            givenName: 'Zulaika',
            familyName: 'Ahmadi',
            birthDate: '2004-03-12',
            phone: '0170 5551234',
            otherNames: ['Zulaykha Ahmady'],
          }),
        ),
        put(ben, 2, 'needs', ids.need, {
          caseId: mergedId,
          category: 'language',
          priority: 'high',
          source: 'self',
          status: 'open',
        }),
        put(ben, 3, 'contacts', ids.contact, {
          caseId: mergedId,
          at: '2026-01-05T10:00:00.000Z',
          channel: 'phone',
          summary: 'Erstgespräch',
        }),
        put(ben, 4, 'statuses', ids.status, {
          caseId: mergedId,
          kind: 'duldung',
          validUntil: '2026-09-30',
        }),
        put(ben, 5, 'appointments', ids.appointment, {
          caseId: mergedId,
          purpose: 'counselling',
          startsAt: '2026-02-01T09:00:00.000Z',
          endsAt: '2026-02-01T10:00:00.000Z',
          mode: 'in_person',
          status: 'proposed',
        }),
        put(ben, 6, 'consents', ids.consent, {
          caseId: mergedId,
          purpose: 'store_data',
          givenOn: '2026-01-05',
        }),
        put(ben, 7, 'tasks', ids.task, {
          caseId: mergedId,
          title: 'Duldung verlängern',
          dueOn: '2026-09-01',
          kind: 'deadline',
        }),
        put(ben, 8, 'documents', ids.document, {
          caseId: mergedId,
          kind: 'id_document',
          title: 'Duldung',
          date: '2026-01-05',
          fileId: randomUUID().replaceAll('-', ''),
          fileKey: `${'A'.repeat(43)}=`,
          size: 1000,
          pages: 1,
        }),
      );
      expect(written.results.filter((r) => r.status !== 'applied')).toEqual([]);
      return { t, anna, ben, keptId, mergedId, ids };
    }

    const merge = (
      member: Member,
      id: number,
      mergeId: string,
      keptId: string,
      mergedId: string,
      taken: string[] = [],
    ) =>
      put(member, id, 'merges', mergeId, {
        caseId: keptId,
        mergedCaseId: mergedId,
        taken,
        mergedBy: member.userId,
        mergedAt: new Date().toISOString(),
      });

    it('[G3][G4][G8] moves every record of the merged case, copies the chosen fields and joins the names', async () => {
      const { t, anna, ben, keptId, mergedId, ids } = await twoFiles();
      const before = (await server.pullAll(ben)).cursor;
      const mergeId = newRecordId();
      const answer = await pushed(
        anna,
        merge(anna, 3, mergeId, keptId, mergedId, ['birthDate', 'phone']),
      );
      expect(answer.results[0]).toEqual({ id: 3, status: 'applied' });

      for (const id of Object.values(ids)) {
        expect((await row(anna.teamId, id))?.fields.caseId, id).toBe(keptId);
      }
      const kept = await row(anna.teamId, keptId);
      expect(kept?.fields).toMatchObject({
        givenName: 'Zuleikha',
        birthDate: '2004-03-12',
        phone: '0170 5551234',
        otherNames: ['Zulaika Ahmadi', 'Zulaykha Ahmady'],
      });
      // [G4] the merged case: a tombstone naming the kept case.
      expect(await row(anna.teamId, mergedId)).toMatchObject({
        deleted: true,
        purged: false,
        fields: { mergedInto: keptId },
      });
      const record = (await row(anna.teamId, mergeId))!.fields;
      expect(record.mergedBy).toBe(anna.userId);
      expect(record.mergedCase).toMatchObject({ givenName: 'Zulaika', phone: '0170 5551234' });
      expect(record.keptBefore).toEqual({ birthDate: null, phone: null, otherNames: null });
      expect((record.moved as string[]).sort()).toEqual(
        [
          `appointments/${ids.appointment}`,
          `consents/${ids.consent}`,
          `contacts/${ids.contact}`,
          `documents/${ids.document}`,
          `needs/${ids.need}`,
          `statuses/${ids.status}`,
          `tasks/${ids.task}`,
        ].sort(),
      );

      // Ben's phone pulls the merge: the merged case goes, its records come back under the kept one.
      const page = await server.pullAll(ben, before);
      expect(latest(page.changes, mergedId)).toMatchObject({ deleted: true });
      expect(latest(page.changes, ids.contact)?.fields.caseId).toBe(keptId);
      expect(latest(page.changes, mergeId)?.fields.caseId).toBe(keptId);
      expect(latest(page.changes, ids.keptNeed)).toBeUndefined();

      // [G8] the history names who merged: the merge and each move are in the change log.
      const history = await caseHistory(server.store, anna.teamId, keptId);
      const mine = history.filter((entry) => entry.userId === anna.userId);
      expect(mine.map((entry) => `${entry.table}/${entry.op}`)).toEqual(
        expect.arrayContaining(['merges/put', 'contacts/put', 'cases/delete', 'cases/put']),
      );
      // Both histories stay readable: Ben's writes to the merged case belong to the kept one now.
      expect(
        history.some((entry) => entry.recordId === mergedId && entry.userId === ben.userId),
      ).toBe(true);
      void t;
    });

    it('[G1] a merge that cannot apply stores nothing of itself', async () => {
      const { anna, keptId, mergedId, ids } = await twoFiles();
      const mergeId = newRecordId();
      const same = await pushed(anna, merge(anna, 3, mergeId, keptId, keptId));
      expect(same.results[0]).toMatchObject({ status: 'rejected', code: 'rules.merges.sameCase' });
      const unknown = await pushed(anna, merge(anna, 4, mergeId, keptId, newRecordId()));
      expect(unknown.results[0]!.status).toBe('rejected');
      expect(await row(anna.teamId, mergeId)).toBeUndefined();
      expect((await row(anna.teamId, ids.need))?.fields.caseId).toBe(mergedId);
      expect((await row(anna.teamId, mergedId))?.deleted).toBe(false);
    });

    it('[G5] an offline edit of the merged case is redirected to the kept case, never dropped', async () => {
      const { anna, ben, keptId, mergedId, ids } = await twoFiles();
      const base = (await server.pullAll(ben)).cursor;
      await pushed(anna, merge(anna, 3, newRecordId(), keptId, mergedId));
      // Ben was offline: a new contact, a profile edit and an edit of a moved need.
      const late = newRecordId();
      const answer = await pushed(
        ben,
        put(
          ben,
          9,
          'contacts',
          late,
          {
            caseId: mergedId,
            at: '2026-01-06T10:00:00.000Z',
            channel: 'messenger',
            summary: 'Nachricht',
          },
          base,
        ),
        put(ben, 10, 'cases', mergedId, { shelter: 'Unterkunft Nord' }, base),
        put(ben, 11, 'needs', ids.need, { priority: 'medium' }, base),
      );
      expect(answer.results).toEqual([
        { id: 9, status: 'applied', redirectedTo: keptId },
        { id: 10, status: 'applied', redirectedTo: keptId },
        { id: 11, status: 'applied' },
      ]);
      expect((await row(anna.teamId, late))?.fields.caseId).toBe(keptId);
      expect((await row(anna.teamId, keptId))?.fields.shelter).toBe('Unterkunft Nord');
      expect((await row(anna.teamId, ids.need))?.fields).toMatchObject({
        caseId: keptId,
        priority: 'medium',
      });
      // The merged case stays a tombstone; Ben's phone learns both at its next pull.
      expect((await row(anna.teamId, mergedId))?.deleted).toBe(true);
      const page = await server.pullAll(ben, base);
      expect(latest(page.changes, late)?.fields.caseId).toBe(keptId);
      expect(latest(page.changes, keptId)?.fields.shelter).toBe('Unterkunft Nord');
      expect(latest(page.changes, mergedId)?.deleted).toBe(true);
      // A repeated push answers from the replay ([P3]) and changes nothing.
      const again = await pushed(ben, put(ben, 9, 'contacts', late, { caseId: mergedId }, base));
      expect(again.results[0]!.status).toBe('applied');
    });

    it('[G5] a chain of merges ends at the last kept case; a second merge of the same pair is refused', async () => {
      const { anna, ben, keptId, mergedId } = await twoFiles();
      const third = newRecordId();
      await pushed(anna, putCase(anna, 3, third, validCase({ givenName: 'Zuleyha' })));
      await pushed(anna, merge(anna, 4, newRecordId(), keptId, mergedId));
      await pushed(anna, merge(anna, 5, newRecordId(), third, keptId));
      expect((await row(anna.teamId, keptId))?.fields).toEqual({ mergedInto: third });
      const late = newRecordId();
      const answer = await pushed(
        ben,
        put(ben, 9, 'needs', late, {
          caseId: mergedId,
          category: 'housing',
          priority: 'medium',
          source: 'thm',
          status: 'open',
        }),
        // Ben merged the same two cases offline the other way round: now one case already.
        merge(ben, 10, newRecordId(), mergedId, keptId),
      );
      expect(answer.results[0]).toMatchObject({ status: 'applied', redirectedTo: third });
      expect(answer.results[1]).toMatchObject({
        status: 'rejected',
        code: 'rules.merges.sameCase',
      });
      expect((await row(anna.teamId, late))?.fields.caseId).toBe(third);
    });

    it('[G6] an undo brings the merged case back with its records; later records stay', async () => {
      const { anna, ben, keptId, mergedId, ids } = await twoFiles();
      const mergeId = newRecordId();
      await pushed(anna, merge(anna, 3, mergeId, keptId, mergedId, ['phone']));
      const added = newRecordId();
      await pushed(
        ben,
        put(ben, 9, 'needs', added, {
          caseId: keptId,
          category: 'housing',
          priority: 'medium',
          source: 'thm',
          status: 'open',
        }),
      );
      const undo = await pushed(
        anna,
        put(anna, 4, 'merges', mergeId, {
          undoneAt: new Date().toISOString(),
          undoneBy: anna.userId,
        }),
      );
      expect(undo.results[0]).toEqual({ id: 4, status: 'applied' });
      const merged = await row(anna.teamId, mergedId);
      expect(merged?.deleted).toBe(false);
      expect(merged?.fields).toMatchObject({ givenName: 'Zulaika', phone: '0170 5551234' });
      for (const id of Object.values(ids).filter((id) => id !== ids.keptNeed)) {
        expect((await row(anna.teamId, id))?.fields.caseId, id).toBe(mergedId);
      }
      expect((await row(anna.teamId, ids.keptNeed))?.fields.caseId).toBe(keptId);
      expect((await row(anna.teamId, added))?.fields.caseId).toBe(keptId);
      const kept = (await row(anna.teamId, keptId))!.fields;
      expect(kept.phone).toBeUndefined();
      expect(kept.otherNames).toBeUndefined();
      expect((await row(anna.teamId, mergeId))?.fields).toMatchObject({ undoneBy: anna.userId });
      // After the undo, writes to the merged case stay there; a second undo is refused.
      const after = await pushed(ben, put(ben, 10, 'cases', mergedId, { shelter: 'Süd' }));
      expect(after.results[0]).toEqual({ id: 10, status: 'applied' });
      const twice = await pushed(
        anna,
        put(anna, 5, 'merges', mergeId, { undoneAt: new Date(Date.now() + 5).toISOString() }),
      );
      expect(twice.results[0]).toMatchObject({
        status: 'rejected',
        code: 'rules.merges.alreadyUndone',
      });
    });

    it('[G7] erasing the kept case erases the merged one and everything of both', async () => {
      const { anna, ben, keptId, mergedId, ids } = await twoFiles();
      const mergeId = newRecordId();
      await pushed(anna, merge(anna, 3, mergeId, keptId, mergedId, ['phone']));
      const erased = await server.store.transaction((db) =>
        eraseCase(db, {
          teamId: anna.teamId,
          caseId: keptId,
          userId: anna.userId,
          source: 'request',
          reason: 'Antrag',
          now: new Date(),
        }),
      );
      expect(erased).toBe(11);
      for (const id of [keptId, mergedId, mergeId, ...Object.values(ids)]) {
        expect(await row(anna.teamId, id), id).toMatchObject({
          deleted: true,
          purged: true,
          fields: {},
        });
      }
      const text = JSON.stringify(
        await server.store.query('SELECT * FROM records WHERE team_id = $1', [anna.teamId]),
      );
      expect(text).not.toContain('Zulaika');
      expect(text).not.toContain('0170 5551234');
      // An offline write to the merged case after the erasure is refused as erased ([X3]).
      const late = await pushed(ben, put(ben, 9, 'cases', mergedId, { shelter: 'Nord' }));
      expect(late.results[0]).toMatchObject({ status: 'rejected', purged: true });
    });

    it('[G2] a merge names two live cases of the own team', async () => {
      const { anna, keptId } = await twoFiles();
      const stranger = await server.member(team());
      const foreign = newRecordId();
      await pushed(stranger, putCase(stranger, 1, foreign, validCase()));
      const answer = await pushed(anna, merge(anna, 3, newRecordId(), keptId, foreign));
      expect(answer.results[0]!.status).toBe('rejected');
      expect((await row(stranger.teamId, foreign))?.deleted).toBe(false);
    });
  });
}

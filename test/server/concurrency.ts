// [V1][V2] Several writers and readers at once: every committed write reaches every reader, none is
// skipped. Commits are delayed at (seeded: CONCURRENCY_SEED) random, which widens the window in which a sequence or updated_at
// cursor would let a reader pass a row that commits later; the team-row lock orders commits by
// version, so nothing is lost. Run on real PostgreSQL (several pg connections) and on PGlite (one
// connection, serialised by PGlite's own transaction lock: no lock of ours on top).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import type { Change } from '../../src/shared/sync/protocol';
import {
  addTeam,
  newRecordId,
  putCase,
  startTestServer,
  validCase,
  type Member,
  type PullResponse,
  type PushResponse,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import { seededRandom } from '../support/seeded-random';

const WRITERS = 6;
const PUSHES_PER_WRITER = 12;
const READERS = 3;
const SEED = Number(process.env.CONCURRENCY_SEED ?? 1);

export function describeConcurrency(backend: string, makeStore: StoreFactory): void {
  describe(`concurrent writers and readers on ${backend}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      const store = await makeStore();
      const random = seededRandom(SEED);
      const slowCommits: Store = {
        ...store,
        kind: store.kind,
        transaction: (fn) =>
          store.transaction(async (tx) => {
            const result = await fn(tx);
            await new Promise((resolve) => setTimeout(resolve, random.next() * 15));
            return result;
          }),
      };
      server = await startTestServer({ store: slowCommits });
    });
    afterAll(() => server?.close());

    async function write(member: Member): Promise<number> {
      const mine: string[] = [];
      let mutationId = 0;
      for (let push = 0; push < PUSHES_PER_WRITER; push++) {
        const created = newRecordId();
        mine.push(created);
        const mutations = [
          putCase(member, ++mutationId, created, validCase({ languages: `Push ${push}` })),
        ];
        if (push > 0)
          mutations.push(
            putCase(member, ++mutationId, mine[push - 1]!, {
              languages: `geändert in Push ${push}`,
            }),
          );
        const response = await server.push(member, mutations);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json<PushResponse>().results.every((r) => r.status === 'applied')).toBe(
          true,
        );
      }
      return mine.length;
    }

    async function read(member: Member, writing: () => boolean) {
      const seen = new Map<string, Change>();
      let cursor: number | null = null;
      let lastVersion = 0;
      const collect = (page: PullResponse) => {
        for (const change of page.changes) {
          expect(change.version).toBeGreaterThanOrEqual(lastVersion);
          lastVersion = change.version;
          seen.set(change.id, change);
        }
        cursor = page.cursor;
      };
      for (let round = 0; writing() && round < 10_000; round++) {
        const response = await server.pull(member, cursor, 4);
        expect(response.statusCode).toBe(200);
        collect(response.json());
      }
      // Catch up from where this reader stopped: a skipped row has a version below its cursor and
      // would never arrive.
      for (let page = 0; page < 1_000; page++) {
        const body: PullResponse = (await server.pull(member, cursor, 4)).json();
        collect(body);
        if (!body.hasMore) break;
      }
      return seen;
    }

    it('[V1][V2] concurrent pushes and pulls lose and skip nothing', async () => {
      // The team first: members made at once would each try to create it.
      await addTeam(server.store, 'Team Last');
      const writers = await Promise.all(
        Array.from({ length: WRITERS }, () => server.member('Team Last')),
      );
      const readers = await Promise.all(
        Array.from({ length: READERS }, () => server.member('Team Last')),
      );
      let done = false;
      const reading = readers.map((reader) => read(reader, () => !done));
      const created = await Promise.all(writers.map(write));
      done = true;
      const views = await Promise.all(reading);

      const truth = await server.store.query<{
        id: string;
        version: string | number;
        fields: Record<string, unknown>;
      }>('SELECT id, version, fields FROM records WHERE team_id = $1', [writers[0]!.teamId]);
      expect(truth).toHaveLength(created.reduce((a, b) => a + b, 0));
      for (const view of views) {
        expect(view.size).toBe(truth.length);
        for (const row of truth) {
          expect(view.get(row.id)).toMatchObject({
            version: Number(row.version),
            fields: { ...row.fields, id: row.id },
          });
        }
      }
    });
  });
}

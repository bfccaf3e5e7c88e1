// [E5] the next pull request leaves as soon as a page's head (cursor, "more") is known from its
// headers, before its body is read; the body must say the same, or the pull fails and keeps
// nothing of that page or any asked for after it.
import { describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/local/meta';
import { pullChanges } from '../../../src/local/sync/pull-changes';
import { SyncError } from '../../../src/local/sync/sync-error';
import type { PullHead, SyncTransport } from '../../../src/local/sync/transport';
import type { PullRequest, PullResponse } from '../../../src/shared/sync/protocol';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { caseChange, deviceDatabases, page } from '../../support/sync-fixtures';

const device = deviceDatabases();
const CLIENT = '0190aaaa-0000-7000-8000-000000000001';

/** Answers each cursor with its page; the head comes at once, the body when the test releases it. */
function heldTransport(
  pages: Map<number | null, PullResponse>,
  heads: Map<number | null, PullHead> = new Map(),
) {
  const pulls: PullRequest[] = [];
  const release = new Map<number | null, () => void>();
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('no push here')),
    async pull(request, onHead) {
      pulls.push(request);
      const answer = pages.get(request.cursor)!;
      onHead?.(heads.get(request.cursor) ?? { cursor: answer.cursor, hasMore: answer.hasMore });
      await new Promise<void>((resolve) => release.set(request.cursor, resolve));
      return structuredClone(answer);
    },
  };
  return { transport, pulls, release };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('pulling ahead on the page head [E5]', () => {
  it('asks for the next page before the body of this one is read, and stores both in order', async () => {
    const db = device();
    const [a, b] = [newRecordId(), newRecordId()];
    const { transport, pulls, release } = heldTransport(
      new Map([
        [null, page([caseChange(a, { givenName: 'A', familyName: 'X' }, 4)], { hasMore: true })],
        [4, page([caseChange(b, { givenName: 'B', familyName: 'X' }, 9)])],
      ]),
    );
    const done = pullChanges(db, transport, { clientId: CLIENT });
    // The first body is still held, and the second request is already out.
    await until(() => pulls.length === 2);
    expect(pulls.map((pull) => pull.cursor)).toEqual([null, 4]);
    release.get(4)!();
    release.get(null)!();
    expect(await done).toEqual({ pages: 2, changes: 2 });
    expect(await db.cases.get(a)).toMatchObject({ givenName: 'A' });
    expect(await db.cases.get(b)).toMatchObject({ givenName: 'B' });
    expect(await getMeta(db, 'cursor')).toBe(9);
  });

  it('a body that contradicts its head fails the pull and keeps nothing of it or after it', async () => {
    const db = device();
    const [a, b] = [newRecordId(), newRecordId()];
    const { transport, pulls, release } = heldTransport(
      new Map([
        [null, page([caseChange(a, { givenName: 'A', familyName: 'X' }, 5)], { hasMore: true })],
        [4, page([caseChange(b, { givenName: 'B', familyName: 'X' }, 9)])],
      ]),
      // The head promised cursor 4; the body will say 5.
      new Map([[null, { cursor: 4, hasMore: true }]]),
    );
    const done = pullChanges(db, transport, { clientId: CLIENT });
    done.catch(() => undefined);
    await until(() => pulls.length === 2);
    release.get(4)!();
    release.get(null)!();
    const error = await done.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('server');
    expect(await db.cases.get(a)).toBeUndefined();
    expect(await db.cases.get(b)).toBeUndefined();
    expect((await getMeta(db, 'cursor')) ?? null).toBeNull();
  });
});

// What the device does with a push response. Applied mutations stay in the outbox until a pull
// confirms them ([A4]): their records come back in the same or a later page. A rejected mutation
// ([P5]) is processed on the server and never will be: it leaves the outbox, the THM is shown
// why, and the record goes back to the server's version with the later pending edits on top.
import type { FeldakteDb, OutboxEntry, Rejection } from '../db';
import { message, germanText } from '../../shared/i18n/message';
import type { AnyRecord } from '../../shared/domain/table-rules';
import type { MutationResult, PushResponse } from '../../shared/sync/protocol';
import { overlayPending, pendingEntriesFor } from './pending-overlay';
import { deviceNow } from '../device-environment';
import { applyMergeLocally, revertMergeLocally } from '../merge-cases';

/**
 * [G1] A refused merge changed nothing on the server, so no pull will put the device's copies
 * back: the phone reverts its own effect of the merge (or, for a refused undo, applies it again)
 * at once, and pulls from the start, so that whatever happened on the server meanwhile (a later
 * merge, an erasure) replaces its best guess.
 */
async function revertRefusedMerge(db: FeldakteDb, entry: OutboxEntry): Promise<void> {
  await db.meta.put({ key: 'cursor', value: null });
  const merge = await db.merges.get(entry.recordId);
  // Gone, or only what pending edits laid over a record the server no longer has (erased).
  if (typeof merge?.caseId !== 'string' || typeof merge.mergedCaseId !== 'string') return;
  if (typeof entry.fields.mergedCaseId === 'string') await revertMergeLocally(db, merge);
  else if (entry.fields.undoneAt) await applyMergeLocally(db, { ...merge, undoneAt: null });
}

/** Returns how many of the batch were rejected. */
export async function applyPushResults(
  db: FeldakteDb,
  batch: readonly OutboxEntry[],
  response: PushResponse,
  now = deviceNow(db),
): Promise<number> {
  const sent = new Map(batch.map((entry) => [entry.id, entry]));
  const rejected = response.results.filter(
    (result) => result.status === 'rejected' && sent.has(result.id),
  );
  if (rejected.length === 0) return 0;

  // One transaction: the rejection row, the outbox removal and the rollback land together or not
  // at all (a crash in between would otherwise hide the rejection or lose the rollback).
  await db.transaction('rw', db.tables, async () => {
    for (const result of rejected) {
      const entry = sent.get(result.id)!;
      // Already handled (a repeated response): the rejection row exists, the outbox entry is gone.
      if (!(await db.outbox.get(entry.id))) continue;
      await db.rejections.put({
        mutationId: entry.id,
        table: entry.table,
        recordId: entry.recordId,
        op: entry.op,
        // [X4] a change to an erased person is shown as refused, without its values.
        fields: result.purged ? withoutValues(entry.fields) : entry.fields,
        ...rejectionReason(result),
        at: now.toISOString(),
      });
      await db.outbox.delete(entry.id);
      await db.sealed.delete(entry.id);
      await rollBack(db, entry, result);
    }
  });
  return rejected.length;
}

/** The German reason every app shows and, when the server sent one, its key and parameters. */
function rejectionReason(result: MutationResult): Pick<Rejection, 'reason' | 'code' | 'params'> {
  if (!result.reason && !result.code) return { reason: germanText(REFUSED), code: REFUSED.key };
  return {
    reason: result.reason ?? '',
    ...(typeof result.code === 'string' ? { code: result.code } : {}),
    ...(result.params && typeof result.params === 'object' ? { params: result.params } : {}),
  };
}

const REFUSED = message('server.sync.refused');

function withoutValues(fields: Record<string, unknown>): Record<string, unknown> {
  return typeof fields.caseId === 'string' ? { caseId: fields.caseId } : {};
}

async function rollBack(db: FeldakteDb, entry: OutboxEntry, result: MutationResult): Promise<void> {
  // Without the server's record there is nothing to roll back to; the server always sends it for
  // a rejection ([P5]), so this only guards against a malformed answer.
  if (result.current === undefined) return;
  if (entry.table === 'merges') await revertRefusedMerge(db, entry);
  const table = db.table(entry.table);
  if (result.current?.deleted) {
    await table.delete(entry.recordId);
    return;
  }
  const base: AnyRecord | null = result.current
    ? { ...result.current.fields, id: entry.recordId }
    : null;
  const pending = await pendingEntriesFor(db, [[entry.table, entry.recordId]]);
  const record = overlayPending(entry.recordId, base, [...pending.values()].flat());
  if (record) await table.put(record);
  else await table.delete(entry.recordId);
}

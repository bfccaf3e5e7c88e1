// The fresh mutations of one push, applied in order ([P1]) in units: a mutation alone, or the
// consecutive mutations of one group ([P9]: all or nothing). The writes go to the database in one
// statement (with the push's outcomes, push-mutations.ts); if the database refuses it, the push is
// redone in a new transaction unit by unit, each under its own savepoint, and only the unit the
// database refuses is rejected ([P8]: an outbox always drains).
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { applyMutation, currentOf, type Outcome, type PushScope } from './apply-mutation';
import { isMessageKey, message, type Message } from '../../shared/i18n/message';
import { REFUSED, rejection } from './rejection';

export const STORE_REFUSED = message('server.sync.storeRefused');

/**
 * `together`: every unit in order, no savepoint, nothing written yet; the caller writes the
 * buffered records in its last statement, and a refusal there or here fails the transaction, which
 * the caller then redoes `unit by unit`: each unit applied and written under its own savepoint, and
 * a unit the database refuses is rejected while the others stay ([P8]).
 */
export type ApplyMode = 'together' | 'unit by unit';

export async function applyFresh(
  scope: PushScope,
  fresh: readonly Mutation[],
  mode: ApplyMode,
): Promise<Map<number, Outcome>> {
  const { db, records, version } = scope;
  const units = unitsOf(fresh);
  const outcomes = new Map<number, Outcome>();
  if (mode === 'together') {
    for (const unit of units) for (const o of await applyUnit(scope, unit)) outcomes.set(o.id, o);
    return outcomes;
  }
  for (const unit of units) {
    const before = records.checkpoint();
    await db.query('SAVEPOINT push_unit');
    try {
      const applied = await applyUnit(scope, unit);
      await records.save(version);
      await db.query('RELEASE SAVEPOINT push_unit');
      for (const o of applied) outcomes.set(o.id, o);
    } catch (error) {
      if (!refusedByDatabase(error)) throw error;
      await db.query('ROLLBACK TO SAVEPOINT push_unit');
      records.restore(before);
      for (const mutation of unit) {
        outcomes.set(mutation.id, {
          result: {
            id: mutation.id,
            status: 'rejected',
            ...rejection(STORE_REFUSED),
            current: currentOf(mutation.recordId, records.get(mutation.table, mutation.recordId)),
          },
          writes: [],
        });
      }
    }
  }
  return outcomes;
}

/** [P9] a group applies whole or not at all: one rejected member rejects every member. */
async function applyUnit(
  scope: PushScope,
  unit: readonly Mutation[],
): Promise<(Outcome & { id: number })[]> {
  const before = scope.records.checkpoint();
  const outcomes: (Outcome & { id: number })[] = [];
  for (const mutation of unit) {
    outcomes.push({ id: mutation.id, ...(await applyMutation(scope, mutation)) });
  }
  const refused = outcomes.find((o) => o.result.status === 'rejected');
  if (!refused || unit.length === 1) return outcomes;
  scope.records.restore(before);
  const why = refused.result;
  return unit.map((mutation, index) => {
    const own = outcomes[index]!.result;
    const result: MutationResult = {
      id: mutation.id,
      status: 'rejected',
      ...(own.status === 'rejected' ? reasonOf(own) : rejection(groupRefused(why))),
      current: currentOf(mutation.recordId, scope.records.get(mutation.table, mutation.recordId)),
    };
    return { id: mutation.id, result, writes: [] };
  });
}

/** Consecutive mutations with one `groupId` form a unit; every other mutation is one alone. */
function unitsOf(mutations: readonly Mutation[]): Mutation[][] {
  const units: Mutation[][] = [];
  for (const mutation of mutations) {
    const last = units[units.length - 1];
    if (mutation.groupId && last?.[0]?.groupId === mutation.groupId) last.push(mutation);
    else units.push([mutation]);
  }
  return units;
}

/**
 * A refusal of what was written (SQLSTATE class 22 data exception, 23 integrity, 54 limits, ...),
 * as opposed to a failure of the connection or the transaction (classes 08, 40, 53, 57, 58, XX),
 * which must fail the push so that the device retries it unchanged.
 */
export function refusedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return !['08', '40', '53', '57', '58', 'XX'].includes(code.slice(0, 2));
}

function reasonOf(result: MutationResult): Pick<MutationResult, 'reason' | 'code' | 'params'> {
  if (!result.reason) return rejection(REFUSED);
  const { reason, code, params } = result;
  return { reason, ...(code ? { code } : {}), ...(params ? { params } : {}) };
}

/** A member of a refused group: the refusal of the member that failed, as `{why}`. */
function groupRefused(failed: MutationResult): Message {
  const why = failed.code && isMessageKey(failed.code) ? failed.code : REFUSED.key;
  return message('server.sync.groupRefused', { ...failed.params, why });
}

// One mutation of a push, inside the push transaction: merge field by field ([M1]-[M3]), validate
// the merged record with the shared rules ([R2]), keep losing values as conflicts ([M4]), refuse
// writes to tombstones ([M5]). A rejected mutation writes nothing ([P5]).
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { tables, type TableName } from '../../shared/domain/tables';
import type { AnyRecord, RuleContext, TableRules } from '../../shared/domain/table-rules';
import { newRecordId } from '../../shared/domain/record-id';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { clampHlc, formatHlc, hlcNode, parseHlc, tickHlc } from '../../shared/sync/hlc';
import { isStorableText } from '../../shared/domain/common';
import { newReferences } from '../../shared/domain/references';
import { mergeFields, sameValue, type FieldConflict, type Fields } from '../../shared/sync/merge';
import type { Queryable } from '../store/store';
import { newestHlc, type RecordRow } from './record-rows';
import type { PushBuffer } from './push-buffer';
import { ERASED } from '../privacy/erase-case';
import { message, type Message } from '../../shared/i18n/message';
import { rejection, schemaReason } from './rejection';
import { applyCaseMerge, redirectTarget, undoCaseMerge } from './case-merge';
import type { CaseMerge } from '../../shared/domain/case-merge';

/** [X3] a purged tombstone (no fields, no stamps) for a record of an erased person. */
async function keepAsErased(scope: PushScope, table: string, recordId: string): Promise<void> {
  const hlc = formatHlc({ ms: scope.now.getTime(), counter: 0, node: 'server' });
  await scope.db.query(
    `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, purged, version)
     VALUES ($1, $2, $3, '{}'::jsonb, '{}'::jsonb, $4, true, true, $5)
     ON CONFLICT DO NOTHING`,
    [scope.teamId, table, recordId, hlc, scope.version],
  );
  scope.erased.add(recordId);
}

const MERGES: TableName = 'merges';

/** [G5] The mutation as it applies: a put naming a merged case names the case it went into. */
function redirected(scope: PushScope, mutation: Mutation): Mutation {
  if (mutation.op !== 'put' || scope.redirects.size === 0) return mutation;
  const fields = { ...mutation.fields };
  let changed = false;
  for (const field of mutation.table === MERGES ? ['caseId', 'mergedCaseId'] : ['caseId']) {
    const value = fields[field];
    if (typeof value !== 'string' || !scope.redirects.has(value)) continue;
    fields[field] = redirectTarget(scope, value);
    changed = true;
  }
  let recordId = mutation.recordId;
  if (mutation.table === 'cases' && scope.redirects.has(recordId)) {
    recordId = redirectTarget(scope, recordId);
    changed = true;
  }
  return changed ? { ...mutation, recordId, fields } : mutation;
}

/** The synced table the server writes losing values into; devices may only resolve them. */
const CONFLICTS: TableName = 'conflicts';

export interface PushScope {
  db: Queryable;
  records: PushBuffer;
  teamId: string;
  userId: string;
  clientId: string;
  /** The team version every row written by this push gets ([V1]). */
  version: number;
  now: Date;
  rules: RuleContext;
  /** `table/id` of every record this push puts ([P10]: may be referenced before it is known). */
  pushedRecords: ReadonlySet<string>;
  /**
   * Purged record ids among this push's records and the cases they name ([X3]); grows when a
   * record written offline for an erased person is refused (it becomes a purged tombstone).
   */
  erased: Set<string>;
  /**
   * [G5] Merged case -> the case it went into (followed to the end); a merge in this push adds
   * to it, an undo removes from it.
   */
  redirects: Map<string, string>;
}

/** A row this mutation wrote, for the change log. */
export interface Write {
  table: string;
  recordId: string;
  op: 'put' | 'delete';
  fields: string[];
}

export interface Outcome {
  result: MutationResult;
  writes: Write[];
}

export async function applyMutation(scope: PushScope, sent: Mutation): Promise<Outcome> {
  const { records, version } = scope;
  // [G5] a write to a merged case, or naming one as its case, goes to the case it went into.
  const mutation = redirected(scope, sent);
  const { id, table, recordId } = mutation;
  const redirectedTo =
    mutation === sent
      ? undefined
      : recordId !== sent.recordId
        ? recordId
        : (mutation.fields.caseId as string | undefined);
  const stored = records.get(table, recordId);
  // A refused redirected case write rolls the phone's copy back to the merged tombstone.
  const rollBackTo = recordId === sent.recordId ? stored : records.get(table, sent.recordId);
  const reject = (reason: Message): Outcome => ({
    result: {
      id,
      status: 'rejected',
      ...rejection(reason),
      current: currentOf(sent.recordId, rollBackTo),
    },
    writes: [],
  });
  // [C4] a clock that is no real instant, or names another device, would outrank honest edits
  // or let one device speak for another: refused, and the rest of the push goes on.
  const clock = parseHlc(mutation.hlc);
  if (!clock) return reject(message('server.sync.invalidClock'));
  if (clock.node !== scope.clientId) return reject(message('server.sync.foreignClock'));
  const hlc = laterThanOwn(
    clampHlc(mutation.hlc, scope.now.getTime()),
    mutation.hlc,
    stored,
    scope,
  );
  // [X3] an erased person stays erased: no write to their records, no new record for their case.
  const caseId = mutation.fields.caseId;
  if (scope.erased.has(recordId) || (typeof caseId === 'string' && scope.erased.has(caseId))) {
    if (mutation.op === 'delete' && stored?.deleted)
      return { result: { id, status: 'applied' }, writes: [] };
    // A record the server never had, written offline for the erased person: it is kept as a
    // purged tombstone, so a later edit of it (without `caseId`) is refused the same way and
    // every device that holds it removes it ([X4]).
    if (!stored) await keepAsErased(scope, table, recordId);
    return {
      result: {
        id,
        status: 'rejected',
        ...rejection(ERASED),
        current: { fields: {}, deleted: true },
        purged: true,
      },
      writes: [],
    };
  }

  if (mutation.op === 'delete') {
    if (table === CONFLICTS) return reject(message('server.sync.conflictDelete'));
    if (stored?.deleted) return { result: { id, status: 'applied' }, writes: [] };
    records.set(table, recordId, {
      fields: {},
      stamps: {},
      hlc,
      deleted: true,
      version,
    });
    return {
      result: { id, status: 'applied' },
      writes: [{ table, recordId, op: 'delete', fields: [] }],
    };
  }
  if (stored?.deleted) return reject(message('server.sync.deleted'));

  const rules = tables[table] as unknown as TableRules<AnyRecord>;
  const incoming: Fields = { ...mutation.fields };
  delete incoming.id;
  // [P8] PostgreSQL's jsonb cannot hold U+0000 or a lone surrogate; refused here, such text
  // cannot block the device's outbox (any other database refusal: push-mutations.ts).
  if (!isStorable(incoming)) return reject(message('server.sync.controlCharacter'));
  const merged = mergeFields(
    stored,
    { fields: incoming, hlc, clientId: scope.clientId, baseCursor: mutation.baseCursor },
    version,
  );

  const parsed = v.safeParse(rules.schema, { ...merged.fields, id: recordId });
  if (!parsed.success) return reject(schemaReason(parsed.issues[0]));
  const next = parsed.output;
  const prev = stored && ({ ...stored.fields, id: recordId } as AnyRecord);
  const frozen = prev && rules.immutable?.find((field) => !sameValue(prev[field], next[field]));
  if (frozen) return reject(message('server.sync.frozenField', { field: frozen }));
  const reason = await rules.checkChange?.(prev, next, scope.rules);
  if (reason) return reject(reason);
  // [P10] a new reference must name a live record of this team, or one this push writes. Another
  // team's id gets the same answer as an unknown one, so ids cannot be probed.
  for (const ref of newReferences(table, prev, next)) {
    if (scope.pushedRecords.has(`${ref.table}/${ref.id}`)) continue;
    if (!(await scope.rules.get(ref.table, ref.id)))
      return reject(message('server.sync.unknownReference', { field: ref.field }));
  }

  // Store what the schema produced: unknown fields are dropped, and so are their stamps.
  const { id: _id, ...fields } = next;
  const stamps = Object.fromEntries(
    Object.entries(merged.stamps).filter(([field]) => field in fields),
  );
  const changed = merged.changed.filter((field) => field in fields);
  const stamped = merged.stamped.filter((field) => field in fields);
  const conflicts = merged.conflicts.filter((conflict) => conflict.field in fields);
  const writes: Write[] = [];
  // [G3]/[G6] a new merge moves the merged case's records; setting `undoneAt` moves them back.
  if (table === MERGES) {
    const merge = next as unknown as CaseMerge;
    const undo = !!prev && !prev.undoneAt && !!merge.undoneAt;
    const effect = !prev
      ? await applyCaseMerge(scope, merge, hlc)
      : undo
        ? await undoCaseMerge(scope, merge, stored?.stamps.mergedAt?.hlc ?? '', hlc)
        : null;
    if (effect && 'key' in effect) return reject(effect);
    if (effect) {
      for (const [field, value] of Object.entries(effect.fields)) {
        fields[field] = value;
        stamps[field] = { hlc, version };
        if (!changed.includes(field)) changed.push(field);
        if (!stamped.includes(field)) stamped.push(field);
      }
      writes.push(...effect.writes);
    }
  }
  // [M6] a moved stamp alone is stored too (new version, so devices pull the newer clock); the
  // change log names only fields whose value changed. [M7] so is a record this push's value lost
  // on: the phone shows its own value until it pulls the kept one, which it may have pulled before.
  const lost = conflicts.some((conflict) => conflict.losingHlc === hlc);
  if (stamped.length > 0 || !stored || lost) {
    const row: RecordRow = { fields, stamps, hlc: newestHlc(stamps, hlc), deleted: false, version };
    records.set(table, recordId, row);
    if (changed.length > 0 || !stored) writes.push({ table, recordId, op: 'put', fields: changed });
  }
  for (const conflict of conflicts) {
    writes.push(await storeConflict(scope, mutation, next, conflict, hlc));
  }
  const result: MutationResult = { id, status: 'applied' };
  if (redirectedTo) result.redirectedTo = redirectedTo;
  if (conflicts.length > 0) {
    result.conflicts = conflicts.map((c) => ({
      field: c.field,
      losingValue: c.losingValue,
      keptValue: c.keptValue,
      yoursLost: c.losingHlc === hlc,
    }));
  }
  return { result, writes };
}

/** The losing value becomes a record of `conflicts`, pulled by every device of the team ([M4]). */
async function storeConflict(
  scope: PushScope,
  mutation: Mutation,
  record: AnyRecord,
  conflict: FieldConflict,
  incomingHlc: string,
): Promise<Write> {
  const { table, recordId } = mutation;
  const writerOf = async (hlc: string) =>
    hlc === incomingHlc ? scope.userId : await userOfClient(scope.db, hlcNode(hlc));
  const caseId =
    table === 'cases' ? recordId : typeof record.caseId === 'string' ? record.caseId : null;
  const candidate = {
    // One conflict per mutation and field: its id derives from them, so a run replays exactly.
    id: newRecordId(scope.now.getTime(), (bytes) =>
      bytes.set(
        createHash('sha256')
          .update(`${scope.clientId}\n${mutation.id}\n${conflict.field}`)
          .digest()
          .subarray(0, bytes.length),
      ),
    ),
    table,
    recordId,
    caseId,
    field: conflict.field,
    losingValue: conflict.losingValue ?? null,
    losingHlc: conflict.losingHlc,
    losingUserId: await writerOf(conflict.losingHlc),
    keptValue: conflict.keptValue ?? null,
    keptHlc: conflict.keptHlc,
    keptUserId: await writerOf(conflict.keptHlc),
    createdAt: scope.now.toISOString(),
  };
  // The server's own clock, so any later resolution by a device that has pulled it wins.
  const hlc = formatHlc({ ms: scope.now.getTime(), counter: 0, node: 'server' });
  const { id, ...fields } = v.parse(tables[CONFLICTS].schema, candidate) as AnyRecord;
  const stamps = Object.fromEntries(
    Object.keys(fields).map((field) => [field, { hlc, version: scope.version }]),
  );
  scope.records.set(CONFLICTS, id, {
    fields,
    stamps,
    hlc,
    deleted: false,
    version: scope.version,
  });
  return { table: CONFLICTS, recordId: id, op: 'put', fields: Object.keys(fields) };
}

async function userOfClient(db: Queryable, clientId: string | null): Promise<string | null> {
  if (!clientId) return null;
  const [row] = await db.query<{ user_id: string }>(
    'SELECT user_id FROM clients WHERE client_id = $1',
    [clientId],
  );
  return row?.user_id ?? null;
}

export function currentOf(id: string, row: RecordRow | undefined): MutationResult['current'] {
  if (!row) return null;
  return { fields: row.deleted ? {} : { ...row.fields, id }, deleted: row.deleted };
}

function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorable(item));
}

/**
 * [C3] Clamping can give two edits of one phone the same clock (both pulled back to the same
 * limit), and the later one would count as a replay ([M2]) and vanish. A phone's mutations come in
 * its own order, so a clamped clock is moved past this phone's own stamps on the record.
 */
function laterThanOwn(
  clamped: string,
  original: string,
  stored: RecordRow | undefined,
  scope: PushScope,
): string {
  if (clamped === original || !stored) return clamped;
  let own = '';
  for (const stamp of Object.values(stored.stamps)) {
    if (hlcNode(stamp.hlc) === scope.clientId && stamp.hlc > own) own = stamp.hlc;
  }
  return own >= clamped ? tickHlc(own, 0, scope.clientId) : clamped;
}

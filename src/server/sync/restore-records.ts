// POST /api/sync/restore ([B2]): after the server went back to a backup, a phone sends again every
// record it holds (its own and its colleagues'), each field with the clock that wrote it ([B3]).
// The server keeps, per field, the newer of its own value and the phone's ([M1]); a copy never
// counts as an edit: it makes no conflict ([M4], [M7]), passes no transition rule and no
// reference check (the old server accepted it), and is refused only when the person was erased
// ([X3]) or the record no longer fits its schema. One batch is one transaction under the team
// lock ([V1]), and it moves the device's acknowledged outbox id up to what the old server had
// acknowledged, so the outbox goes on without a gap ([P4]).
import * as v from 'valibot';
import { restoreRequestSchema, type RestoreResponse } from '../../shared/sync/protocol';
import { tables } from '../../shared/domain/tables';
import type { AnyRecord, TableRules } from '../../shared/domain/table-rules';
import { clampHlc, parseHlc } from '../../shared/sync/hlc';
import { sameValue, type FieldStamp, type Fields } from '../../shared/sync/merge';
import { isStorableText } from '../../shared/domain/common';
import type { Store } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { HttpError } from '../http/api-error';
import { message } from '../../shared/i18n/message';
import { parseSyncRequest } from './parse-request';
import { bindPushingClient } from './client-binding';
import { PushBuffer } from './push-buffer';
import { newestHlc } from './record-rows';
import type { DataEpoch } from '../ops/data-epoch';

type Restored = v.InferOutput<typeof restoreRequestSchema>['records'][number];

export async function restoreRecords(
  store: Store,
  user: SessionUser,
  body: unknown,
  now: Date,
  current: DataEpoch,
  sessionEpoch?: number,
): Promise<RestoreResponse> {
  const request = parseSyncRequest(restoreRequestSchema, body);
  // Sent for another epoch (the server was restored again meanwhile): the phone starts over.
  if (request.epoch !== current.epoch) {
    throw new HttpError(409, 'epoch_changed', message('server.sync.epochChanged'), {
      epoch: current.epoch,
    });
  }
  const teamId = user.team.id;
  return store.transaction(async (db) => {
    // [S3] records are keyed (team, table, id): another team's record is never read or touched.
    await bindPushingClient(db, request.clientId, user, now, sessionEpoch);
    const [team] = await db.query<{ version: number | string }>(
      'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
      [teamId],
    );
    const version = Number(team!.version);
    const { records, purged } = await PushBuffer.load(
      db,
      teamId,
      request.records.map((record) => ({ table: record.table, recordId: record.id })),
      request.records.flatMap((record) =>
        typeof record.fields.caseId === 'string' ? [record.fields.caseId] : [],
      ),
    );
    // [C3] no copy is later than the server's time (and the drift a phone may have).
    const latest = now.getTime();
    let applied = 0;
    let refused = 0;
    const log: { tbl: string; record_id: string; op: string; fields: string[] }[] = [];
    for (const record of request.records) {
      const outcome = mergeRestored(record, records.get(record.table, record.id), {
        version,
        latest,
        erased: (id) => purged.has(id),
      });
      if (outcome === 'refused') refused += 1;
      else if (outcome) {
        records.set(record.table, record.id, outcome.row);
        log.push({
          tbl: record.table,
          record_id: record.id,
          op: outcome.row.deleted ? 'delete' : 'put',
          fields: outcome.changed,
        });
        applied += 1;
      }
    }
    await records.save(version);
    await db.query(
      `WITH progress AS (
         UPDATE clients SET last_mutation_id = GREATEST(last_mutation_id, $4), last_seen_at = $5
          WHERE client_id = $3
       )
       INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
       SELECT $1, w.tbl, w.record_id, w.op, w.fields, $2, $3, NULL, $6, $5
         FROM jsonb_to_recordset($7::jsonb) AS w(tbl text, record_id text, op text, fields jsonb)`,
      [
        teamId,
        user.id,
        request.clientId,
        request.acknowledged,
        now.toISOString(),
        version,
        JSON.stringify(log),
      ],
    );
    return { epoch: current.epoch, version, applied, refused };
  });
}

interface RowOutcome {
  row: {
    fields: Fields;
    stamps: Record<string, FieldStamp>;
    hlc: string;
    deleted: boolean;
    version: number;
  };
  changed: string[];
}

/** The stored row with the phone's copy merged in; null when nothing changes. */
function mergeRestored(
  record: Restored,
  stored: RowOutcome['row'] | undefined,
  scope: { version: number; latest: number; erased: (id: string) => boolean },
): RowOutcome | 'refused' | null {
  const caseId = record.fields.caseId;
  // [X3] an erased person stays erased, whoever still holds a copy.
  if (scope.erased(record.id) || (typeof caseId === 'string' && scope.erased(caseId))) {
    return record.deleted ? null : 'refused';
  }
  const clock = (text: string) => (parseHlc(text) ? clampHlc(text, scope.latest) : null);
  const hlc = clock(record.hlc);
  if (!hlc) return 'refused';
  if (record.deleted) {
    // [M5] a delete is final; the old server had accepted it.
    if (stored?.deleted) return null;
    return {
      row: { fields: {}, stamps: {}, hlc, deleted: true, version: scope.version },
      changed: [],
    };
  }
  if (stored?.deleted) return null;
  const fields: Fields = { ...stored?.fields };
  const stamps: Record<string, FieldStamp> = { ...stored?.stamps };
  const changed: string[] = [];
  let moved = false;
  for (const [field, value] of Object.entries(record.fields)) {
    if (field === 'id') continue;
    const at = clock(record.stamps?.[field] ?? record.hlc);
    if (!at || !isStorable(value)) return 'refused';
    const stamp = stamps[field];
    // [M1] the newer clock wins; an older or equal one is a copy of what the server has.
    if (stamp && at <= stamp.hlc) continue;
    if (!stamp || !sameValue(fields[field], value)) changed.push(field);
    fields[field] = value;
    stamps[field] = { hlc: at, version: scope.version };
    moved = true;
  }
  if (!moved) return null;
  const rules = tables[record.table] as unknown as TableRules<AnyRecord>;
  const parsed = v.safeParse(rules.schema, { ...fields, id: record.id });
  if (!parsed.success) return 'refused';
  const { id: _id, ...kept } = parsed.output;
  const keptStamps = Object.fromEntries(Object.entries(stamps).filter(([field]) => field in kept));
  return {
    row: {
      fields: kept,
      stamps: keptStamps,
      hlc: newestHlc(keptStamps, stored?.hlc ?? hlc),
      deleted: false,
      version: scope.version,
    },
    changed: changed.filter((field) => field in kept),
  };
}

function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorable(item));
}

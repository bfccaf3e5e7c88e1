// Retention (SPEC [X5]): a closed case is kept until `retainUntil` (closing date plus the team's
// period) and then erased by the same path as an erasure request ([X1]). The job runs at start and
// once a day; with several server instances on one PostgreSQL, a transaction-level advisory lock
// lets only one of them run it at a time (the others skip that round).
import * as v from 'valibot';
import { addYears, toLocalDate } from '../../shared/domain/common';
import { MAX_RETENTION_YEARS } from '../../shared/domain/team-settings';
import { formatHlc } from '../../shared/sync/hlc';
import type { FieldStamp, Fields } from '../../shared/sync/merge';
import type { Store } from '../store/store';
import { HttpError } from '../http/api-error';
import { eraseCase } from './erase-case';
import { journalErasures, type ErasureEntry } from '../ops/erasure-journal';
import { settingsFromRow, TEAM_SETTINGS_COLUMNS, type TeamSettingsRow } from './team-settings';
import { issueMessage, key, message } from '../../shared/i18n/message';

/** Any fixed number, distinct from the migration lock. */
export const RETENTION_LOCK = 7_302_120;
export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

export interface RetentionOutcome {
  /** False when another instance held the lock: nothing was done this round. */
  ran: boolean;
  cases: number;
  records: number;
}

/** The last day a closed case is kept: its `retainUntil`, or closing date + the team's period. */
export function retentionEnd(
  fields: { retainUntil?: unknown; closedOn?: unknown },
  retentionYears: number,
): string | null {
  if (typeof fields.retainUntil === 'string') return fields.retainUntil;
  if (typeof fields.closedOn === 'string') return addYears(fields.closedOn, retentionYears);
  return null;
}

/** Erases every closed case whose retention ended before `today` (`YYYY-MM-DD`). */
export async function runRetention(
  store: Store,
  { today = toLocalDate(new Date()), now = new Date() }: { today?: string; now?: Date } = {},
): Promise<RetentionOutcome> {
  const erased: ErasureEntry[] = [];
  const outcome = await store.transaction(async (db) => {
    erased.length = 0;
    // Keyed by schema too: deployments in separate schemas of one database are separate servers.
    const [lock] = await db.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), $1) AS locked',
      [RETENTION_LOCK],
    );
    if (!lock?.locked) return { ran: false, cases: 0, records: 0 };
    const closed = await db.query<
      TeamSettingsRow & { team_id: string; id: string; fields: Fields }
    >(
      `SELECT r.team_id, r.id, r.fields, ${TEAM_SETTINGS_COLUMNS}
         FROM records r LEFT JOIN team_settings ts ON ts.team_id = r.team_id
        WHERE r.tbl = 'cases' AND NOT r.deleted AND r.fields ->> 'status' = 'closed'
        ORDER BY r.team_id, r.id`,
    );
    const outcome: RetentionOutcome = { ran: true, cases: 0, records: 0 };
    for (const row of closed) {
      const end = retentionEnd(row.fields, settingsFromRow(row).retentionYears);
      if (!end || end >= today) continue;
      outcome.records += await eraseCase(db, {
        teamId: row.team_id,
        caseId: row.id,
        userId: null,
        source: 'retention',
        reason: `Aufbewahrungsfrist abgelaufen (aufbewahrt bis ${end})`,
        now,
      });
      outcome.cases += 1;
      erased.push({
        teamId: row.team_id,
        caseId: row.id,
        source: 'retention',
        at: now.toISOString(),
      });
    }
    return outcome;
  });
  // [B4] outside the database too, so a restore of an older backup erases them again.
  journalErasures(erased);
  return outcome;
}

/** Runs the job now and then once a day; returns a function that stops the timer. */
export function scheduleRetention(
  store: Store,
  report: (outcome: RetentionOutcome) => void,
  fail: (error: unknown) => void,
  intervalMs = RETENTION_INTERVAL_MS,
): () => void {
  const run = () => runRetention(store).then(report, fail);
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

const extensionSchema = v.object({
  until: v.pipe(
    v.string(key('server.privacy.dateMissing')),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, key('server.privacy.dateInvalid')),
    v.check(
      (text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)),
      key('server.privacy.dateInvalid'),
    ),
  ),
  reason: v.pipe(
    v.string(key('server.privacy.extensionReasonMissing')),
    v.trim(),
    v.minLength(1, key('server.privacy.extensionReasonMissing')),
    v.maxLength(500, key('server.privacy.reasonTooLong')),
  ),
});

/**
 * [X5] A THM keeps a closed case longer, with a reason: the case's `retainUntil` is written as a
 * server change (team version, stamp, change log) so every device pulls it, and the extension is
 * logged. Throws 400/404 HttpErrors (message keys, German text); nothing is stored then.
 */
export async function extendRetention(
  store: Store,
  p: { teamId: string; caseId: string; userId: string; body: unknown; now: Date; today: string },
): Promise<{ retainUntil: string }> {
  const parsed = v.safeParse(extensionSchema, p.body);
  if (!parsed.success) {
    const field = parsed.issues[0].path?.[0]?.key;
    throw new HttpError(400, 'invalid_request', issueMessage(parsed.issues[0]), {
      ...(typeof field === 'string' ? { field } : {}),
    });
  }
  const { until, reason } = parsed.output;
  return store.transaction(async (db) => {
    const [team] = await db.query<{ version: number | string }>(
      'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
      [p.teamId],
    );
    const version = Number(team!.version);
    const [row] = await db.query<{
      fields: Fields;
      stamps: Record<string, FieldStamp>;
      hlc: string;
    }>(
      `SELECT fields, stamps, hlc FROM records
        WHERE team_id = $1 AND tbl = 'cases' AND id = $2 AND NOT deleted FOR UPDATE`,
      [p.teamId, p.caseId],
    );
    if (!row) throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
    if (row.fields.status !== 'closed')
      throw new HttpError(400, 'not_closed', message('server.privacy.notClosed'));
    const [settings] = await db.query<TeamSettingsRow>(
      `SELECT ${TEAM_SETTINGS_COLUMNS} FROM team_settings ts WHERE ts.team_id = $1`,
      [p.teamId],
    );
    const previous = retentionEnd(row.fields, settingsFromRow(settings).retentionYears);
    if (previous && until <= previous)
      throw new HttpError(400, 'not_later', message('server.privacy.notLater'), {
        field: 'until',
      });
    if (until > addYears(p.today, MAX_RETENTION_YEARS))
      throw new HttpError(
        400,
        'too_late',
        message('server.privacy.tooLate', { years: MAX_RETENTION_YEARS }),
        { field: 'until' },
      );
    const hlc = formatHlc({ ms: p.now.getTime(), counter: 0, node: 'server' });
    const stamps = { ...row.stamps, retainUntil: { hlc, version } };
    await db.query(
      `UPDATE records SET fields = fields || jsonb_build_object('retainUntil', $3::text),
              stamps = $4::jsonb, hlc = GREATEST(hlc, $5), version = $6
        WHERE team_id = $1 AND tbl = 'cases' AND id = $2`,
      [p.teamId, p.caseId, until, JSON.stringify(stamps), hlc, version],
    );
    await db.query(
      `INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
       VALUES ($1, 'cases', $2, 'put', '["retainUntil"]'::jsonb, $3, NULL, NULL, $4, $5)`,
      [p.teamId, p.caseId, p.userId, version, p.now.toISOString()],
    );
    await db.query(
      `INSERT INTO retention_extensions (team_id, case_id, previous_until, until, reason, user_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.teamId, p.caseId, previous, until, reason, p.userId, p.now.toISOString()],
    );
    return { retainUntil: until };
  });
}

export const CASE_NOT_FOUND = message('server.privacy.caseNotFound');

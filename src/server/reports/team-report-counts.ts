// The raw counts of a team report, computed in SQL over the synced records (jsonb `fields`).
// Nothing here leaves the server unsuppressed: summary.ts turns these into published figures.
//
// Definitions (docs/decisions.md "Reports"):
// - a person is reached in the period when their case existed by its end and was not closed
//   before its start; stage: closed (closedOn in the period) > new (createdOn in the period) >
//   ongoing. Age at the end of the period; residence status = the latest one issued by then.
// - contacts count by `at`, appointments by `startsAt`, both on the German calendar day.
// - outgoing referrals count when sent in the period (their status now is the outcome); incoming
//   ones when received in the period.
// - needs: those of reached cases not resolved before the period; unmet = not met by its end.
import type { Queryable } from '../store/store';
import { monthsOf, type ReportPeriod } from '../../shared/reports/report';
import { addDays } from '../../shared/domain/common';

/** Every count comes with `k`, the sum of its records' report keys (the cell-key method). */
export interface ReportCounts {
  persons: {
    stage: string;
    gender: string;
    age: number | null;
    residence: string;
    n: number;
    k: number;
    /** YYYY-MM the case was made (stage new) or closed (stage closed); the spread rule. */
    month?: string | null;
    /** How the person was reached, German level, schooling ('not_recorded' when empty). */
    reachedVia?: string;
    german?: string;
    schooling?: string;
    /** Country of origin as written ('' when empty). */
    country?: string;
  }[];
  contacts: { channel: string; month: string; n: number; k: number }[];
  appointments: { mode: string; status: string; n: number; k: number }[];
  conferences: { n: number; k: number };
  /** `month`: YYYY-MM of sentOn (of closedOn for closing), for the spread rule in summary.ts. */
  referralsOut: {
    partnerKind: string;
    offer: string;
    status: string;
    n: number;
    k: number;
    month?: string;
  }[];
  referralsIn: { status: string; n: number; k: number }[];
  closing: { reason: string; n: number; k: number; month?: string }[];
  /** `residence`: the case's status group; `referred`: a referral names the need by the end. */
  needs: {
    category: string;
    met: boolean;
    residence?: string;
    referred?: boolean;
    n: number;
    k: number;
  }[];
  gaps: { category: string; description: string; date: string; k: number }[];
}

const TZ = 'Europe/Berlin';

/**
 * The cases a report may count: every live case of the team, or, when the team requires it, only
 * those with a reporting consent given by the period's end and not withdrawn before it.
 * $1 team, $2 from, $3 to.
 */
function countedCases(consentRequired: boolean): string {
  const consent = consentRequired
    ? `AND EXISTS (
         SELECT 1 FROM records k
          WHERE k.team_id = $1 AND k.tbl = 'consents' AND NOT k.deleted
            AND k.fields ->> 'caseId' = c.id AND k.fields ->> 'purpose' = 'reporting'
            AND k.fields ->> 'givenOn' <= $3
            AND (k.fields ->> 'withdrawnOn' IS NULL OR k.fields ->> 'withdrawnOn' > $3)
            AND (k.fields ->> 'validUntil' IS NULL OR k.fields ->> 'validUntil' >= $2))`
    : '';
  return `counted AS (
    SELECT c.id, c.fields AS f, c.report_key,
           COALESCE(c.fields ->> 'createdOn',
             -- Cases written before createdOn existed: the creation time inside the UUIDv7 id.
             CASE WHEN substr(c.id, 15, 1) = '7' THEN to_char(
               to_timestamp(('x' || substr(replace(c.id, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
                 AT TIME ZONE '${TZ}', 'YYYY-MM-DD') END,
             '0001-01-01') AS created_on
      FROM records c
     WHERE c.team_id = $1 AND c.tbl = 'cases' AND NOT c.deleted ${consent})`;
}

/** Cases reached in the period, with their stage. */
const reached = `reached AS (
    SELECT id, f, report_key, created_on,
           CASE WHEN f ->> 'status' = 'closed' AND f ->> 'closedOn' BETWEEN $2 AND $3 THEN 'closed'
                WHEN created_on >= $2 THEN 'new'
                ELSE 'ongoing' END AS stage
      FROM counted
     WHERE created_on <= $3
       AND NOT (f ->> 'status' = 'closed' AND f ->> 'closedOn' < $2))`;

/** German calendar day of an ISO instant in `column`. */
const berlinDay = (column: string) => `((${column})::timestamptz AT TIME ZONE '${TZ}')::date`;

const berlinHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The UTC instant (canonical ISO text) at which `day` begins in Germany. */
export function germanMidnightUtc(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // Germany is UTC+1 or UTC+2: the guess whose German wall clock reads 00 is the one.
  for (const offsetHours of [1, 2]) {
    const guess = utcMidnight - offsetHours * 3_600_000;
    if (berlinHour.format(guess) === '00') return new Date(guess).toISOString();
  }
  throw new Error(`no German midnight for ${day}`);
}

/**
 * Period filter and German month of an instant column. Instants the app writes are canonical UTC
 * text ("...Z"): those compare as text against the German month boundaries (no per-row time zone
 * arithmetic, which dominated the one-year report); other ISO forms fall back to timestamptz.
 * The boundaries are made here from a validated period, so inlining them is safe.
 */
function instantInPeriod(column: string, { from, to }: ReportPeriod) {
  const months = monthsOf({ from, to });
  const starts = months.map((month, i) => (i === 0 ? from : `${month}-01`));
  const bounds = [...starts.map(germanMidnightUtc), germanMidnightUtc(addDays(to, 1))];
  const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const isUtc = `${column} LIKE '%Z'`;
  const whens = months
    .map((month, i) => `WHEN ${column} < ${lit(bounds[i + 1]!)} THEN ${lit(month)}`)
    .join(' ');
  return {
    // One day wider on both sides as text (uses the (team_id, instant) indexes), then exact.
    filter: `${column} >= ${lit(addDays(from, -1))} AND ${column} < ${lit(addDays(to, 2))}
      AND CASE WHEN ${isUtc} THEN ${column} >= ${lit(bounds[0]!)} AND ${column} < ${lit(bounds.at(-1)!)}
               ELSE ${berlinDay(column)} BETWEEN ${lit(from)}::date AND ${lit(to)}::date END`,
    month: `CASE WHEN ${isUtc} THEN CASE ${whens} END
                 ELSE to_char(${berlinDay(column)}, 'YYYY-MM') END`,
  };
}

/**
 * Child records count only for cases the report counts. Without the consent rule that is every
 * case not deleted: an anti-join on the few deleted cases (partial index) instead of a join with
 * all of them.
 */
function ofCountedCase(column: string, consentRequired: boolean): string {
  return consentRequired
    ? `${column} IN (SELECT id FROM counted)`
    : `NOT EXISTS (SELECT 1 FROM records d
                    WHERE d.team_id = $1 AND d.tbl = 'cases' AND d.deleted AND d.id = ${column})`;
}

export async function teamReportCounts(
  db: Queryable,
  teamId: string,
  { from, to }: ReportPeriod,
  consentRequired: boolean,
): Promise<ReportCounts> {
  const params = [teamId, from, to];
  const base = `WITH ${countedCases(consentRequired)}, ${reached}`;
  // Queries over child records name the counted cases only under the consent rule ($2, $3 are
  // then needed too; an unused parameter would have no type).
  const scoped = consentRequired
    ? { prefix: `WITH ${countedCases(true)}`, params }
    : { prefix: '', params: [teamId] };
  const contactAt = instantInPeriod("x.fields ->> 'at'", { from, to });
  const startsAt = instantInPeriod("a.fields ->> 'startsAt'", { from, to });

  const [persons, contacts, appointments, conferences, referralsOut, referralsIn, closing] =
    await Promise.all([
      db.query<{
        stage: string;
        gender: string;
        age: number | null;
        residence: string;
        month: string | null;
        reached_via: string;
        german: string;
        schooling: string;
        country: string;
        n: number;
        k: string;
      }>(
        `${base},
         latest_status AS (
           SELECT DISTINCT ON (s.fields ->> 'caseId') s.fields ->> 'caseId' AS case_id,
                  s.fields ->> 'kind' AS kind
             FROM records s JOIN reached r ON r.id = s.fields ->> 'caseId'
            WHERE s.team_id = $1 AND s.tbl = 'statuses' AND NOT s.deleted
              AND (s.fields ->> 'issuedOn' IS NULL OR s.fields ->> 'issuedOn' <= $3)
            ORDER BY s.fields ->> 'caseId', s.fields ->> 'issuedOn' DESC NULLS LAST, s.id DESC)
         SELECT r.stage,
                COALESCE(r.f ->> 'gender', 'not_stated') AS gender,
                CASE WHEN r.f ->> 'birthDate' IS NULL THEN NULL
                     ELSE date_part('year', age($3::date, (r.f ->> 'birthDate')::date))::int END AS age,
                CASE WHEN ls.kind IS NULL THEN 'none'
                     WHEN ls.kind LIKE 'duldung%' THEN 'duldung'
                     ELSE ls.kind END AS residence,
                CASE r.stage WHEN 'new' THEN substr(r.created_on, 1, 7)
                             WHEN 'closed' THEN substr(r.f ->> 'closedOn', 1, 7) END AS month,
                COALESCE(r.f ->> 'reachedVia', 'not_recorded') AS reached_via,
                COALESCE(r.f ->> 'germanLevel', 'not_recorded') AS german,
                COALESCE(r.f ->> 'schooling', 'not_recorded') AS schooling,
                COALESCE(trim(r.f ->> 'countryOfOrigin'), '') AS country,
                count(*)::int AS n, sum(r.report_key)::bigint AS k
           FROM reached r LEFT JOIN latest_status ls ON ls.case_id = r.id
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
        params,
      ),
      db.query<{ channel: string; month: string; n: number; k: string }>(
        `${scoped.prefix}
         SELECT x.fields ->> 'channel' AS channel, ${contactAt.month} AS month, count(*)::int AS n,
                sum(x.report_key)::bigint AS k
           FROM records x
          WHERE x.team_id = $1 AND x.tbl = 'contacts' AND NOT x.deleted
            AND ${contactAt.filter}
            AND ${ofCountedCase("x.fields ->> 'caseId'", consentRequired)}
          GROUP BY 1, 2`,
        scoped.params,
      ),
      db.query<{ mode: string; status: string; n: number; k: string }>(
        `${scoped.prefix}
         SELECT a.fields ->> 'mode' AS mode, a.fields ->> 'status' AS status, count(*)::int AS n,
                sum(a.report_key)::bigint AS k
           FROM records a
          WHERE a.team_id = $1 AND a.tbl = 'appointments' AND NOT a.deleted
            AND a.fields ->> 'status' IN ('attended', 'no_show')
            AND ${startsAt.filter}
            -- Group events have no case (and no person to ask for consent).
            AND (a.fields ->> 'caseId' IS NULL
                 OR ${ofCountedCase("a.fields ->> 'caseId'", consentRequired)})
          GROUP BY 1, 2`,
        scoped.params,
      ),
      db.query<{ n: number; k: string | null }>(
        `${scoped.prefix}
         SELECT count(*)::int AS n, sum(a.report_key)::bigint AS k
           FROM records a
          WHERE a.team_id = $1 AND a.tbl = 'appointments' AND NOT a.deleted
            AND a.fields ->> 'purpose' = 'case_conference' AND a.fields ->> 'status' = 'attended'
            AND ${startsAt.filter}
            AND (a.fields ->> 'caseId' IS NULL
                 OR ${ofCountedCase("a.fields ->> 'caseId'", consentRequired)})`,
        scoped.params,
      ),
      // Counted by partner and offer first, then labelled: 40 partners, not 5,000 look-ups.
      db.query<{
        partner_kind: string;
        offer: string;
        status: string;
        month: string;
        n: number;
        k: string;
      }>(
        `${consentRequired ? `${scoped.prefix},` : 'WITH'} sent AS (
           SELECT x.fields ->> 'partnerId' AS partner_id, x.fields ->> 'offerId' AS offer_id,
                  x.fields ->> 'status' AS status, substr(x.fields ->> 'sentOn', 1, 7) AS month,
                  count(*)::int AS n, sum(x.report_key)::bigint AS k
             FROM records x
            WHERE x.team_id = $1 AND x.tbl = 'referrals' AND NOT x.deleted
              AND x.fields ->> 'direction' = 'out'
              AND x.fields ->> 'sentOn' BETWEEN $2 AND $3
              AND ${ofCountedCase("x.fields ->> 'caseId'", consentRequired)}
            GROUP BY 1, 2, 3, 4)
         SELECT COALESCE(p.fields ->> 'kind', 'other') AS partner_kind,
                COALESCE(o.fields ->> 'title', '') AS offer, sent.status, sent.month,
                sum(sent.n)::int AS n, sum(sent.k)::bigint AS k
           FROM sent
           LEFT JOIN records p ON p.team_id = $1 AND p.tbl = 'partners'
                              AND p.id = sent.partner_id AND NOT p.deleted
           LEFT JOIN records o ON o.team_id = $1 AND o.tbl = 'offers'
                              AND o.id = sent.offer_id AND NOT o.deleted
          GROUP BY 1, 2, 3, 4`,
        params,
      ),
      db.query<{ status: string; n: number; k: string }>(
        `${scoped.prefix}
         SELECT x.fields ->> 'status' AS status, count(*)::int AS n, sum(x.report_key)::bigint AS k
           FROM records x
          WHERE x.team_id = $1 AND x.tbl = 'referrals' AND NOT x.deleted
            AND x.fields ->> 'direction' = 'in'
            AND x.fields ->> 'receivedOn' BETWEEN $2 AND $3
            AND ${ofCountedCase("x.fields ->> 'caseId'", consentRequired)}
          GROUP BY 1`,
        params,
      ),
      db.query<{ reason: string; month: string; n: number; k: string }>(
        `${base}
         SELECT COALESCE(f ->> 'closingReason', 'other') AS reason,
                substr(f ->> 'closedOn', 1, 7) AS month, count(*)::int AS n,
                sum(report_key)::bigint AS k
           FROM reached WHERE stage = 'closed' GROUP BY 1, 2`,
        params,
      ),
    ]);

  const [needs, gaps] = await Promise.all([
    db.query<{
      category: string;
      met: boolean;
      residence: string;
      referred: boolean;
      n: number;
      k: string;
    }>(
      `${base},
       latest_status AS (
         SELECT DISTINCT ON (s.fields ->> 'caseId') s.fields ->> 'caseId' AS case_id,
                s.fields ->> 'kind' AS kind
           FROM records s JOIN reached r ON r.id = s.fields ->> 'caseId'
          WHERE s.team_id = $1 AND s.tbl = 'statuses' AND NOT s.deleted
            AND (s.fields ->> 'issuedOn' IS NULL OR s.fields ->> 'issuedOn' <= $3)
          ORDER BY s.fields ->> 'caseId', s.fields ->> 'issuedOn' DESC NULLS LAST, s.id DESC),
       -- Needs a referral names by the period's end (one pass over the referrals, hashed).
       referred AS (
         SELECT DISTINCT x.fields ->> 'needId' AS need_id
           FROM records x
          WHERE x.team_id = $1 AND x.tbl = 'referrals' AND NOT x.deleted
            AND x.fields ->> 'needId' IS NOT NULL
            AND (x.fields ->> 'sentOn' IS NULL OR x.fields ->> 'sentOn' <= $3))
       SELECT n.fields ->> 'category' AS category,
              (n.fields ->> 'status' = 'met' AND n.fields ->> 'resolvedOn' <= $3) AS met,
              CASE WHEN ls.kind IS NULL THEN 'none'
                   WHEN ls.kind LIKE 'duldung%' THEN 'duldung'
                   ELSE ls.kind END AS residence,
              n.id IN (SELECT need_id FROM referred) AS referred,
              count(*)::int AS n, sum(n.report_key)::bigint AS k
         FROM records n JOIN reached r ON r.id = n.fields ->> 'caseId'
         LEFT JOIN latest_status ls ON ls.case_id = r.id
        WHERE n.team_id = $1 AND n.tbl = 'needs' AND NOT n.deleted
          AND (n.fields ->> 'resolvedOn' IS NULL OR n.fields ->> 'resolvedOn' >= $2)
        GROUP BY 1, 2, 3, 4`,
      params,
    ),
    db.query<{ category: string; description: string; date: string; k: number }>(
      `SELECT fields ->> 'category' AS category,
              coalesce(fields ->> 'description', '') AS description,
              fields ->> 'date' AS date, report_key AS k
         FROM records
        WHERE team_id = $1 AND tbl = 'gaps' AND NOT deleted
          AND fields ->> 'date' BETWEEN $2 AND $3
        ORDER BY 1, 2`,
      [teamId, from, to],
    ),
  ]);

  return {
    persons: persons.map(({ reached_via, ...row }) => ({
      ...row,
      reachedVia: reached_via,
      age: row.age === null ? null : Number(row.age),
      n: Number(row.n),
      k: Number(row.k),
    })),
    contacts: contacts.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    appointments: appointments.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    conferences: { n: Number(conferences[0]?.n ?? 0), k: Number(conferences[0]?.k ?? 0) },
    referralsOut: referralsOut.map((row) => ({
      partnerKind: row.partner_kind,
      offer: row.offer,
      status: row.status,
      month: row.month,
      n: Number(row.n),
      k: Number(row.k),
    })),
    referralsIn: referralsIn.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    closing: closing.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    needs: needs.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    gaps: gaps.map((row) => ({ ...row, k: Number(row.k) })),
  };
}

/** Raw counts of the caseload per THM (coordinators only): reached cases and contacts. */
export interface CaseloadCounts {
  /** The team's THMs (staff, not the people counted), by name. */
  thms: { id: string; name: string }[];
  /** Reached cases by the THM they are assigned to ('' when none) and stage. */
  cases: { thm: string; stage: string; month: string | null; n: number; k: number }[];
  /** Contacts of the period by the THM who wrote them ('' when unknown). */
  contacts: { thm: string; month: string; n: number; k: number }[];
}

export async function teamCaseloadCounts(
  db: Queryable,
  teamId: string,
  { from, to }: ReportPeriod,
  consentRequired: boolean,
): Promise<CaseloadCounts> {
  const params = [teamId, from, to];
  const contactAt = instantInPeriod("x.fields ->> 'at'", { from, to });
  const [thms, cases, contacts] = await Promise.all([
    db.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE team_id = $1 AND role = 'thm' AND disabled_at IS NULL
        ORDER BY name`,
      [teamId],
    ),
    db.query<{ thm: string; stage: string; month: string | null; n: number; k: string }>(
      `WITH ${countedCases(consentRequired)}, ${reached}
       SELECT COALESCE(f ->> 'assignedTo', '') AS thm, stage,
              CASE stage WHEN 'new' THEN substr(created_on, 1, 7)
                         WHEN 'closed' THEN substr(f ->> 'closedOn', 1, 7) END AS month,
              count(*)::int AS n, sum(report_key)::bigint AS k
         FROM reached GROUP BY 1, 2, 3`,
      params,
    ),
    db.query<{ thm: string; month: string; n: number; k: string }>(
      `WITH ${countedCases(consentRequired)}
       SELECT COALESCE(x.fields ->> 'authorId', '') AS thm, ${contactAt.month} AS month,
              count(*)::int AS n, sum(x.report_key)::bigint AS k
         FROM records x
        WHERE x.team_id = $1 AND x.tbl = 'contacts' AND NOT x.deleted
          AND ${contactAt.filter}
          AND x.fields ->> 'caseId' IN (SELECT id FROM counted)
        GROUP BY 1, 2`,
      // Without the consent rule the counted cases name no date ($2, $3 would have no type).
      consentRequired ? params : [teamId],
    ),
  ]);
  return {
    thms,
    cases: cases.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
    contacts: contacts.map((row) => ({ ...row, n: Number(row.n), k: Number(row.k) })),
  };
}

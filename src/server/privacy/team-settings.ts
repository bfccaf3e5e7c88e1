// Team settings (issue 12, owned here; the console's admin UI calls these functions). A team
// without a row has DEFAULT_TEAM_SETTINGS; the first change writes the row.
import * as v from 'valibot';
import {
  DEFAULT_TEAM_SETTINGS,
  teamSettingsChangeSchema,
  type TeamSettings,
} from '../../shared/domain/team-settings';
import type { Queryable } from '../store/store';
import { HttpError } from '../http/api-error';
import { issueMessage } from '../../shared/i18n/message';

export interface TeamSettingsRow {
  retention_years: number | null;
  legal_basis: TeamSettings['legalBasis'] | null;
  reports_need_consent: boolean | null;
  controller: string | null;
  data_protection_officer: string | null;
}

/** The SQL to read a team's settings as the columns of TeamSettingsRow (LEFT JOIN: defaults). */
export const TEAM_SETTINGS_COLUMNS =
  'ts.retention_years, ts.legal_basis, ts.reports_need_consent, ts.controller, ts.data_protection_officer';

export function settingsFromRow(row: Partial<TeamSettingsRow> | undefined): TeamSettings {
  return {
    retentionYears: row?.retention_years ?? DEFAULT_TEAM_SETTINGS.retentionYears,
    legalBasis: row?.legal_basis ?? DEFAULT_TEAM_SETTINGS.legalBasis,
    reportsNeedConsent: row?.reports_need_consent ?? DEFAULT_TEAM_SETTINGS.reportsNeedConsent,
    controller: row?.controller ?? null,
    dataProtectionOfficer: row?.data_protection_officer ?? null,
  };
}

export async function getTeamSettings(db: Queryable, teamId: string): Promise<TeamSettings> {
  const [row] = await db.query<TeamSettingsRow>(
    `SELECT ${TEAM_SETTINGS_COLUMNS} FROM team_settings ts WHERE ts.team_id = $1`,
    [teamId],
  );
  return settingsFromRow(row);
}

/**
 * Validates `change` (only the given settings change) and stores the result. Throws a 400
 * HttpError with a German message for bad input; nothing is stored then.
 */
export async function updateTeamSettings(
  db: Queryable,
  teamId: string,
  change: unknown,
  now = new Date(),
): Promise<TeamSettings> {
  const parsed = v.safeParse(teamSettingsChangeSchema, change);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = issue.path?.[0]?.key;
    throw new HttpError(400, 'invalid_settings', issueMessage(issue), {
      ...(typeof field === 'string' ? { field } : {}),
    });
  }
  const next = { ...(await getTeamSettings(db, teamId)), ...parsed.output };
  await db.query(
    `INSERT INTO team_settings (team_id, retention_years, legal_basis, reports_need_consent,
       controller, data_protection_officer, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (team_id) DO UPDATE SET retention_years = excluded.retention_years,
       legal_basis = excluded.legal_basis, reports_need_consent = excluded.reports_need_consent,
       controller = excluded.controller, data_protection_officer = excluded.data_protection_officer,
       updated_at = excluded.updated_at`,
    [
      teamId,
      next.retentionYears,
      next.legalBasis,
      next.reportsNeedConsent,
      next.controller,
      next.dataProtectionOfficer,
      now.toISOString(),
    ],
  );
  return next;
}

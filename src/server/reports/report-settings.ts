// Whether a report counts only cases with a reporting consent: the team setting "reports need
// consent" (issue 12, src/server/privacy/team-settings.ts; default false), fixed per report year
// by the year's first report (report_years, migration 095). Reports of one year therefore always
// count under one rule: a coordinator who switches the setting cannot subtract the report under
// one rule from the report under the other (that difference is the people without a consent).
import type { Queryable } from '../store/store';
import { getTeamSettings } from '../privacy/team-settings';

export interface ReportRule {
  consentRequired: boolean;
  /** When the rule of the year was fixed (ISO instant). */
  fixedAt: string;
}

export async function reportRuleOfYear(
  db: Queryable,
  teamId: string,
  year: number,
  now: Date,
): Promise<ReportRule> {
  const read = async () =>
    (
      await db.query<{ consent_required: boolean; fixed_at: Date | string }>(
        'SELECT consent_required, fixed_at FROM report_years WHERE team_id = $1 AND year = $2',
        [teamId, year],
      )
    )[0];
  let row = await read();
  if (!row) {
    const { reportsNeedConsent } = await getTeamSettings(db, teamId);
    await db.query(
      `INSERT INTO report_years (team_id, year, consent_required, fixed_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [teamId, year, reportsNeedConsent, now.toISOString()],
    );
    row = await read();
  }
  return {
    consentRequired: row!.consent_required,
    fixedAt: new Date(row!.fixed_at).toISOString(),
  };
}

// Team settings that decide how the team handles personal data (issue 12). They are set by an
// admin (CLI, console), stored on the server (`team_settings`) and sent to the phone with the
// session (`user.team.settings`), so a phone offline still knows them. Not a synced record: a THM
// does not change the legal basis from a phone.
import * as v from 'valibot';
import { LONG, text } from './common';
import { key } from '../i18n/message';

/** Art. 6(1)(a) DSGVO consent, or Art. 6(1)(e) a task in the public interest (§ 3 DSG NRW). */
export const legalBases = ['consent', 'public_task'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 10;

export interface TeamSettings {
  /** How long a closed case is kept (and can be reopened) before it is erased. */
  retentionYears: number;
  /** Without `consent`, a case needs no store_data consent to be kept. */
  legalBasis: LegalBasis;
  /** When true, reports leave out cases without a valid `reporting` consent. */
  reportsNeedConsent: boolean;
  /** The controller (Art. 4 No. 7): name and address of the municipality or agency, for Art. 13. */
  controller: string | null;
  /** Contact of the data protection officer, for Art. 13. */
  dataProtectionOfficer: string | null;
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  retentionYears: 3,
  legalBasis: 'consent',
  reportsNeedConsent: false,
  controller: null,
  dataProtectionOfficer: null,
};

const blankToNull = v.transform((value: string) => (value === '' ? null : value));

/** A change of some settings (admin CLI, console); message keys for the form. */
export const teamSettingsChangeSchema = v.strictObject(
  {
    retentionYears: v.optional(
      v.pipe(
        v.number(key('rules.teamSettings.years')),
        v.integer(key('rules.teamSettings.wholeYears')),
        v.minValue(MIN_RETENTION_YEARS, key('rules.teamSettings.retentionMin')),
        v.maxValue(MAX_RETENTION_YEARS, key('rules.teamSettings.retentionMax')),
      ),
    ),
    legalBasis: v.optional(v.picklist(legalBases, key('rules.teamSettings.legalBasis'))),
    reportsNeedConsent: v.optional(v.boolean(key('rules.validation.flag'))),
    controller: v.optional(v.nullable(v.pipe(text(LONG), blankToNull))),
    dataProtectionOfficer: v.optional(v.nullable(v.pipe(text(LONG), blankToNull))),
  },
  key('rules.settings.unknownKey'),
);
export type TeamSettingsChange = v.InferInput<typeof teamSettingsChangeSchema>;

/** The settings a phone got with its session, or the defaults (an app from before issue 12). */
export function teamSettingsOf(
  team: { settings?: Partial<TeamSettings> | null } | null | undefined,
): TeamSettings {
  return { ...DEFAULT_TEAM_SETTINGS, ...(team?.settings ?? {}) };
}

/** Whether a case needs a store_data consent to be kept under the team's legal basis. */
export function needsStoreConsent(settings: Pick<TeamSettings, 'legalBasis'>): boolean {
  return settings.legalBasis === 'consent';
}

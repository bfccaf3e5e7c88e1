// A partner of the local alliance (authority, school, club, ...). Partners are team data, not case
// data: a partner record never says which young people were referred to it.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDate, LONG, optional, recordId, requiredText, SHORT, text } from './common';

export const partnerKinds = [
  'abh',
  'jobcenter',
  'employment_agency',
  'vocational_college',
  'vhs',
  'jmd',
  'mbe',
  'social_services',
  'youth_office',
  'refugee_org',
  'club',
  'training_provider',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** Cooperation agreement with the THM: none yet, being prepared, or signed. */
export const agreementStates = ['none', 'planned', 'in_place'] as const;
export type AgreementState = (typeof agreementStates)[number];

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const partnerSchema = v.object({
  id: recordId,
  name: requiredText(SHORT, 'Bitte den Namen des Partners eingeben'),
  kind: choice(partnerKinds, 'Bitte eine Art aus der Liste wählen'),
  contactPerson: optional(text(SHORT)),
  phone: optional(
    v.pipe(
      text(40),
      v.regex(/^[+0-9 ()/-]*$/, 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden'),
    ),
  ),
  email: optional(
    v.pipe(
      text(SHORT),
      v.check(
        (s) => s === '' || EMAIL_PATTERN.test(s),
        'Bitte eine gültige E-Mail-Adresse eingeben',
      ),
    ),
  ),
  address: optional(text(LONG)),
  agreement: choice(agreementStates, 'Bitte den Stand der Kooperationsvereinbarung wählen'),
  /** Signed on (in place) or planned for (planned). */
  agreementOn: optional(isoDate('Bitte ein gültiges Datum der Vereinbarung eingeben')),
  notes: optional(text(LONG)),
});
export type Partner = v.InferOutput<typeof partnerSchema>;

export function checkPartnerChange(_prev: Partner | undefined, next: Partner): string | null {
  if (next.agreement === 'in_place' && !next.agreementOn) {
    return 'Bitte das Datum der Kooperationsvereinbarung eingeben.';
  }
  if (next.agreement === 'none' && next.agreementOn) {
    return 'Ohne Kooperationsvereinbarung gibt es kein Datum der Vereinbarung.';
  }
  return null;
}

export const partnerTable = defineTable<Partner>({
  schema: partnerSchema,
  checkChange: (prev, next) => checkPartnerChange(prev, next),
});

/** Alphabetical by name, the order of the directory. */
export function comparePartners(a: Pick<Partner, 'name'>, b: Pick<Partner, 'name'>): number {
  return a.name.localeCompare(b.name, 'de');
}

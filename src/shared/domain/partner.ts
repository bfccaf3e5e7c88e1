// A partner of the local alliance (authority, school, club, ...). Partners are team data, not case
// data: a partner record never says which young people were referred to it.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDate, LONG, optional, recordId, requiredText, SHORT, text } from './common';
import { key, message, type Message } from '../i18n/message';

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
  name: requiredText(SHORT, 'rules.partners.name'),
  kind: choice(partnerKinds, 'rules.validation.kindFromList'),
  contactPerson: optional(text(SHORT)),
  phone: optional(v.pipe(text(40), v.regex(/^[+0-9 ()/-]*$/, key('rules.validation.phone')))),
  email: optional(
    v.pipe(
      text(SHORT),
      v.check((s) => s === '' || EMAIL_PATTERN.test(s), key('rules.validation.email')),
    ),
  ),
  address: optional(text(LONG)),
  agreement: choice(agreementStates, 'rules.partners.agreement'),
  /** Signed on (in place) or planned for (planned). */
  agreementOn: optional(isoDate('rules.partners.agreementOn')),
  notes: optional(text(LONG)),
});
export type Partner = v.InferOutput<typeof partnerSchema>;

export function checkPartnerChange(_prev: Partner | undefined, next: Partner): Message | null {
  if (next.agreement === 'in_place' && !next.agreementOn) {
    return message('rules.partners.agreementOnMissing');
  }
  if (next.agreement === 'none' && next.agreementOn) {
    return message('rules.partners.agreementOnWithoutAgreement');
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

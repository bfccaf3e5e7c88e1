// The starter list a team can load into an empty (or young) network: typical partner kinds of a
// THM alliance with example offers. This is DATA: titles, programme names and target statuses are
// examples the team edits freely afterwards; no code depends on any of them.
import type { PartnerKind } from './partner';
import type { OfferCategory } from './offer';
import { residenceKinds, type ResidenceKind } from './residence-status';
import { normalizeForSearch } from './search-terms';

export interface StarterOffer {
  title: string;
  category: OfferCategory;
  targetStatuses: readonly ResidenceKind[];
  language?: string;
  childcare?: boolean;
  travelCosts?: boolean;
  description?: string;
}

export interface StarterPartner {
  name: string;
  kind: PartnerKind;
  offers: readonly StarterOffer[];
}

const allStatuses = residenceKinds;
const tolerated: readonly ResidenceKind[] = [
  'gestattung',
  'duldung',
  'duldung_ermessen',
  'duldung_ausbildung',
  'duldung_beschaeftigung',
  'duldung_60b',
];

export const starterNetwork: readonly StarterPartner[] = [
  { name: 'Ausländerbehörde', kind: 'abh', offers: [] },
  {
    name: 'Jobcenter',
    kind: 'jobcenter',
    offers: [
      {
        title: 'Beratung zu Arbeit und Ausbildung',
        category: 'counselling',
        targetStatuses: ['aufenthaltserlaubnis', 'niederlassung', 'fiktion'],
      },
    ],
  },
  {
    name: 'Agentur für Arbeit',
    kind: 'employment_agency',
    offers: [
      { title: 'Berufsberatung', category: 'counselling', targetStatuses: allStatuses },
      { title: 'Einstiegsqualifizierung (EQ)', category: 'training', targetStatuses: allStatuses },
    ],
  },
  {
    name: 'Berufskolleg',
    kind: 'vocational_college',
    offers: [
      {
        title: 'Internationale Förderklasse',
        category: 'school_course',
        targetStatuses: allStatuses,
      },
      { title: 'Ausbildungsvorbereitung', category: 'school_course', targetStatuses: allStatuses },
    ],
  },
  {
    name: 'Volkshochschule (VHS)',
    kind: 'vhs',
    offers: [
      {
        title: 'Integrationskurs',
        category: 'language_course',
        targetStatuses: ['aufenthaltserlaubnis', 'niederlassung', 'gestattung', 'duldung_ermessen'],
        childcare: true,
      },
      { title: 'Alphabetisierungskurs', category: 'language_course', targetStatuses: allStatuses },
      {
        title: 'Kurs zum Ersten Schulabschluss',
        category: 'school_course',
        targetStatuses: allStatuses,
      },
    ],
  },
  {
    name: 'Jugendmigrationsdienst (JMD)',
    kind: 'jmd',
    offers: [
      { title: 'Beratung und Begleitung', category: 'counselling', targetStatuses: allStatuses },
    ],
  },
  { name: 'Migrationsberatung für Erwachsene (MBE)', kind: 'mbe', offers: [] },
  { name: 'Sozialamt', kind: 'social_services', offers: [] },
  { name: 'Jugendamt', kind: 'youth_office', offers: [] },
  {
    name: 'Flüchtlingsberatung',
    kind: 'refugee_org',
    offers: [
      { title: 'Asylverfahrensberatung', category: 'counselling', targetStatuses: ['gestattung'] },
      {
        title: 'Beratung zur Bleibeperspektive',
        category: 'counselling',
        targetStatuses: tolerated,
        description: 'Verweisberatung; rechtliche Fragen klärt die Fachberatung.',
      },
    ],
  },
  {
    name: 'Bildungsträger',
    kind: 'training_provider',
    offers: [
      { title: 'Durchstarten: Coaching', category: 'coaching', targetStatuses: tolerated },
      {
        title: 'Durchstarten: Sprach- und Schulkurs',
        category: 'language_course',
        targetStatuses: tolerated,
      },
      { title: 'Bewerbungstraining', category: 'training', targetStatuses: allStatuses },
      { title: 'Berufssprachkurs', category: 'language_course', targetStatuses: allStatuses },
    ],
  },
  {
    name: 'Verein / Ehrenamt',
    kind: 'club',
    offers: [
      { title: 'Nähkurs', category: 'club_course', targetStatuses: allStatuses, travelCosts: true },
      { title: 'Kochkurs', category: 'club_course', targetStatuses: allStatuses },
      { title: 'Fahrradkurs', category: 'club_course', targetStatuses: allStatuses },
      { title: 'PC-Kurs', category: 'club_course', targetStatuses: allStatuses },
      { title: 'Sprachcafé', category: 'leisure', targetStatuses: allStatuses },
    ],
  },
];

/**
 * The starter partners not yet in the network (by name, ignoring case and accents), so loading the
 * list twice, or after the team renamed nothing, adds nothing twice.
 */
export function missingStarterPartners(
  existing: readonly { name: string }[],
  starter: readonly StarterPartner[] = starterNetwork,
): StarterPartner[] {
  const names = new Set(existing.map((partner) => normalizeForSearch(partner.name)));
  return starter.filter((partner) => !names.has(normalizeForSearch(partner.name)));
}

// Headings and category labels of the team report, German first, English second. Kept out of the
// app's first-screen catalogues: only the server (CSV) and the console chunk import this file.
// Enum values reuse the entities' labels from the catalogues through t().
import '../i18n/messages-behind-lock';
import { getLanguage, intlLocaleTag, t, type MessageKey } from '../i18n/t';
import type { IndicatorKey, TableKey } from './report';
import { HIDDEN_COUNT, SMALL_COUNT, WITHHELD_COUNT, type PublishedCount } from './suppress';
import type { SameShape } from '../i18n/catalogue';

const texts = {
  de: {
    title: 'Sachbericht',
    period: 'Zeitraum',
    team: 'Team',
    indicator: 'Kennzahl',
    category: 'Kategorie',
    count: 'Anzahl',
    total: 'Gesamt',
    gapsHeading: 'Notierte Lücken im Hilfesystem',
    gapArea: 'Bereich',
    gapText: 'Beschreibung',
    noOffer: 'ohne Angebot',
    legendSmall: '1 bis 4 (kleine Zahlen werden nicht genau angegeben)',
    legendHidden: 'ausgeblendet, weil sich sonst eine kleine Zahl errechnen ließe',
    legendWithheld: 'nicht veröffentlicht: die Zahl ließe sich sonst aus anderen Zahlen errechnen',
    legendNoise:
      'Zahlen ab 5 sind zum Schutz der Personen um bis zu 2 verändert (Verfahren {ptable}), jedes Mal gleich; Summen werden eigens verändert und können von der Summe ihrer Teile abweichen.',
    consentNote: 'Gezählt sind nur Fälle mit Einwilligung in das Berichtswesen.',
    indicators: {
      personsReached: 'Erreichte Personen',
      personsByGender: 'Erreichte Personen nach Geschlecht',
      personsByAgeBand: 'Erreichte Personen nach Alter (am Ende des Zeitraums)',
      personsByResidenceStatus: 'Erreichte Personen nach Aufenthaltsstatus',
      personsByReachedVia: 'Erreichte Personen nach Zugangsweg',
      personsByCountry: 'Erreichte Personen nach Herkunftsland',
      personsByGermanLevel: 'Erreichte Personen nach Deutschkenntnissen',
      personsBySchooling: 'Erreichte Personen nach Schulbildung',
      contactsByChannel: 'Kontakte nach Kontaktweg',
      contactsBySetting: 'Kontakte vor Ort und aus der Ferne',
      contactsByMonth: 'Kontakte nach Monat',
      appointmentsAttendedByMode: 'Termine wahrgenommen, nach Form',
      appointmentsNoShowByMode: 'Termine nicht wahrgenommen, nach Form',
      caseConferences: 'Fallkonferenzen',
      referralsByPartnerKind: 'Vermittlungen nach Art des Partners',
      referralsByOffer: 'Vermittlungen nach Angebot',
      referralOutcomes: 'Vermittlungen nach Ergebnis',
      referralsReceived: 'Zuweisungen von Partnern nach Stand',
      closingReasons: 'Übergänge und Abschlussgründe',
      needsByCategory: 'Bedarfe nach Bereich',
      needsUnmetByCategory: 'Nicht gedeckte Bedarfe nach Bereich',
      needsUnreferredByCategory: 'Offene Bedarfe ohne Vermittlung nach Bereich',
      gapsByCategory: 'Notierte Lücken nach Bereich',
    } satisfies Record<IndicatorKey, string>,
    tables: {
      personsByGender: 'Erreichte Personen nach Stand und Geschlecht',
      personsByAgeBand: 'Erreichte Personen nach Stand und Alter',
      personsByResidenceStatus: 'Erreichte Personen nach Stand und Aufenthaltsstatus',
      personsByReachedVia: 'Erreichte Personen nach Stand und Zugangsweg',
      personsByCountry: 'Erreichte Personen nach Stand und Herkunftsland (unter 5 zusammengefasst)',
      personsByGermanLevel: 'Erreichte Personen nach Stand und Deutschkenntnissen',
      personsBySchooling: 'Erreichte Personen nach Stand und Schulbildung',
      contactsByChannelAndMonth: 'Kontakte nach Kontaktweg und Monat',
      appointmentsByMode: 'Termine nach Form',
      needsByCategory: 'Bedarfe nach Bereich',
      needsByResidenceStatus: 'Bedarfe nach Bereich und Aufenthaltsstatus',
    } satisfies Record<TableKey, string>,
    stage: { new: 'neu', ongoing: 'laufend', closed: 'abgeschlossen' },
    ageBand: {
      under_18: 'unter 18',
      '18-20': '18–20',
      '21-23': '21–23',
      '24-26': '24–26',
      '27+': '27 und älter',
      unknown: 'unbekannt',
    },
    residence: {
      gestattung: 'Aufenthaltsgestattung',
      duldung: 'Duldung (alle Arten)',
      aufenthaltserlaubnis: 'Aufenthaltserlaubnis',
      niederlassung: 'Niederlassungserlaubnis',
      fiktion: 'Fiktionsbescheinigung',
      unclear: 'unklar',
      none: 'nicht erfasst',
    },
    needOutcome: { met: 'gedeckt', unmet: 'nicht gedeckt' },
    notRecorded: 'nicht erfasst',
    caseload: 'Fallbelastung je THM',
    caseloadActive: 'aktive Fälle',
    caseloadNew: 'neue Fälle',
    caseloadContacts: 'Kontakte',
    unassigned: 'ohne THM',
    otherCountries: 'andere Länder (je unter 5)',
    contactSetting: {
      on_site: 'vor Ort (persönlich, aufsuchend)',
      remote: 'aus der Ferne (Telefon, Video, Messenger, E-Mail, Brief)',
    },
    held: 'stattgefunden',
    referralSent: 'gesendet, noch keine Antwort',
  },
  en: {
    title: 'Activity report',
    period: 'Period',
    team: 'Team',
    indicator: 'Indicator',
    category: 'Category',
    count: 'Count',
    total: 'Total',
    gapsHeading: 'Recorded gaps in the support system',
    gapArea: 'Area',
    gapText: 'Description',
    noOffer: 'no offer',
    legendSmall: '1 to 4 (small numbers are not given exactly)',
    legendHidden: 'hidden, because a small number could otherwise be worked out',
    legendWithheld: 'not published: it could otherwise be worked out from other figures',
    legendNoise:
      'To protect the people counted, figures of 5 and more are changed by up to 2 (method {ptable}), the same way every time; totals are changed on their own and may differ from the sum of their parts.',
    consentNote: 'Only cases with consent to reporting are counted.',
    indicators: {
      personsReached: 'Persons reached',
      personsByGender: 'Persons reached by gender',
      personsByAgeBand: 'Persons reached by age (at the end of the period)',
      personsByResidenceStatus: 'Persons reached by residence status',
      personsByReachedVia: 'Persons reached by how they were reached',
      personsByCountry: 'Persons reached by country of origin',
      personsByGermanLevel: 'Persons reached by German level',
      personsBySchooling: 'Persons reached by schooling',
      contactsByChannel: 'Contacts by channel',
      contactsBySetting: 'Contacts on site and remote',
      contactsByMonth: 'Contacts by month',
      appointmentsAttendedByMode: 'Appointments attended, by mode',
      appointmentsNoShowByMode: 'Appointments missed, by mode',
      caseConferences: 'Case conferences',
      referralsByPartnerKind: 'Referrals by partner kind',
      referralsByOffer: 'Referrals by offer',
      referralOutcomes: 'Referrals by outcome',
      referralsReceived: 'Referrals from partners by state',
      closingReasons: 'Transitions and closing reasons',
      needsByCategory: 'Needs by area',
      needsUnmetByCategory: 'Unmet needs by area',
      needsUnreferredByCategory: 'Open needs without a referral, by area',
      gapsByCategory: 'Recorded gaps by area',
    } satisfies Record<IndicatorKey, string>,
    tables: {
      personsByGender: 'Persons reached by stage and gender',
      personsByAgeBand: 'Persons reached by stage and age',
      personsByResidenceStatus: 'Persons reached by stage and residence status',
      personsByReachedVia: 'Persons reached by stage and how they were reached',
      personsByCountry: 'Persons reached by stage and country of origin (under 5 grouped)',
      personsByGermanLevel: 'Persons reached by stage and German level',
      personsBySchooling: 'Persons reached by stage and schooling',
      contactsByChannelAndMonth: 'Contacts by channel and month',
      appointmentsByMode: 'Appointments by mode',
      needsByCategory: 'Needs by area',
      needsByResidenceStatus: 'Needs by area and residence status',
    } satisfies Record<TableKey, string>,
    stage: { new: 'new', ongoing: 'ongoing', closed: 'closed' },
    ageBand: {
      under_18: 'under 18',
      '18-20': '18–20',
      '21-23': '21–23',
      '24-26': '24–26',
      '27+': '27 and older',
      unknown: 'unknown',
    },
    residence: {
      gestattung: 'Permission to stay (Gestattung)',
      duldung: 'Toleration (Duldung, all kinds)',
      aufenthaltserlaubnis: 'Residence permit',
      niederlassung: 'Settlement permit',
      fiktion: 'Fictional certificate',
      unclear: 'unclear',
      none: 'not recorded',
    },
    needOutcome: { met: 'met', unmet: 'unmet' },
    notRecorded: 'not recorded',
    caseload: 'Caseload per THM',
    caseloadActive: 'active cases',
    caseloadNew: 'new cases',
    caseloadContacts: 'contacts',
    unassigned: 'no THM',
    otherCountries: 'other countries (under 5 each)',
    contactSetting: {
      on_site: 'on site (in person, outreach)',
      remote: 'remote (phone, video, messenger, e-mail, letter)',
    },
    held: 'held',
    referralSent: 'sent, no answer yet',
  },
} as const satisfies Record<'de' | 'en', unknown>;

export type ReportTexts = SameShape<(typeof texts)['de']>;

/** Column keys of the person tables for an empty field and for the countries grouped together. */
export const NOT_RECORDED = 'not_recorded';
export const OTHER_COUNTRIES = '~other';

export function reportTexts(): ReportTexts {
  return getLanguage() === 'en' ? texts.en : texts.de;
}

function enumLabel(key: string): string {
  return t(key as MessageKey);
}

/** The label of `key` in a category of the report (an indicator's key, or a grid's axis). */
export function categoryLabel(indicator: IndicatorKey | 'stage' | 'month', key: string): string {
  const x = reportTexts();
  switch (indicator) {
    case 'personsReached':
    case 'stage':
      return x.stage[key as keyof typeof x.stage] ?? key;
    case 'personsByGender':
      return enumLabel(`cases.gender.${key}`);
    case 'personsByAgeBand':
      return x.ageBand[key as keyof typeof x.ageBand] ?? key;
    case 'personsByResidenceStatus':
      return x.residence[key as keyof typeof x.residence] ?? key;
    case 'personsByReachedVia':
      return key === NOT_RECORDED ? x.notRecorded : enumLabel(`cases.reachedVia.${key}`);
    case 'personsByGermanLevel':
      return key === NOT_RECORDED ? x.notRecorded : enumLabel(`cases.germanLevel.${key}`);
    case 'personsBySchooling':
      return key === NOT_RECORDED ? x.notRecorded : enumLabel(`cases.schooling.${key}`);
    case 'personsByCountry':
      return key === NOT_RECORDED
        ? x.notRecorded
        : key === OTHER_COUNTRIES
          ? x.otherCountries
          : key;
    case 'contactsByChannel':
      return enumLabel(`cases.contactChannel.${key}`);
    case 'contactsBySetting':
      return x.contactSetting[key as keyof typeof x.contactSetting] ?? key;
    case 'contactsByMonth':
    case 'month':
      return monthLabel(key);
    case 'appointmentsAttendedByMode':
    case 'appointmentsNoShowByMode':
      return enumLabel(`appointments.mode.${key}`);
    case 'caseConferences':
      return x.held;
    case 'referralsByPartnerKind':
      return enumLabel(`network.partnerKind.${key}`);
    case 'referralsByOffer':
      return key || x.noOffer;
    case 'referralOutcomes':
      return key === 'sent' ? x.referralSent : enumLabel(`network.status.${key}`);
    case 'referralsReceived':
      return enumLabel(`network.status.${key}`);
    case 'closingReasons':
      return enumLabel(`cases.closingReason.${key}`);
    case 'needsByCategory':
    case 'needsUnmetByCategory':
    case 'needsUnreferredByCategory':
    case 'gapsByCategory':
      return enumLabel(`cases.needCategory.${key}`);
  }
}

/** Axis labels of the two-way tables. */
export const tableAxes: Record<
  TableKey,
  { rows: IndicatorKey | 'stage' | 'month'; columns: IndicatorKey | 'stage' | 'month' | 'outcome' }
> = {
  personsByGender: { rows: 'stage', columns: 'personsByGender' },
  personsByAgeBand: { rows: 'stage', columns: 'personsByAgeBand' },
  personsByResidenceStatus: { rows: 'stage', columns: 'personsByResidenceStatus' },
  personsByReachedVia: { rows: 'stage', columns: 'personsByReachedVia' },
  personsByCountry: { rows: 'stage', columns: 'personsByCountry' },
  personsByGermanLevel: { rows: 'stage', columns: 'personsByGermanLevel' },
  personsBySchooling: { rows: 'stage', columns: 'personsBySchooling' },
  contactsByChannelAndMonth: { rows: 'contactsByChannel', columns: 'month' },
  appointmentsByMode: { rows: 'appointmentsAttendedByMode', columns: 'outcome' },
  needsByCategory: { rows: 'needsByCategory', columns: 'outcome' },
  needsByResidenceStatus: { rows: 'needsByCategory', columns: 'personsByResidenceStatus' },
};

export function axisLabel(axis: IndicatorKey | 'stage' | 'month' | 'outcome', key: string): string {
  if (axis !== 'outcome') return categoryLabel(axis, key);
  const x = reportTexts();
  if (key === 'met' || key === 'unmet') return x.needOutcome[key];
  return enumLabel(`appointments.status.${key}`);
}

/** `2026-03` -> `März 2026`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocaleTag(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A published count as text ("<5", "x", "." or the number in the reader's notation). */
export function countText(value: PublishedCount): string {
  if (value === SMALL_COUNT || value === HIDDEN_COUNT || value === WITHHELD_COUNT) return value;
  return value.toLocaleString(intlLocaleTag());
}

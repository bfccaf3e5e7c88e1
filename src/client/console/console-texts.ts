// The console's own texts, German first, English second. They live in the console chunk, not in
// the app's first-screen catalogues (a THM's phone never downloads them); the compiler checks that
// both languages have the same keys.
import type { SameShape } from '../../shared/i18n/catalogue';
import { getLanguage } from '../../shared/i18n/t';

const de = {
  title: 'Konsole',
  nav: { report: 'Bericht', gaps: 'Lücken', admin: 'Verwaltung', label: 'Bereiche der Konsole' },
  role: { coordinator: 'Koordination', admin: 'Verwaltung', thm: 'THM' },
  signOut: 'Abmelden',
  onlineOnly: 'Die Konsole arbeitet nur online und speichert keine Falldaten auf diesem Gerät.',
  offline:
    'Keine Verbindung. Die Konsole braucht das Internet; es sind keine Daten auf diesem Gerät gespeichert.',
  sessionEnded: 'Die Anmeldung ist abgelaufen. Bitte erneut anmelden.',
  serverError: 'Der Server antwortet gerade nicht. Bitte später erneut versuchen.',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  period: {
    legend: 'Zeitraum',
    kind: 'Art des Zeitraums',
    month: 'Monat',
    quarter: 'Quartal',
    year: 'Jahr',
    custom: 'Von – bis',
    from: 'Von',
    to: 'Bis',
    quarterN: '{n}. Quartal',
    whichQuarter: 'Welches Quartal',
    show: 'Bericht anzeigen',
  },
  report: {
    heading: 'Sachbericht {team}',
    periodLine: '{from} bis {to}',
    csv: 'CSV herunterladen (Excel)',
    print: 'Drucken',
    legendTitle: 'Lesehilfe',
    persons: 'Erreichte Personen',
    contacts: 'Kontakte',
    appointments: 'Termine',
    referrals: 'Vermittlungen',
    transitions: 'Übergänge und Abschlussgründe',
    needs: 'Bedarfe',
    gaps: 'Lücken im Hilfesystem',
    total: 'Gesamt',
    chartContacts: 'Kontakte nach Kontaktweg und Monat (gestapelt)',
    chartContactsDesc:
      'Säulendiagramm: je Monat die Kontakte, gestapelt nach Kontaktweg. Die Zahlen stehen in der Tabelle darunter.',
    chartOutcomes: 'Vermittlungen nach Ergebnis',
    chartOutcomesDesc:
      'Balkendiagramm: Vermittlungen des Zeitraums nach ihrem Ergebnis. Die Zahlen stehen in der Tabelle darunter.',
    chartGapNote:
      'Werte unter 5 und ausgeblendete Werte sind im Diagramm nicht gezeichnet; die Tabelle nennt sie.',
    tableScroll: 'Tabelle, seitlich verschiebbar',
    noGaps: 'Im Zeitraum wurden keine Lücken notiert.',
    inPerson: 'vor Ort (persönlich, aufsuchend)',
    remote: 'aus der Ferne (Telefon, Video, Messenger, E-Mail, Brief)',
    shift: 'Kontakte vor Ort und aus der Ferne',
  },
  gaps: {
    heading: 'Lücken für das Bündnistreffen',
    intro:
      'Die notierten Lücken des Teams nach Bereich. Sie nennen keine Personen; bitte trotzdem vor dem Teilen lesen.',
    count: '{count} notiert',
    none: 'Keine Lücken in diesem Zeitraum.',
  },
  admin: {
    heading: 'Verwaltung',
    teams: 'Teams',
    newTeam: 'Neues Team',
    teamName: 'Name des Teams',
    createTeam: 'Team anlegen',
    teamCreated: 'Team „{name}“ angelegt.',
    users: 'Konten',
    team: 'Team',
    newUser: 'Neues Konto',
    name: 'Name',
    email: 'E-Mail',
    role: 'Rolle',
    createUser: 'Konto anlegen',
    disabled: 'deaktiviert',
    disable: 'Deaktivieren',
    disableConfirm: 'Konto von {name} deaktivieren? Alle Sitzungen enden sofort.',
    disabledDone: 'Konto deaktiviert; alle Sitzungen sind beendet.',
    resetPassword: 'Passwort zurücksetzen',
    oneTimePassword: 'Einmal-Passwort für {email}',
    oneTimeHint:
      'Jetzt weitergeben: Es wird nur dieses eine Mal angezeigt. Bitte nach der Anmeldung ändern lassen.',
    created: 'Konto {email} angelegt.',
    close: 'Verstanden, schließen',
    changeRole: 'Rolle ändern',
    roleChanged: 'Rolle geändert.',
    noUsers: 'Noch keine Konten.',
    devices: 'Geräte',
    devicesOf: 'Geräte von {name}',
    noDevices: 'Noch kein Gerät angemeldet.',
    lastSeen: 'zuletzt {at}',
    revoked: 'gesperrt',
    revoke: 'Gerät sperren',
    revokeConfirm:
      'Gerät sperren? Es wird beim nächsten Kontakt mit dem Server abgemeldet und löscht seine Daten.',
    oneTimeForced: 'Bei der ersten Anmeldung damit muss ein eigenes Passwort festgelegt werden.',
    settings: 'Datenschutz-Einstellungen',
    settingsOf: 'Datenschutz-Einstellungen von {name}',
    retentionYears: 'Aufbewahrungsfrist in Jahren',
    retentionHint:
      '1 bis 10 Jahre nach Abschluss eines Falls; danach wird der Fall gelöscht. Üblich: 3 Jahre.',
    legalBasis: 'Rechtsgrundlage',
    legalBasisHint:
      'Art. 6 Abs. 1 DSGVO. Bei „Einwilligung“ zeigt die App einen Hinweis, solange die Einwilligung zur Speicherung fehlt.',
    basisConsent: 'Einwilligung (lit. a)',
    basisPublicTask: 'Öffentliche Aufgabe (lit. e)',
    reportsNeedConsent: 'Berichte zählen nur Fälle mit Einwilligung für Berichte',
    saveSettings: 'Einstellungen speichern',
    settingsSaved: 'Einstellungen von „{name}“ gespeichert.',
    summary: '{years} Jahre · {basis} · Berichte {consent}',
    summaryConsent: 'nur mit Einwilligung',
    summaryAll: 'mit allen Fällen',
  },
};

const en: SameShape<typeof de> = {
  title: 'Console',
  nav: { report: 'Report', gaps: 'Gaps', admin: 'Administration', label: 'Console sections' },
  role: { coordinator: 'Coordination', admin: 'Administration', thm: 'THM' },
  signOut: 'Sign out',
  onlineOnly: 'The console works online only and stores no case data on this device.',
  offline: 'No connection. The console needs the internet; no data are stored on this device.',
  sessionEnded: 'Your sign-in has expired. Please sign in again.',
  serverError: 'The server is not answering right now. Please try again later.',
  loading: 'Loading …',
  retry: 'Try again',
  period: {
    legend: 'Period',
    kind: 'Kind of period',
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
    custom: 'From – to',
    from: 'From',
    to: 'To',
    quarterN: 'Quarter {n}',
    whichQuarter: 'Which quarter',
    show: 'Show report',
  },
  report: {
    heading: 'Activity report {team}',
    periodLine: '{from} to {to}',
    csv: 'Download CSV (Excel)',
    print: 'Print',
    legendTitle: 'How to read',
    persons: 'Persons reached',
    contacts: 'Contacts',
    appointments: 'Appointments',
    referrals: 'Referrals',
    transitions: 'Transitions and closing reasons',
    needs: 'Needs',
    gaps: 'Gaps in the support system',
    total: 'Total',
    chartContacts: 'Contacts by channel and month (stacked)',
    chartContactsDesc:
      'Column chart: contacts per month, stacked by channel. The figures are in the table below.',
    chartOutcomes: 'Referrals by outcome',
    chartOutcomesDesc:
      'Bar chart: referrals of the period by outcome. The figures are in the table below.',
    chartGapNote: 'Values under 5 and hidden values are not drawn; the table names them.',
    tableScroll: 'Table, scrolls sideways',
    noGaps: 'No gaps were recorded in this period.',
    inPerson: 'on site (in person, outreach)',
    remote: 'remote (phone, video, messenger, e-mail, letter)',
    shift: 'Contacts on site and remote',
  },
  gaps: {
    heading: 'Gaps for the alliance meeting',
    intro:
      "The team's recorded gaps by area. They name no person; still, please read them before sharing.",
    count: '{count} recorded',
    none: 'No gaps in this period.',
  },
  admin: {
    heading: 'Administration',
    teams: 'Teams',
    newTeam: 'New team',
    teamName: 'Team name',
    createTeam: 'Create team',
    teamCreated: 'Team “{name}” created.',
    users: 'Accounts',
    team: 'Team',
    newUser: 'New account',
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    createUser: 'Create account',
    disabled: 'disabled',
    disable: 'Disable',
    disableConfirm: "Disable {name}'s account? All their sessions end at once.",
    disabledDone: 'Account disabled; all sessions have ended.',
    resetPassword: 'Reset password',
    oneTimePassword: 'One-time password for {email}',
    oneTimeHint:
      'Pass it on now: it is shown only this once. Ask for it to be changed after sign-in.',
    created: 'Account {email} created.',
    close: 'Understood, close',
    changeRole: 'Change role',
    roleChanged: 'Role changed.',
    noUsers: 'No accounts yet.',
    devices: 'Devices',
    devicesOf: 'Devices of {name}',
    noDevices: 'No device signed in yet.',
    lastSeen: 'last seen {at}',
    revoked: 'revoked',
    revoke: 'Revoke device',
    revokeConfirm:
      'Revoke this device? It is signed out at its next contact with the server and deletes its data.',
    oneTimeForced: 'At the first sign-in with it, the person must set their own password.',
    settings: 'Privacy settings',
    settingsOf: 'Privacy settings of {name}',
    retentionYears: 'Retention period in years',
    retentionHint: '1 to 10 years after a case is closed; then the case is erased. Usual: 3 years.',
    legalBasis: 'Legal basis',
    legalBasisHint:
      'Art. 6(1) GDPR. With “consent” the app shows a notice as long as the consent to store data is missing.',
    basisConsent: 'Consent (point a)',
    basisPublicTask: 'Public task (point e)',
    reportsNeedConsent: 'Reports count only cases with a consent to reporting',
    saveSettings: 'Save settings',
    settingsSaved: 'Settings of “{name}” saved.',
    summary: '{years} years · {basis} · reports {consent}',
    summaryConsent: 'with consent only',
    summaryAll: 'with all cases',
  },
};

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ConsoleKey = Leaves<typeof de>;

/** The console's translate: German or English, `{name}` parameters filled in. */
export function ct(key: ConsoleKey, params?: Record<string, string | number>): string {
  let node: unknown = getLanguage() === 'en' ? en : de;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const text = typeof node === 'string' ? node : key;
  return params
    ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
    : text;
}

// The server's refusals that only the console receives (reports, accounts, admin routes): part of
// the `server` catalogue, but they join it when messages-console.ts loads (the console, the server,
// and what makes them), so the phone's install does not carry them. A phone that met one anyway
// would show the German text the server sends with the code.
import { germanCatalogue } from '../catalogue';

export const serverConsole = germanCatalogue({
  import: {
    unknownJob: 'Diesen Import gibt es nicht.',
    notChecked: 'Dieser Import ist schon gelaufen oder verworfen; bitte die Datei neu hochladen.',
    notDone: 'Nur ein abgeschlossener Import kann rückgängig gemacht werden.',
    editedSince:
      'Der Import kann nicht mehr rückgängig gemacht werden: {count, plural, one {# seiner Einträge wurde} other {# seiner Einträge wurden}} seither bearbeitet oder ergänzt.',
    notAllowed: 'Importieren dürfen nur Verwaltung und Koordination.',
    unreadable: 'Die Datei kann nicht gelesen werden: {why}',
    noFile: 'Bitte eine Datei (.csv oder .xlsx) senden.',
  },
  reports: {
    otherTeam: 'Sie sehen nur die Zahlen Ihres eigenen Teams.',
    unknownTeam: 'Dieses Team gibt es nicht.',
    periodMissing: 'Bitte einen Zeitraum mit Anfang und Ende angeben (von, bis).',
    fromInvalid: 'Das Anfangsdatum „{value}“ ist kein gültiges Datum (JJJJ-MM-TT).',
    toInvalid: 'Das Enddatum „{value}“ ist kein gültiges Datum (JJJJ-MM-TT).',
    fromAfterTo: 'Der Anfang des Zeitraums liegt nach seinem Ende.',
    notFixedPeriod:
      'Berichte gibt es nur für feste Zeiträume: einen Kalendermonat, ein Quartal, ein Halbjahr oder ein Kalenderjahr. {from} bis {to} ist keiner davon.',
  },
  account: {
    teamNameMissing: 'Bitte einen Teamnamen angeben.',
    teamExists: 'Das Team „{team}“ gibt es schon.',
    teamMissing: 'Das Team „{team}“ gibt es nicht.',
    emailInvalid: 'Bitte eine gültige E-Mail-Adresse angeben.',
    nameMissing: 'Bitte einen Namen angeben.',
    userExists: 'Ein Konto mit {email} gibt es schon.',
    userMissing: 'Ein Konto mit {email} gibt es nicht.',
    passwordTooShort: 'Das Passwort muss mindestens {min} Zeichen lang sein.',
    deviceMissing: 'Ein Gerät {device} gibt es für {email} nicht.',
  },
  admin: {
    notAdmin: 'Nur die Verwaltung darf Teams und Konten ändern.',
    unknownUser: 'Dieses Konto gibt es nicht.',
    ownAccount: 'Das eigene Konto kann hier nicht deaktiviert oder herabgestuft werden.',
    unknownTeam: 'Bitte ein bestehendes Team wählen.',
    teamName: 'Bitte einen Teamnamen angeben.',
    team: 'Bitte ein Team wählen.',
    email: 'Bitte eine E-Mail-Adresse angeben.',
    name: 'Bitte einen Namen angeben.',
    role: 'Die Rolle muss {roles} sein.',
    invalidCharacters: 'Ungültige Zeichen.',
  },
});

import { germanCatalogue } from '../catalogue';

export const common = germanCatalogue({
  appName: 'Feldakte',
  nav: {
    today: 'Heute',
    cases: 'Fälle',
    appointments: 'Termine',
    network: 'Netzwerk',
    more: 'Mehr',
  },
  shell: {
    mainNav: 'Hauptnavigation',
    skipToContent: 'Zum Inhalt springen',
    pageNotFound: 'Diese Seite gibt es nicht.',
    toStart: 'Zur Startseite',
    loadFailed: 'Dieser Bereich konnte nicht geladen werden. Bitte die App neu laden.',
  },
  actions: {
    save: 'Speichern',
    cancel: 'Abbrechen',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    add: 'Hinzufügen',
    back: 'Zurück',
    close: 'Schließen',
    search: 'Suchen',
  },
  form: {
    required: 'Pflichtfeld',
    fixErrors: 'Bitte die markierten Felder korrigieren.',
    saved: 'Gespeichert',
    yes: 'Ja',
    no: 'Nein',
    none: '–',
    choose: 'Bitte wählen',
  },
  errors: {
    quota:
      'Der Speicher des Geräts ist voll. Bereits gespeicherte Daten bleiben erhalten; bitte Platz schaffen und erneut speichern.',
    unknown: 'Etwas ist schiefgelaufen. Die Daten auf dem Gerät bleiben erhalten.',
    storage:
      'Speichern auf dem Gerät hat nicht geklappt. Ihre Eingaben sind noch da; bitte erneut speichern. Hilft das nicht, die App neu laden.',
    notFound: 'Nicht gefunden.',
    // issue 13 item 6 (field)
    action:
      'Das hat auf dem Gerät nicht geklappt. Es wurde nichts geändert; bitte erneut versuchen. Hilft das nicht, die App neu laden.',
  },
  // issue 13 items 2 and 6 (field)
  undo: {
    action: 'Rückgängig',
    label: 'Rückgängig: {what}',
  },
  failure: {
    screenTitle: 'Diese Ansicht ist auf einen Fehler gestoßen',
    screenText:
      'Ihre Daten auf dem Gerät bleiben erhalten, auch Änderungen, die noch nicht synchronisiert sind.',
    toOverview: 'Zur Übersicht',
    reload: 'Neu laden',
    readFailed:
      'Die Daten konnten auf dem Gerät nicht gelesen werden. Es geht nichts verloren; bitte erneut versuchen.',
    retry: 'Erneut versuchen',
  },
});

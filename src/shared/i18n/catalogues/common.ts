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
  },
});

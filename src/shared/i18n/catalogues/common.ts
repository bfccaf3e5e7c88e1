import { catalogue } from '../catalogue';

export const common = catalogue({
  de: {
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
      notFound: 'Nicht gefunden.',
    },
  },
  en: {
    appName: 'Feldakte',
    nav: {
      today: 'Today',
      cases: 'Cases',
      appointments: 'Appointments',
      network: 'Network',
      more: 'More',
    },
    shell: {
      mainNav: 'Main navigation',
      skipToContent: 'Skip to content',
      pageNotFound: 'This page does not exist.',
      toStart: 'To the start page',
      loadFailed: 'This part could not be loaded. Please reload the app.',
    },
    actions: {
      save: 'Save',
      cancel: 'Cancel',
      edit: 'Edit',
      delete: 'Delete',
      add: 'Add',
      back: 'Back',
      close: 'Close',
      search: 'Search',
    },
    form: {
      required: 'Required',
      fixErrors: 'Please correct the marked fields.',
      saved: 'Saved',
      yes: 'Yes',
      no: 'No',
      none: '–',
      choose: 'Please choose',
    },
    errors: {
      quota:
        'The device storage is full. Data already saved is kept; please free up space and save again.',
      unknown: 'Something went wrong. The data on the device is kept.',
      notFound: 'Not found.',
    },
  },
});

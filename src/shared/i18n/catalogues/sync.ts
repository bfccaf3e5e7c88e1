// Sign-in, sign-out, sync status, conflicts, rejected changes and the "Mehr" page.
import { germanCatalogue } from '../catalogue';

export const sync = germanCatalogue({
  signIn: {
    title: 'Anmelden',
    intro: 'Mit dem Konto Ihres Teams anmelden. Danach funktioniert die App auch ohne Netz.',
    email: 'E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    checking: 'Anmeldung wird geprüft …',
    errors: {
      missing: 'Bitte E-Mail und Passwort eingeben.',
      wrong: 'E-Mail oder Passwort stimmt nicht.',
      offline:
        'Keine Verbindung. Die erste Anmeldung auf diesem Gerät braucht das Internet; bitte mit einem Netz verbinden.',
      server: 'Der Server antwortet gerade nicht. Bitte in ein paar Minuten erneut versuchen.',
      tooMany: 'Zu viele Versuche. Bitte etwas warten und dann erneut anmelden.',
    },
    again: {
      title: 'Bitte erneut anmelden',
      text: 'Die Anmeldung ist abgelaufen. Sie können weiterarbeiten; Änderungen bleiben auf dem Gerät und werden nach der Anmeldung synchronisiert.',
      action: 'Jetzt anmelden',
      later: 'Später',
    },
  },
  signOut: {
    action: 'Abmelden',
    title: 'Abmelden',
    question: 'Was soll mit den Daten auf diesem Gerät passieren?',
    keep: 'Daten auf dem Gerät behalten',
    keepHint: 'Verschlüsselt; beim nächsten Anmelden öffnet die PIN sie sofort, auch ohne Netz.',
    remove: 'Daten von diesem Gerät entfernen',
    removeHint:
      'Empfohlen: Die Falldaten verlassen das Gerät; beim nächsten Anmelden kommen sie vom Server.',
    unsynced:
      '{count, plural, one {# Änderung ist} other {# Änderungen sind}} noch nicht synchronisiert. Wenn Sie die Daten entfernen, {count, plural, one {geht sie} other {gehen sie}} verloren.',
    allSynced: 'Alle Änderungen sind synchronisiert.',
    confirmRemoveUnsynced: 'Ja, auch nicht synchronisierte Änderungen löschen',
    syncFirst: 'Erst synchronisieren',
    confirm: 'Abmelden',
    removeFailed:
      'Die Daten konnten nicht entfernt werden, weil die App noch in einem anderen Fenster offen ist. Bitte andere Fenster schließen und erneut versuchen.',
  },
  status: {
    synced: 'Synchronisiert',
    syncing: 'Wird synchronisiert …',
    pending: '{count, plural, one {# Änderung} other {# Änderungen}} offen',
    never: 'Noch nicht synchronisiert',
    lastSync: 'Zuletzt synchronisiert: {time}',
    lastSyncNever: 'Noch nie synchronisiert',
    signInAgain: 'Bitte erneut anmelden',
    problem: 'Sync-Problem',
    syncNow: 'Jetzt synchronisieren',
    // issue 27 item 10: one line while offline, with what waits
    offlineBanner:
      'Offline: {count, plural, =0 {alles ist auf dem Gerät gespeichert} one {# Änderung wartet auf die Verbindung} other {# Änderungen warten auf die Verbindung}}.',
    chipLabel: 'Synchronisierung: {state}',
    nextTry: 'Nächster Versuch um {time}',
    conflicts: '{count, plural, one {# Konflikt} other {# Konflikte}} prüfen',
    rejections: '{count, plural, one {# Änderung} other {# Änderungen}} abgelehnt',
    short: {
      offline: 'Keine Verbindung',
      unauthorized: 'Bitte erneut anmelden',
      revoked: 'Gerät gesperrt',
      forbidden: 'Kein Zugriff',
      outdated: 'Update nötig',
      gap: 'Sync-Problem',
      invalid: 'Sync-Problem',
      server: 'Server nicht erreichbar',
      storage: 'Speicher voll',
      internal: 'Sync-Fehler',
    },
    errors: {
      offline: 'Keine Verbindung. Änderungen bleiben auf dem Gerät gespeichert.',
      revoked:
        'Dieses Gerät wurde gesperrt oder das Konto deaktiviert. Die Daten auf dem Gerät werden gelöscht.',
      unauthorized:
        'Die Anmeldung ist abgelaufen. Bitte erneut anmelden; Änderungen bleiben auf dem Gerät gespeichert.',
      forbidden:
        'Dieses Konto darf mit diesem Gerät nicht synchronisieren. Änderungen bleiben auf dem Gerät gespeichert; bitte an die Administration wenden.',
      outdated:
        'Bitte die App aktualisieren, um wieder zu synchronisieren. Änderungen bleiben auf dem Gerät gespeichert.',
      gap: 'Dem Server fehlen ältere Änderungen dieses Geräts. Nichts wurde gelöscht; bitte an die Administration wenden.',
      invalid:
        'Der Server hat die Änderungen nicht angenommen. Sie bleiben auf dem Gerät gespeichert; bitte an die Administration wenden.',
      server:
        'Der Server ist gerade nicht erreichbar. Änderungen bleiben auf dem Gerät gespeichert; es wird später erneut versucht.',
      storage:
        'Der Speicher des Geräts ist voll. Änderungen bleiben auf dem Gerät gespeichert; bitte Platz schaffen.',
      internal:
        'Die Synchronisierung ist unerwartet fehlgeschlagen. Änderungen bleiben auf dem Gerät gespeichert.',
    },
  },
  badge: { pending: 'nicht synchronisiert' },
  conflicts: {
    title: 'Konflikte',
    intro:
      'Zwei Geräte haben dasselbe Feld geändert, ohne die andere Änderung zu kennen. Der neuere Wert wurde behalten; hier können Sie Ihren Wert wieder übernehmen.',
    empty: 'Keine offenen Konflikte.',
    field: 'Feld',
    record: 'Eintrag',
    yours: 'Ihr Wert',
    kept: 'Behaltener Wert',
    theirs: 'Überschriebener Wert',
    by: 'Geändert von {who} am {time}',
    someone: 'jemand anderem',
    you: 'Ihnen',
    emptyValue: '(leer)',
    reapply: 'Meinen Wert übernehmen',
    dismiss: 'Behaltenen Wert lassen',
    gone: 'Der Eintrag existiert nicht mehr.',
    openRecord: 'Eintrag öffnen',
    // issue 27 item 10: the phone whose value was kept learns it quietly
    keptNote:
      '{count, plural, one {Bei # gleichzeitigen Änderung wurde Ihr Wert behalten} other {Bei # gleichzeitigen Änderungen wurde Ihr Wert behalten}}',
    keptTitle: 'Ihr Wert wurde behalten',
    keptIntro:
      'Jemand hat dasselbe Feld zur gleichen Zeit anders geändert. Ihr Wert gilt; ob der andere Wert wieder gelten soll, entscheidet die Person, deren Wert überschrieben wurde. Sie müssen nichts tun.',
    overwrittenBy: 'Eingetragen von {who} am {time}',
  },
  rejections: {
    title: 'Abgelehnte Änderungen',
    intro:
      'Der Server hat diese Änderungen nicht angenommen. Auf dem Gerät gilt wieder der Stand des Servers.',
    empty: 'Keine abgelehnten Änderungen.',
    reason: 'Grund',
    fields: 'Geänderte Felder',
    deleted: 'Löschen',
    dismiss: 'Zur Kenntnis genommen',
  },
  tables: {
    cases: 'Fall',
    statuses: 'Aufenthaltsstatus',
    needs: 'Bedarf',
    appointments: 'Termin',
    contacts: 'Kontakt',
    referrals: 'Vermittlung',
    partners: 'Partner',
    offers: 'Angebot',
    consents: 'Einwilligung',
    tasks: 'Wiedervorlage',
    gaps: 'Lücke',
    documents: 'Dokument',
    settings: 'Einstellung',
    conflicts: 'Konflikt',
    merges: 'Zusammenführung',
  },
  settings: {
    title: 'Mehr',
    account: 'Konto',
    team: 'Team: {team}',
    language: 'Sprache',
    languages: { de: 'Deutsch', en: 'English' },
    sync: 'Synchronisierung',
    pendingCount: 'Offene Änderungen: {count}',
    conflictsLink: 'Konflikte ({count})',
    rejectionsLink: 'Abgelehnte Änderungen ({count})',
    storage: {
      title: 'Speicher auf diesem Gerät',
      used: '{used} belegt, {quota} verfügbar',
      unknown: 'Dieser Browser nennt den Speicherverbrauch nicht.',
      persisted: 'Dauerhaft gespeichert: Der Browser löscht die Daten nicht von selbst.',
      notPersisted:
        'Nicht dauerhaft gespeichert: Bei Platzmangel darf der Browser die Daten löschen, auch nicht synchronisierte.',
      request: 'Dauerhaft speichern',
      denied:
        'Der Browser hat die dauerhafte Speicherung abgelehnt. Installieren Sie die App auf dem Startbildschirm und versuchen Sie es erneut.',
      unsupported: 'Dieser Browser kann die Daten nicht dauerhaft schützen.',
    },
    app: 'App',
    version: 'Version {version}',
    update: {
      available: 'Neue Version verfügbar',
      hint: 'Bitte zuerst offene Eingaben speichern; die App lädt danach neu.',
      action: 'Jetzt aktualisieren',
      check: 'Nach neuer Version suchen',
      current: 'Die App ist auf dem neuesten Stand.',
      offline: 'Ohne Service Worker (Entwicklungsmodus oder nicht unterstützter Browser).',
    },
  },
  // Issue 14: after a sign-in with a one-time password, before anything else.
  newPassword: {
    title: 'Neues Passwort festlegen',
    intro:
      'Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte legen Sie jetzt Ihr eigenes Passwort fest; erst danach geht es weiter.',
    password: 'Neues Passwort',
    passwordHint: 'Mindestens {min} Zeichen. Nur Sie kennen es.',
    repeat: 'Neues Passwort wiederholen',
    submit: 'Passwort speichern',
    submitting: 'Wird gespeichert …',
    signOut: 'Abbrechen und abmelden',
    saved: 'Ihr neues Passwort ist gespeichert.',
    errors: {
      tooShort: 'Das neue Passwort muss mindestens {min} Zeichen lang sein.',
      mismatch: 'Die beiden Eingaben stimmen nicht überein.',
      offline: 'Keine Verbindung. Das neue Passwort kann nur online gespeichert werden.',
      server: 'Der Server antwortet gerade nicht. Bitte in ein paar Minuten erneut versuchen.',
      signedOut: 'Die Anmeldung ist abgelaufen. Bitte erneut mit dem Einmal-Passwort anmelden.',
    },
  },
});

// The lock screen, PIN set-up, auto-lock and remote wipe (issue 11). The lock screen names no one.
import { germanCatalogue } from '../catalogue';

export const lock = germanCatalogue({
  screen: {
    title: 'Feldakte ist gesperrt',
    introPin: 'Bitte die PIN dieses Geräts eingeben. Das geht auch ohne Netz.',
    introPassphrase: 'Bitte den Passwortsatz dieses Geräts eingeben. Das geht auch ohne Netz.',
    pin: 'PIN',
    passphrase: 'Passwortsatz',
    unlock: 'Entsperren',
    unlocking: 'Wird entsperrt …',
    empty: 'Bitte die PIN eingeben.',
    wrong: 'PIN falsch. Noch {count, plural, one {# Versuch} other {# Versuche}}.',
    warning:
      'Nach {count, plural, one {# weiteren Fehlversuch} other {# weiteren Fehlversuchen}} werden alle Daten auf diesem Gerät gelöscht.',
    unsynced:
      '{count, plural, one {# Änderung ist} other {# Änderungen sind}} noch nicht synchronisiert und {count, plural, one {ginge} other {gingen}} dabei verloren.',
    allSynced: 'Alle Änderungen sind synchronisiert; nach dem Löschen lädt die App sie neu.',
    forgot: 'PIN vergessen? Online anmelden',
    forgotIntro:
      'Mit Ihrem Passwort anmelden (dafür ist eine Verbindung nötig). Danach legen Sie eine neue PIN fest; die Daten auf dem Gerät bleiben erhalten.',
    back: 'Zurück zur PIN',
    storageError:
      'Die gespeicherten Daten lassen sich nicht öffnen: sie sind beschädigt oder wurden verändert. Bitte online anmelden.',
    lockNow: 'Jetzt sperren',
    wait: 'Zu viele falsche Eingaben. Der nächste Versuch ist ab {time} Uhr möglich.',
    waitButton: 'Bitte warten ({time})',
    waitSeconds: '{count} s',
    waitMinutes: '{time} min',
    waitOver: 'Sie können es jetzt wieder versuchen.',
  },
  setup: {
    title: 'PIN für dieses Gerät festlegen',
    intro:
      'Die Falldaten auf diesem Gerät werden verschlüsselt. Mit der PIN öffnen Sie sie, auch ohne Netz. Wer das Gerät findet, kann ohne PIN nichts lesen.',
    // issue 27 items 8 and 11: the heading follows the choice; what the lock promises
    titlePassphrase: 'Passwortsatz für dieses Gerät festlegen',
    deviceName: 'Name dieses Geräts',
    deviceNameHint:
      'Für die Geräteliste Ihres Teams, z. B. „Diensthandy 2“. Bitte keinen Namen einer begleiteten Person.',
    introPassphrase:
      'Die Falldaten auf diesem Gerät werden verschlüsselt. Mit dem Passwortsatz öffnen Sie sie, auch ohne Netz. Wer das Gerät findet, kann ohne ihn nichts lesen.',
    autoLock:
      'Nach {count, plural, one {# Minute} other {# Minuten}} ohne Bedienung sperrt sich die App (änderbar unter „Mehr“).',
    wipe: 'Nach {count, plural, one {# falschen Eingabe} other {# falschen Eingaben}} in Folge löscht die App alle Daten auf diesem Gerät.',
    pin: 'Neue PIN (mindestens 6 Ziffern)',
    passphrase: 'Neuer Passwortsatz (mindestens 8 Zeichen)',
    repeat: 'Wiederholen',
    usePassphrase: 'Lieber einen Passwortsatz verwenden',
    usePin: 'Lieber eine PIN aus Ziffern verwenden',
    save: 'Festlegen und öffnen',
    saving: 'Wird verschlüsselt …',
    errors: {
      tooShort: 'Die PIN braucht mindestens 6 Ziffern.',
      tooSimple:
        'Diese PIN ist zu leicht zu erraten. Bitte keine Folge und keine gleichen Ziffern.',
      passphraseTooShort: 'Der Passwortsatz braucht mindestens 8 Zeichen.',
      mismatch: 'Die beiden Eingaben stimmen nicht überein.',
      notDigits: 'Eine PIN besteht nur aus Ziffern.',
    },
  },
  foreign: {
    title: 'Die Daten auf diesem Gerät lassen sich nicht öffnen',
    text: 'Sie gehören zu einem anderen Konto oder wurden verändert. Sie können sie löschen und mit Ihrem Konto neu beginnen; die Daten kommen dann vom Server.',
    action: 'Daten auf dem Gerät löschen und neu beginnen',
    again: 'Die Daten wurden gelöscht. Bitte melden Sie sich an, um neu zu beginnen.',
    cancel: 'Abmelden',
  },
  autoLock: {
    title: 'Automatisch sperren',
    label: 'Sperren nach so vielen Minuten ohne Bedienung',
    hint: 'Auch wenn die App so lange im Hintergrund war. Danach ist die PIN nötig.',
    minutes: '{count, plural, one {# Minute} other {# Minuten}}',
  },
  wiped: {
    device_revoked:
      'Dieses Gerät wurde gesperrt. Alle Falldaten auf dem Gerät wurden gelöscht. Bitte wenden Sie sich an die Verwaltung.',
    user_disabled:
      'Ihr Konto wurde deaktiviert. Alle Falldaten auf dem Gerät wurden gelöscht. Bitte wenden Sie sich an die Verwaltung.',
    pin_failures:
      'Die PIN wurde 10-mal falsch eingegeben. Alle Daten auf diesem Gerät wurden gelöscht. Nach der Anmeldung lädt die App die Daten vom Server neu.',
  },
  upgrade: {
    signIn:
      'Feldakte verschlüsselt die Daten auf diesem Gerät jetzt. Bitte melden Sie sich dafür einmal mit Ihrem Passwort an; nicht synchronisierte Änderungen bleiben erhalten.',
  },
  hardware: {
    intro: 'Mit Fingerabdruck oder Gesicht entsperren. Das geht auch ohne Netz.',
    unlock: 'Mit Fingerabdruck oder Gesicht entsperren',
    cancelled: 'Nicht entsperrt. Bitte noch einmal versuchen.',
    failed: 'Das Gerät hat den Schlüssel nicht geöffnet. Bitte online mit Passwort anmelden.',
    forgot: 'Anders entsperren? Online mit Passwort anmelden',
    title: 'Mit Fingerabdruck oder Gesicht entsperren',
    offer:
      'Statt der PIN öffnet Ihr Fingerabdruck oder Gesicht die Daten. Der Schlüssel ist dann an die Sicherheitshardware dieses Telefons gebunden, und keine PIN-Kopie bleibt auf dem Gerät. Ohne Fingerabdruck oder Gesicht öffnet nur eine Anmeldung mit Passwort (online) die Daten.',
    enable: 'Einrichten',
    enabling: 'Wird eingerichtet …',
    enabled: 'Eingeschaltet: dieses Gerät öffnet die Daten mit Fingerabdruck oder Gesicht.',
    done: 'Eingerichtet. Die PIN ist auf diesem Gerät gelöscht.',
    unsupported:
      'Dieses Gerät kann den Schlüssel nicht an Fingerabdruck oder Gesicht binden. Es bleibt bei der PIN.',
    setupCancelled: 'Nicht eingerichtet. Es bleibt bei der PIN.',
    usePin: 'Wieder eine PIN verwenden',
    pinSaved: 'Die PIN gilt wieder; Fingerabdruck oder Gesicht öffnen die Daten nicht mehr.',
  },
});

// The server's refusals: every API error and sync rejection carries one of these keys as `code`
// with `params`, next to the German text as `message`/`reason` for clients that do not know the key.
// A parameter whose value is itself a key (`{why}`) is rendered as that message. The refusals only
// the console receives (reports, accounts, admin) are in server-console.ts.
import { germanCatalogue } from '../catalogue';

export const server = germanCatalogue({
  api: {
    badJson: 'Die Anfrage ist kein gültiges JSON.',
    badRequest: 'Die Anfrage ist ungültig.',
    badRequestField: 'Die Anfrage ist ungültig. {why} ({field}).',
    badRequestWhy: 'Die Anfrage ist ungültig. {why}.',
    tooDeep: 'Die Anfrage ist ungültig. Zu tief verschachtelt.',
    tooLarge: 'Die Anfrage ist zu groß. Bitte in kleineren Teilen synchronisieren.',
    unsupportedMedia: 'Die Anfrage muss JSON sein.',
    unsupportedEncoding: 'Die Anfrage ist mit einem unbekannten Verfahren komprimiert.',
    invalidEncoding: 'Die komprimierte Anfrage ist beschädigt.',
    crossSite: 'Diese Anfrage kam von einer anderen Website und wurde abgelehnt.',
    notFound: 'Diese Adresse gibt es nicht.',
    internal:
      'Auf dem Server ist ein Fehler aufgetreten. Ihre Änderungen bleiben auf dem Gerät gespeichert.',
    fieldTooLong: 'Ein Feld ist zu lang (höchstens {max} Zeichen).',
  },
  session: {
    wrongPassword: 'Das bisherige Passwort ist falsch.',
    samePassword: 'Bitte ein neues Passwort wählen, nicht das bisherige.',
    newPasswordMissing: 'Bitte ein neues Passwort eingeben.',
    newPasswordTooShort: 'Das neue Passwort muss mindestens {min} Zeichen lang sein.',
    newPasswordTooLong: 'Das neue Passwort darf höchstens {max} Zeichen lang sein.',
    currentPasswordInvalid: 'Das bisherige Passwort ist ungültig.',
    passwordChangeRequired:
      'Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte legen Sie zuerst ein neues Passwort fest.',
    loginFailed: 'E-Mail-Adresse oder Passwort ist falsch.',
    tooManyLogins:
      'Zu viele fehlgeschlagene Anmeldungen. Bitte in einigen Minuten erneut versuchen.',
    notSignedIn: 'Bitte melden Sie sich an.',
    // issue 27 item 8: the THM names the device
    deviceNameMissing: 'Bitte einen Namen für das Gerät angeben.',
    noDevice: 'Diese Anmeldung gehört zu keinem Gerät.',
    sessionExpired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    deviceRevoked:
      'Dieses Gerät wurde gesperrt. Die Daten auf dem Gerät werden gelöscht; bitte wenden Sie sich an die Verwaltung.',
    userDisabled:
      'Ihr Konto wurde deaktiviert. Die Daten auf dem Gerät werden gelöscht; bitte wenden Sie sich an die Verwaltung.',
    invalidDevice: 'Die Gerätekennung ist ungültig.',
    credentialsMissing: 'Bitte E-Mail-Adresse und Passwort angeben.',
    noCaseAccess: 'Ihre Rolle hat keinen Zugriff auf Falldaten.',
    otherUsersDevice:
      'Dieses Gerät ist mit einem anderen Konto verbunden. Bitte die App-Daten zurücksetzen.',
  },
  sync: {
    invalidSealed:
      'Eine versiegelte Änderung ließ sich nicht öffnen. Es wurde nichts gespeichert; bitte die App entsperren und erneut synchronisieren.',
    schemaTooOld:
      'Diese App-Version ist veraltet. Bitte die App aktualisieren; Ihre Änderungen bleiben erhalten.',
    gap: 'Es fehlen frühere Änderungen dieses Geräts. Bitte erneut synchronisieren.',
    epochChanged:
      'Der Server wurde inzwischen aus einer Sicherung wiederhergestellt. Bitte erneut synchronisieren; Ihre Daten bleiben erhalten.',
    refused: 'Die Änderung wurde vom Server abgelehnt.',
    invalidClock: 'Die Uhrzeit der Änderung ist ungültig.',
    foreignClock: 'Die Uhrzeit der Änderung stammt von einem anderen Gerät.',
    conflictDelete: 'Ein Konflikt lässt sich nicht löschen, nur auflösen.',
    deleted: 'Dieser Eintrag wurde inzwischen gelöscht.',
    controlCharacter: 'Der Text enthält ein ungültiges Steuerzeichen.',
    frozenField: 'Das Feld „{field}“ lässt sich nach dem Anlegen nicht mehr ändern.',
    unknownReference: 'Der verknüpfte Eintrag („{field}“) ist unbekannt oder gelöscht.',
    groupRefused: 'Gehört zu einer Änderung, die nur zusammen gespeichert wird: {why}',
    storeRefused: 'Der Server kann diese Änderung nicht speichern (ungültiger Inhalt).',
    erased:
      'Diese Person wurde gelöscht (Löschung nach Art. 17 DSGVO oder abgelaufene Aufbewahrungsfrist). Die Änderung wurde nicht gespeichert.',
  },
  privacy: {
    caseNotFound: 'Diesen Fall gibt es nicht (mehr) in Ihrem Team.',
    invalidCaseId: 'Ungültige Fall-ID: erwartet wird eine UUID.',
    notClosed: 'Nur ein abgeschlossener Fall hat eine Löschfrist.',
    notLater: 'Das neue Datum muss nach der bisherigen Löschfrist liegen.',
    tooLate:
      'Eine Verlängerung reicht höchstens {years, plural, one {# Jahr} other {# Jahre}} in die Zukunft.',
    dateMissing: 'Bitte ein Datum angeben.',
    dateInvalid: 'Bitte ein gültiges Datum angeben.',
    extensionReasonMissing: 'Bitte einen Grund für die Verlängerung angeben.',
    erasureReasonMissing: 'Bitte einen Grund für die Löschung angeben.',
    reasonTooLong: 'Der Grund darf höchstens {max} Zeichen lang sein.',
  },
  files: {
    notFound: 'Dieses Dokument gibt es nicht (mehr) in Ihrem Team.',
    invalidId: 'Ungültige Datei-ID: erwartet werden 32 Hexadezimalzeichen.',
    invalidCase: 'Ungültige Fall-ID des Dokuments.',
    caseErased: 'Der Fall dieses Dokuments wurde gelöscht. Die Datei wird nicht angenommen.',
    lengthMissing: 'Die Größe der Datei fehlt (Upload-Length).',
    tooLarge: 'Die Datei ist zu groß: erlaubt sind bis zu {max} MB.',
    otherTeam: 'Diese Datei-ID ist schon vergeben.',
    notDocument: 'Die Datei ist kein verschlüsseltes Dokument der App und wurde verworfen.',
    incomplete: 'Die Datei ist noch nicht vollständig hochgeladen.',
    notAllowed: 'Diese Anfrage ist für Dateien nicht erlaubt.',
  },
});

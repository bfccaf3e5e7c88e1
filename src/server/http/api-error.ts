// Every refusal of the API is an ApiError body (protocol.ts): a code for the program and a German
// message for the person. Throwing one inside a transaction also rolls it back.
import type { ApiError } from '../../shared/sync/protocol';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<ApiError> = {},
  ) {
    super(message);
  }

  get body(): ApiError {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

export const messages = {
  badJson: 'Die Anfrage ist kein gültiges JSON.',
  badRequest: 'Die Anfrage ist ungültig.',
  tooLarge: 'Die Anfrage ist zu groß. Bitte in kleineren Teilen synchronisieren.',
  unsupportedMedia: 'Die Anfrage muss JSON sein.',
  unsupportedEncoding: 'Die Anfrage ist mit einem unbekannten Verfahren komprimiert.',
  invalidEncoding: 'Die komprimierte Anfrage ist beschädigt.',
  notFound: 'Diese Adresse gibt es nicht.',
  internal:
    'Auf dem Server ist ein Fehler aufgetreten. Ihre Änderungen bleiben auf dem Gerät gespeichert.',
  loginFailed: 'E-Mail-Adresse oder Passwort ist falsch.',
  tooManyLogins: 'Zu viele fehlgeschlagene Anmeldungen. Bitte in einigen Minuten erneut versuchen.',
  notSignedIn: 'Bitte melden Sie sich an.',
  sessionExpired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  deviceRevoked:
    'Dieses Gerät wurde gesperrt. Die Daten auf dem Gerät werden gelöscht; bitte wenden Sie sich an die Verwaltung.',
  userDisabled:
    'Ihr Konto wurde deaktiviert. Die Daten auf dem Gerät werden gelöscht; bitte wenden Sie sich an die Verwaltung.',
  invalidDevice: 'Die Gerätekennung ist ungültig.',
  passwordChangeRequired:
    'Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte legen Sie zuerst ein neues Passwort fest.',
  invalidSealed:
    'Eine versiegelte Änderung ließ sich nicht öffnen. Es wurde nichts gespeichert; bitte die App entsperren und erneut synchronisieren.',
  noCaseAccess: 'Ihre Rolle hat keinen Zugriff auf Falldaten.',
  otherUsersDevice:
    'Dieses Gerät ist mit einem anderen Konto verbunden. Bitte die App-Daten zurücksetzen.',
  otherTeamsRecord:
    'Die Änderungen betreffen einen Eintrag, auf den Sie keinen Zugriff haben. Es wurde nichts gespeichert.',
  schemaTooOld:
    'Diese App-Version ist veraltet. Bitte die App aktualisieren; Ihre Änderungen bleiben erhalten.',
  gap: 'Es fehlen frühere Änderungen dieses Geräts. Bitte erneut synchronisieren.',
  fieldTooLong: (max: number) =>
    `Ein Feld ist zu lang (höchstens ${max.toLocaleString('de-DE')} Zeichen).`,
} as const;

// Every refusal of the API is an ApiError body (protocol.ts): `error` for the program, `code` and
// `params` (a message key of src/shared/i18n, rendered by the app in the person's language) and the
// German `message` for clients that do not know the key. Throwing one inside a transaction also
// rolls it back.
import type { ApiError } from '../../shared/sync/protocol';
import { message, type Message, germanText } from '../../shared/i18n/message';

export class HttpError extends Error {
  /** The message as key and params; absent only for the admin CLI's German-only answers. */
  readonly text: Message | undefined;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    text: Message | string,
    readonly extra: Partial<ApiError> = {},
  ) {
    super(typeof text === 'string' ? text : germanText(text));
    this.text = typeof text === 'string' ? undefined : text;
  }

  get body(): ApiError {
    return { ...apiError(this.code, this.text ?? this.message), ...this.extra };
  }
}

/** The ApiError body for `error` with a message (or a German-only text, admin CLI). */
export function apiError(error: string, text: Message | string): ApiError {
  if (typeof text === 'string') return { error, message: text };
  return {
    error,
    code: text.key,
    ...(text.params ? { params: text.params } : {}),
    message: germanText(text),
  };
}

export const messages = {
  badJson: message('server.api.badJson'),
  badRequest: message('server.api.badRequest'),
  tooLarge: message('server.api.tooLarge'),
  unsupportedMedia: message('server.api.unsupportedMedia'),
  unsupportedEncoding: message('server.api.unsupportedEncoding'),
  invalidEncoding: message('server.api.invalidEncoding'),
  notFound: message('server.api.notFound'),
  crossSite: message('server.api.crossSite'),
  internal: message('server.api.internal'),
  loginFailed: message('server.session.loginFailed'),
  tooManyLogins: message('server.session.tooManyLogins'),
  notSignedIn: message('server.session.notSignedIn'),
  sessionExpired: message('server.session.sessionExpired'),
  deviceRevoked: message('server.session.deviceRevoked'),
  userDisabled: message('server.session.userDisabled'),
  invalidDevice: message('server.session.invalidDevice'),
  passwordChangeRequired: message('server.session.passwordChangeRequired'),
  invalidSealed: message('server.sync.invalidSealed'),
  noCaseAccess: message('server.session.noCaseAccess'),
  otherUsersDevice: message('server.session.otherUsersDevice'),
  schemaTooOld: message('server.sync.schemaTooOld'),
  gap: message('server.sync.gap'),
  fieldTooLong: (max: number) => message('server.api.fieldTooLong', { max }),
} as const;

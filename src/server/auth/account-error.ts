// A refusal of the account functions (teams, users, devices): a message key with parameters, so the
// console renders it in its language, and German text as the Error's message for the admin CLI.
import '../../shared/i18n/messages-console';
import { germanText, message, type Message } from '../../shared/i18n/message';
import type { MessageKey, Params } from '../../shared/i18n/t';

export type AccountErrorKind = 'invalid' | 'exists' | 'missing';

export class AccountError extends Error {
  readonly text: Message;

  constructor(
    readonly kind: AccountErrorKind,
    messageKey: MessageKey,
    params?: Params,
    /** The input field the refusal is about (`name`, `email`, `role`), for a form to show it there. */
    readonly field?: string,
  ) {
    const text = message(messageKey, params);
    super(germanText(text));
    this.text = text;
  }
}

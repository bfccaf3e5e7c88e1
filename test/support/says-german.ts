// Rules answer with message keys (src/shared/i18n/message.ts); tests that pin the German wording
// compare the German text of the key: `expect(reason).toEqual(saysGerman('Das Ende …'))`.
import { isMessageKey, type Message } from '../../src/shared/i18n/message';
import { germanText } from '../../src/shared/i18n/message';

/** The German text of a Message, of a bare key (a schema issue's message), or the string itself. */
export function germanOf(value: unknown): string | undefined {
  if (typeof value === 'string') return isMessageKey(value) ? germanText({ key: value }) : value;
  if (typeof value === 'object' && value !== null && 'key' in value) {
    return germanText(value as Message);
  }
  return undefined;
}

/** Matches a message whose German text is `text` (or matches the pattern). */
export function saysGerman(text: string | RegExp) {
  return {
    asymmetricMatch(actual: unknown): boolean {
      const german = germanOf(actual);
      if (german === undefined) return false;
      return typeof text === 'string' ? german === text : text.test(german);
    },
    toString: () => `saysGerman(${String(text)})`,
    toAsymmetricMatcher: () => `saysGerman(${String(text)})`,
  };
}

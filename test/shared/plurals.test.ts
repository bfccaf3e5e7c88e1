// Issue 27 item 6: a count takes its plural form through Intl.PluralRules in the catalogues
// (`{count, plural, one {# Fall} other {# Fälle}}`), so no screen says "1 Fälle". Every catalogue
// text that takes a count (German and English) is rendered with 0, 1, 2 and 5: it chooses a form,
// leaves no syntax behind, and a bare count stands only where no word depends on it (listed here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/shared/i18n/messages-console';
import '../../src/shared/i18n/field-labels';
import { de } from '../../src/shared/i18n/messages';
import { en } from '../../src/shared/i18n/messages-en';
import {
  loadLanguage,
  pluralText,
  setLanguage,
  t,
  textIn,
  type MessageKey,
} from '../../src/shared/i18n/t';
import { germanText } from '../../src/shared/i18n/message';

/** Parameters that hold a count of something. */
const COUNTS = ['count', 'max', 'min', 'years', 'days', 'age', 'partners', 'offers'];

/** Texts where a bare count is right: it stands as a label, or its noun does not change. */
const BARE: Record<'de' | 'en', Record<string, string>> = {
  de: {
    'sync.settings.pendingCount': 'a label: "Offene Änderungen: 1"',
    'sync.settings.conflictsLink': 'a label: "Konflikte (1)"',
    'sync.settings.rejectionsLink': 'a label: "Abgelehnte Änderungen (1)"',
    'cases.tasks.showDone': 'a label: "Erledigte anzeigen (1)"',
    'cases.merge.moveCount': 'a label: "Bedarf: 1"',
    'privacy.erase.done': 'a label: "gelöschte Einträge: 1"',
    'lock.screen.waitSeconds': 'a unit: "1 s"',
    'network.directory.count': '"Partner" is singular and plural',
    'network.starter.loaded': '"Partner" is singular and plural ({partners})',
    'network.hints.hidden.referred': 'no noun: "1 mit offener Vermittlung"',
    'network.hints.hidden.otherStatus': 'no noun: "1 für andere Aufenthaltsstatus"',
    'network.hints.hidden.noTargetGroup': 'no noun: "1 ohne genannte Zielgruppe"',
    'network.hints.hidden.inactive': 'no noun: "1 nicht aktiv"',
    'sync.newPassword.passwordHint': '"Zeichen" is singular and plural',
    'sync.newPassword.errors.tooShort': '"Zeichen" is singular and plural',
    'rules.validation.maxLength': '"Zeichen" is singular and plural',
    'server.api.fieldTooLong': '"Zeichen" is singular and plural',
    'server.session.newPasswordTooShort': '"Zeichen" is singular and plural',
    'server.session.newPasswordTooLong': '"Zeichen" is singular and plural',
    'server.privacy.reasonTooLong': '"Zeichen" is singular and plural',
    'server.account.passwordTooShort': '"Zeichen" is singular and plural',
    'cases.documents.pdfTooLarge': 'a size ({max} is "10 MB"), not a count',
    'cases.documents.pageAlt': 'a position: "Seite 1 von 1"',
    'cases.documents.keepAllLoading': 'a position: "1 von 1"',
    'server.files.tooLarge': 'a unit: "1 MB"',
  },
  en: {
    'sync.settings.pendingCount': 'a label: "Pending changes: 1"',
    'sync.settings.conflictsLink': 'a label: "Conflicts (1)"',
    'sync.settings.rejectionsLink': 'a label: "Rejected changes (1)"',
    'cases.tasks.showDone': 'a label: "Show done (1)"',
    'cases.merge.moveCount': 'a label: "Need: 1"',
    'privacy.erase.done': 'a label: "entries erased: 1"',
    'lock.screen.waitSeconds': 'a unit: "1 s"',
    'network.hints.hidden.referred': 'no noun: "1 with an open referral"',
    'network.hints.hidden.otherStatus': 'no noun: "1 for other residence statuses"',
    'network.hints.hidden.noTargetGroup': 'no noun: "1 naming no target group"',
    'network.hints.hidden.inactive': 'no noun: "1 not active"',
    'cases.documents.pdfTooLarge': 'a size ({max} is "10 MB"), not a count',
    'cases.documents.pageAlt': 'a position: "page 1 of 1"',
    'cases.documents.keepAllLoading': 'a position: "1 of 1"',
    'server.files.tooLarge': 'a unit: "1 MB"',
  },
};

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

const catalogues = { de, en } as const;

/** Keys of texts that take a count, by language. */
function countTexts(language: 'de' | 'en'): [string, string][] {
  return leaves(catalogues[language]).filter(([, text]) =>
    COUNTS.some((name) => text.includes(`{${name}}`) || text.includes(`{${name}, plural,`)),
  );
}

function paramsWith(text: string, count: number): Record<string, string | number> {
  const params: Record<string, string | number> = { date: '2026-03-14', name: 'Lena Berger' };
  for (const name of COUNTS) if (text.includes(`{${name}`)) params[name] = count;
  return params;
}

beforeAll(() => loadLanguage('en'));
afterAll(() => setLanguage('de'));

describe.each(['de', 'en'] as const)('counts in %s', (language) => {
  it('every text that takes a count chooses its plural form (or needs none, listed)', () => {
    const bare = countTexts(language)
      .filter(([, text]) => COUNTS.some((name) => text.includes(`{${name}}`)))
      .map(([key]) => key)
      .filter((key) => !(key in BARE[language]));
    expect(bare.join(' ')).toBe('');
    // The list names only texts that exist and still take a bare count.
    const texts = new Map(countTexts(language));
    const unknown = Object.keys(BARE[language]).filter(
      (key) => !texts.get(key)?.match(/\{(count|max|min|years|days|age|partners|offers)\}/),
    );
    expect(unknown).toEqual([]);
  });

  it.each(countTexts(language).map(([key]) => key))('%s reads right for 0, 1, 2 and 5', (key) => {
    const text = new Map(countTexts(language)).get(key)!;
    const shown = [0, 1, 2, 5].map((count) =>
      textIn(catalogues[language], key, paramsWith(text, count), (value) => value),
    );
    for (const line of shown)
      expect(line).not.toMatch(/plural,|#|\{(count|max|min|years|days|age|partners|offers)[,}]/);
    if (text.includes(', plural,')) {
      // One and five differ by more than the digit: a form was chosen.
      const [, one, , five] = shown.map((line) => line.replaceAll(/\d/g, 'N'));
      expect(one).not.toBe(five);
    }
  });
});

describe('the plural forms', () => {
  it('say "1 Fall" and "1 case", "3 Fälle" and "3 cases"', () => {
    setLanguage('de');
    expect(t('cases.list.count', { count: 1 })).toBe('1 Fall');
    expect(t('cases.list.count', { count: 3 })).toBe('3 Fälle');
    expect(t('lock.screen.warning', { count: 1 })).toBe(
      'Nach 1 weiteren Fehlversuch werden alle Daten auf diesem Gerät gelöscht.',
    );
    setLanguage('en');
    expect(t('cases.list.count', { count: 1 })).toBe('1 case');
    expect(t('cases.list.count', { count: 0 })).toBe('0 cases');
    expect(t('lock.screen.warning', { count: 5 })).toBe(
      'After 5 more failed tries all data on this device will be deleted.',
    );
    // The server's German text follows German rules whatever the phone's language.
    expect(
      germanText({ key: 'rules.teamSettings.retentionMin' as MessageKey, params: { min: 1 } }),
    ).toMatch(/mindestens 1 Jahr$/);
    setLanguage('de');
  });

  it('an exact form comes first; a form holds other parameters; a missing count leaves the text', () => {
    const text = 'Fällig {days, plural, =0 {heute} one {morgen ({date})} other {in # Tagen}}.';
    expect(pluralText(text, { days: 0 }, 'de')).toBe('Fällig heute.');
    expect(pluralText(text, { days: 1 }, 'de')).toBe('Fällig morgen ({date}).');
    expect(pluralText(text, { days: 12 }, 'de')).toBe('Fällig in 12 Tagen.');
    expect(pluralText(text, {}, 'de')).toBe(text);
    expect(pluralText(text, { days: 'viele' }, 'de')).toBe(text);
  });
});

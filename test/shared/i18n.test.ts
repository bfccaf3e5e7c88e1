import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatLongDay,
  formatShortWeekdayDay,
  formatWeekdayDay,
  loadLanguage,
  setLanguage,
  t,
} from '../../src/shared/i18n/t';
import { common } from '../../src/shared/i18n/catalogues/common';
import { cases } from '../../src/shared/i18n/catalogues/cases';
import { appointments } from '../../src/shared/i18n/catalogues/appointments';
import { network } from '../../src/shared/i18n/catalogues/network';
import { sync } from '../../src/shared/i18n/catalogues/sync';
import { en } from '../../src/shared/i18n/messages-en';
import * as caseDomain from '../../src/shared/domain/case';
import {
  evidenceKinds,
  residenceKinds,
  workPermissions,
} from '../../src/shared/domain/residence-status';
import {
  needActors,
  needCategories,
  needPriorities,
  needSources,
  needStatuses,
} from '../../src/shared/domain/need';
import { contactChannels, contactInitiators } from '../../src/shared/domain/contact';
import { taskKinds } from '../../src/shared/domain/task';

afterEach(() => setLanguage('de'));

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('catalogues', () => {
  it.each([
    ['common', common, en.common],
    ['cases', cases, en.cases],
    ['appointments', appointments, en.appointments],
    ['network', network, en.network],
    ['sync', sync, en.sync],
  ] as const)(
    '%s has the same keys in German and English, none empty',
    (_name, german, english) => {
      expect(leafKeys(english).sort()).toEqual(leafKeys(german).sort());
      for (const language of [german, english]) {
        for (const key of leafKeys(language)) {
          const value = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], language);
          expect(value, key).not.toBe('');
        }
      }
    },
  );

  const enums: [string, readonly string[]][] = [
    ['status', caseDomain.caseStatuses],
    ['closingReason', caseDomain.closingReasons],
    ['gender', caseDomain.genders],
    ['germanLevel', caseDomain.germanLevels],
    ['germanLevelSource', caseDomain.germanLevelSources],
    ['literacy', caseDomain.literacyLevels],
    ['schooling', caseDomain.schoolings],
    ['recognition', caseDomain.recognitionStates],
    ['reachedVia', caseDomain.reachChannels],
    ['messenger', caseDomain.messengers],
    ['residenceKind', residenceKinds],
    ['workPermission', workPermissions],
    ['evidence', evidenceKinds],
    ['needCategory', needCategories],
    ['needPriority', needPriorities],
    ['needSource', needSources],
    ['needActor', needActors],
    ['needStatus', needStatuses],
    ['contactChannel', contactChannels],
    ['contactInitiator', contactInitiators],
    ['taskKind', taskKinds],
  ];

  it.each(enums)('labels every value of %s in both languages', (group, values) => {
    const de = (cases as unknown as Record<string, Record<string, string>>)[group];
    const english = (en.cases as unknown as Record<string, Record<string, string>>)[group];
    expect(Object.keys(de ?? {}).sort()).toEqual([...values].sort());
    expect(Object.keys(english ?? {}).sort()).toEqual([...values].sort());
  });
});

describe('t()', () => {
  it('speaks German by default and English when switched', async () => {
    expect(t('common.nav.cases')).toBe('Fälle');
    await loadLanguage('en');
    expect(t('common.nav.cases')).toBe('Cases');
  });

  it('fills parameters', () => {
    expect(t('cases.list.count', { count: 3 })).toBe('3 Fälle');
    expect(t('cases.residence.expiresInDays', { days: 12 })).toBe('läuft in 12 Tagen ab');
  });

  it('rejects an unknown key at compile time', () => {
    // @ts-expect-error: not a key of the German catalogue
    expect(t('cases.nope')).toBe('cases.nope');
  });
});

describe('dates', () => {
  it('formats a day in German and English', async () => {
    expect(formatDay('2025-03-04')).toBe('04.03.2025');
    expect(formatWeekdayDay('2025-03-04')).toBe('Dienstag, 4. März');
    expect(formatShortWeekdayDay('2025-03-04')).toBe('Di., 4. März');
    expect(formatLongDay('2025-03-04')).toBe('Dienstag, 4. März 2025');
    await loadLanguage('en');
    expect(formatDay('2025-03-04')).toBe('04/03/2025');
    expect(formatWeekdayDay('2025-03-04')).toBe('Tuesday 4 March');
    expect(formatShortWeekdayDay('2025-03-04')).toBe('Tue 4 Mar');
  });

  it('reads a YYYY-MM-DD date as a local day, not UTC midnight', () => {
    expect(formatDateTime('2025-03-04')).toBe('04.03.2025, 00:00');
  });
});

// Issue 26 item 2: the person matcher over real spelling variants of Arabic, Persian, Dari,
// Pashto, Tigrinya and Kurdish names as German and English offices write them. The pairs are
// labelled (same person or not); the test prints precision and recall and holds them to a floor.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDateAgreement,
  matchPersons,
  personProfile,
  PersonIndex,
  probableMatches,
  soundKey,
  type PersonFacts,
} from '../../src/shared/domain/person-match';

type P = PersonFacts;
const p = (
  givenName: string,
  familyName: string,
  birthDate?: string,
  more: Partial<P> = {},
): P => ({
  givenName,
  familyName,
  birthDate: birthDate ?? null,
  ...more,
});

/** [origin, a, b]: the same young person, written twice. */
const samePerson: [string, P, P][] = [
  ['Arabic', p('Zuleikha', 'Rahimi', '2003-04-12'), p('Zulaika', 'Rahimi')],
  ['Arabic', p('Mohammed', 'Al-Hassan', '2002-05-01'), p('Muhammad', 'Alhasan', '2002-05-01')],
  ['Arabic', p('Ahmad', 'Karimi', '2004-02-17'), p('Achmed', 'Karimi', '2004-02-17')],
  ['Arabic', p('Khalid', 'Mahmoud'), p('Chalid', 'Machmud', '2001-09-30')],
  ['Arabic', p('Ibrahim', 'Al Shammari', '2000-11-03'), p('Ebrahim', 'Alshamari', '2000-11-03')],
  ['Arabic', p('Jamal', 'Haddad', '2003-07-07'), p('Dschamal', 'Hadad', '2003-07-07')],
  ['Arabic', p('Qasim', 'Barakat'), p('Kasem', 'Barakat', '2005-03-21')],
  ['Arabic', p('Yusuf', 'Haidar', '2004-01-01'), p('Youssef', 'Haidar', '2004-06-15')],
  ['Arabic', p('Walid', 'Abdelrahman', '2002-12-04'), p('Valid', 'Abdel Rahman', '2002-04-12')],
  ['Arabic', p('Fatima', 'Noor'), p('Fatma', 'Nur')],
  ['Persian', p('Hossein', 'Rezaei', '2001-06-20'), p('Hussein', 'Rezai', '2001-06-20')],
  ['Persian', p('Fatemeh', 'Hosseini', '2003-03-03'), p('Fatima', 'Husseini', '2003-03-03')],
  ['Persian', p('Omid', 'Jafari'), p('Omid', 'Dschafari', '2002-08-08')],
  ['Persian', p('Nilofar', 'Azizi', '2004-10-10'), p('Nilufar', 'Asisi', '2004-10-10')],
  ['Persian', p('Mohammad', 'Nazari', '2001-01-01'), p('Mohamad', 'Nazari', '2001-06-14')],
  ['Dari', p('Mustafa', 'Sultani', '2003-02-02'), p('Mostafa', 'Soltani', '2003-02-02')],
  ['Dari', p('Ayaan', 'Hashimi'), p('Ajan', 'Haschimi')],
  ['Dari', p('Abdul Rahman', 'Noori', '2000-05-05'), p('Abdulrahman', 'Nuri', '2000-05-05')],
  ['Pashto', p('Shirin', 'Ahmadzai', '2005-04-04'), p('Schirin', 'Ahmadsai', '2005-04-04')],
  ['Pashto', p('Gulalai', 'Sherzad'), p('Gulalei', 'Scherzad', '2004-11-11')],
  ['Pashto', p('Zarghuna', 'Wardak', '2003-09-09'), p('Zarghona', 'Wardag', '2003-09-09')],
  ['Pashto', p('Rahmatullah', 'Stanikzai'), p('Rahmatulla', 'Stanekzai')],
  ['Pashto', p('Khan', 'Mohammad', '2002-02-20'), p('Mohammad', 'Khan', '2002-02-20')],
  ['Tigrinya', p('Tesfaye', 'Gebremedhin', '2001-07-15'), p('Tesfay', 'Gebremedin', '2001-07-15')],
  ['Tigrinya', p('Yohannes', 'Tekle'), p('Johannes', 'Tekle', '2004-03-30')],
  ['Tigrinya', p('Tsegay', 'Haile', '2002-10-01'), p('Tsegai', 'Hayle', '2002-10-01')],
  ['Tigrinya', p('Mebrahtu', 'Weldemichael'), p('Mebrahtu', 'Woldemikael')],
  ['Tigrinya', p('Kibrom', 'Habtemariam', '2003-12-12'), p('Kibrom', 'Habte Mariam', '2003-12-12')],
  ['Tigrinya', p('Semhar', 'Tesfamariam'), p('Semhar', 'Tesfamaryam', '2005-05-25')],
  ['Kurdish', p('Dilan', 'Xelîl', '2004-08-18'), p('Dilan', 'Khalil', '2004-08-18')],
  ['Kurdish', p('Şirîn', 'Baran'), p('Shirin', 'Baran')],
  ['Kurdish', p('Rojîn', 'Çelik', '2003-06-06'), p('Rojin', 'Tschelik', '2003-06-06')],
  ['Kurdish', p('Yasmin', 'Barzani'), p('Jasmin', 'Barzani', '2001-04-09')],
  ['Kurdish', p('Hêvîn', 'Ehmed', '2002-01-29'), p('Hevin', 'Ahmed', '2002-01-29')],
  ['swapped', p('Ali', 'Rezai', '2003-05-05'), p('Rezai', 'Ali', '2003-05-05')],
  [
    'other spelling',
    p('Muhammad', 'Alhasan', '2002-05-01', { otherNames: ['Mohamed Hassan'] }),
    p('Mohamed', 'Hassan'),
  ],
];

/** [why, a, b]: two different young people whose names are alike. */
const differentPersons: [string, P, P][] = [
  [
    'same name, other birth date',
    p('Mohammed', 'Ahmadi', '2001-03-04'),
    p('Mohammed', 'Ahmadi', '1998-11-20'),
  ],
  [
    'same name, other birth date',
    p('Fatima', 'Noori', '2002-02-02'),
    p('Fatima', 'Nuri', '1999-09-09'),
  ],
  ['sisters', p('Sara', 'Ahmadi'), p('Zahra', 'Ahmadi')],
  ['brothers', p('Mahmoud', 'Karimi'), p('Mohammed', 'Karimi')],
  ['brothers', p('Ahmad', 'Karimi', '2003-05-01'), p('Mahmoud', 'Karimi', '2005-02-10')],
  ['other given name', p('Yusuf', 'Haidari'), p('Yunus', 'Haidari')],
  ['other given name', p('Karim', 'Nazari'), p('Rahim', 'Nazari')],
  ['other given name', p('Omar', 'Sultani'), p('Mariam', 'Sultani')],
  ['other given name', p('Ali', 'Hassan'), p('Ali', 'Hussein')],
  ['other given name', p('Tesfaye', 'Tekle'), p('Tesfalem', 'Tekle')],
  ['other given name', p('Dilan', 'Baran'), p('Dilara', 'Baran')],
  ['other family name', p('Mohammed', 'Ali'), p('Mohammed', 'Hassan')],
  ['other family name', p('Shirin', 'Ahmadzai'), p('Shirin', 'Stanikzai')],
  [
    'stated genders differ',
    p('Amina', 'Rahimi', undefined, { gender: 'female' }),
    p('Amin', 'Rahimi', undefined, { gender: 'male' }),
  ],
  ['cousins', p('Hamid', 'Wardak', '2002-03-03'), p('Hamid', 'Wardak', '2004-07-19')],
];

describe('the person matcher over real spelling variants', () => {
  it.each(samePerson)('%s: %o is %o', (_, a, b) => {
    const match = matchPersons(a, b);
    expect(match.probable, JSON.stringify(match)).toBe(true);
    // Symmetric.
    expect(matchPersons(b, a).score).toBe(match.score);
  });

  it.each(differentPersons)('%s: %o is not %o', (_, a, b) => {
    const match = matchPersons(a, b);
    expect(match.probable, JSON.stringify(match)).toBe(false);
  });

  it('precision and recall over the whole table', () => {
    let truePositive = 0;
    let falsePositive = 0;
    for (const [, a, b] of samePerson) if (matchPersons(a, b).probable) truePositive++;
    for (const [, a, b] of differentPersons) if (matchPersons(a, b).probable) falsePositive++;
    const precision = truePositive / (truePositive + falsePositive);
    const recall = truePositive / samePerson.length;
    console.log(
      `person matcher: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} ` +
        `(${samePerson.length} same-person pairs, ${differentPersons.length} different-person pairs)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('tolerates swapped given and family names and says so', () => {
    const match = matchPersons(p('Ali', 'Rezai'), p('Rezai', 'Ali'));
    expect(match).toMatchObject({ probable: true, swapped: true });
    expect(matchPersons(p('Ali', 'Rezai'), p('Ali', 'Rezai')).swapped).toBe(false);
  });

  it('numbers in names are marks: Kunde1 and Kunde2 are two persons, Kunde1 twice is one', () => {
    expect(matchPersons(p('Kunde1', 'Ahmadi'), p('Kunde2', 'Ahmadi')).probable).toBe(false);
    expect(matchPersons(p('Ali', 'Ahmadi'), p('Ali', 'Ahmadi 2')).probable).toBe(false);
    expect(matchPersons(p('Ali', 'Ahmadi 12'), p('Ali', 'Ahmadi 13')).probable).toBe(false);
    expect(matchPersons(p('Kunde1', 'Ahmadi'), p('Kunde1', 'Ahmady')).probable).toBe(true);
    expect(matchPersons(p('Ali', 'Ahmadi 2'), p('Aly', 'Ahmady 2')).probable).toBe(true);
  });

  it('a missing birth date neither proves nor refutes', () => {
    expect(
      matchPersons(p('Zuleikha', 'Rahimi', '2003-04-12'), p('Zulaika', 'Rahimi')),
    ).toMatchObject({
      probable: true,
      birthDate: 'missing',
    });
  });
});

describe('sound keys (Kölner Phonetik after the transliteration normaliser)', () => {
  it.each([
    ['Zuleikha', 'Zulaika', 'Suleika'],
    ['Yusuf', 'Jusuf', 'Youssef', 'Yousef', 'Yussuf', 'Josuf'],
    ['Mohammed', 'Muhammad', 'Mohamad', 'Mohamed', 'Muhammed', 'Mouhamad'],
    ['Ahmad', 'Ahmed', 'Achmed', 'Achmad', 'Ehmed'],
    ['Hussein', 'Husain', 'Hussain', 'Husein', 'Hossein'],
    ['Khalid', 'Chalid', 'Khaled', 'Chaled', 'Xalid'],
    ['Shirin', 'Schirin', 'Sherin', 'Şirîn'],
    ['Jamal', 'Dschamal', 'Djamal', 'Dzhamal'],
    ['Qasim', 'Kasim', 'Kassem', 'Casim'],
    ['Walid', 'Valid'],
    ['Fatima', 'Fatimah', 'Fatemeh'],
    ['Ibrahim', 'Ebrahim', 'Ibrahem'],
    ['Zainab', 'Zeinab', 'Saynab'],
    ['Tesfaye', 'Tesfay'],
    ['Gebremedhin', 'Gebremedin'],
    ['Qarawiwalli', 'Karawiwali'],
    ['Müller', 'Mueller', 'Muller'],
    ['Strauß', 'Strauss'],
    ['Özdemir', 'Oezdemir', 'Ozdemir'],
  ])('%s', (...spellings) => {
    const keys = spellings.map(soundKey);
    expect(new Set(keys).size, `${spellings.join(', ')} → ${keys.join(', ')}`).toBe(1);
  });

  it('a typed beginning gives the beginning of the key', () => {
    for (const [typed, name] of [
      ['Zulai', 'Zuleikha'],
      ['Jus', 'Youssef'],
      ['Schir', 'Shirin'],
      ['karawi', 'Qarawiwalli'],
    ] as const)
      expect(soundKey(name).startsWith(soundKey(typed)), `${typed} … ${name}`).toBe(true);
  });
});

describe('birth dates', () => {
  it.each([
    ['2003-04-12', '2003-04-12', 'same'],
    ['2003-04-12', null, 'missing'],
    ['2003-01-01', '2003-06-14', 'close'],
    ['2003-04-12', '2003-12-04', 'close'],
    ['2003-04-12', '2004-04-12', 'close'],
    ['2003-04-12', '1998-11-20', 'different'],
  ] as const)('%s / %s: %s', (a, b, agreement) => {
    expect(birthDateAgreement(a, b)).toBe(agreement);
  });
});

describe('the person index (the import dry run)', () => {
  it('finds exactly what comparing with everyone finds, with and without birth dates', () => {
    const given = ['Zuleikha', 'Zulaika', 'Mohammed', 'Muhammad', 'Ali', 'Aly', 'Yonas'];
    const family = ['Ahmadi', 'Ahmady', 'Rahimi', 'Tesfaye', 'Haddad'];
    const dates = [null, '2003-04-12', '2003-12-04', '2004-04-12', '2003-01-01', '2003-04-13'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            g: fc.constantFrom(...given),
            f: fc.constantFrom(...family),
            d: fc.constantFrom(...dates),
          }),
          { minLength: 2, maxLength: 30 },
        ),
        (people) => {
          const profiles = people.map((x) => personProfile(p(x.g, x.f, x.d ?? undefined)));
          const index = new PersonIndex<number>();
          profiles.forEach((profile, item) => index.add({ item, profile }));
          for (const profile of profiles) {
            const all = profiles.map((other, item) => ({ item, profile: other }));
            const byIndex = index
              .probable(profile, 100)
              .map((m) => m.item)
              .sort();
            const byAll = probableMatches(profile, all, 100)
              .map((m) => m.item)
              .sort();
            expect(byIndex).toEqual(byAll);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

// The case-search benchmark itself, runnable in Node (fake-indexeddb) and in a browser page (real
// IndexedDB): 10,000 generated cases with realistic name variety, then the list's searches.
import { openDatabase } from '../../src/local/db';
import { holdDataKey, isUnlocked } from '../../src/local/crypto/keyring';
import { searchCases, type CaseFilter } from '../../src/local/case-search';
import { newRecordId } from '../../src/shared/domain/record-id';
import type { Case, CaseStatus } from '../../src/shared/domain/case';

const givenNames = [
  'Ahmad',
  'Amina',
  'Mohammed',
  'Fatima',
  'Omid',
  'Sara',
  'Yusuf',
  'Mariam',
  'Ali',
  'Zainab',
  'Hassan',
  'Leyla',
  'Ibrahim',
  'Aisha',
  'Mustafa',
  'Nour',
  'Khaled',
  'Hiba',
  'Samir',
  'Rana',
  'Tesfaye',
  'Selam',
  'Abdi',
  'Hodan',
  'Jonas',
  'Zoë',
  'Emre',
  'Çelik',
  'Dawit',
  'Meron',
];
const familyNames = [
  'Karimi',
  'Haidari',
  'Al-Hassan',
  'Müller',
  'Yousef',
  'Rahimi',
  'Ahmadi',
  'Nouri',
  'Said',
  'Haddad',
  'Tesfay',
  'Abdullahi',
  'Öztürk',
  'Şahin',
  'Mohammadi',
  'Hosseini',
  'Jafari',
  'Sultani',
  'Barakzai',
  'Popal',
  'Kebede',
  'Girma',
  'Warsame',
  'Osman',
  'Schäfer',
  'Omar',
  'Qasemi',
  'Rezai',
  'Sadat',
  'Wardak',
];
const spellings: Record<string, string> = {
  Mohammed: 'Muhammad',
  Yusuf: 'Youssef',
  Karimi: 'Kareemi',
  Ahmadi: 'Ahmady',
  Hassan: 'Hasan',
};
const statuses: CaseStatus[] = [
  'inquiry',
  'intake',
  'active',
  'active',
  'active',
  'paused',
  'unreachable',
  'closed',
];

export const benchQueries: [string, CaseFilter][] = [
  ['"ahm"', { query: 'ahm' }],
  ['"muller"', { query: 'muller' }],
  ['"muhammad" (other spelling)', { query: 'muhammad' }],
  ['"jusuf" (transliteration of Yusuf)', { query: 'jusuf' }],
  ['"achmed karim" (transliteration, two words)', { query: 'achmed karim' }],
  ['"karimi am" (two words)', { query: 'karimi am' }],
  ['"a" (one letter)', { query: 'a' }],
  ['"xyz" (no match)', { query: 'xyz' }],
  ['"sa" + mine', { query: 'sa', assignedTo: 'user-3' }],
];

export interface QueryFigures {
  medianMs: number;
  p95Ms: number;
  matches: number;
}

export interface RunFigures {
  fillMs: number;
  /** The first search after a change to the cases builds the in-memory index. */
  coldSearchMs: number;
  medianMs: number;
  p95Ms: number;
  unfilteredListMedianMs: number;
  perQuery: Record<string, QueryFigures>;
}

export function generateCases(count: number): Case[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i): Case => {
    const givenName = pick(givenNames);
    const familyName = pick(familyNames);
    const other = [spellings[givenName], spellings[familyName]].filter((n): n is string => !!n);
    const status = pick(statuses);
    return {
      id: newRecordId(Date.now() + i),
      givenName,
      familyName,
      otherNames: other.length ? [other.join(' ')] : null,
      status,
      closingReason: status === 'closed' ? 'work' : null,
      assignedTo: `user-${Math.floor(random() * 8)}`,
      birthDate: `${1998 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      countryOfOrigin: pick(['Afghanistan', 'Syrien', 'Eritrea', 'Somalia', 'Irak', 'Türkei']),
      languages: 'Dari, Farsi',
    };
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export async function runCaseSearchBench(
  count: number,
  rounds: number,
  log: (line: string) => void,
): Promise<RunFigures> {
  const db = openDatabase(`bench-${Date.now()}`);
  // After unlock: the data key in memory, records encrypted at rest (issue 11).
  if (!isUnlocked(db.name)) holdDataKey(db.name, crypto.getRandomValues(new Uint8Array(32)));
  const records = generateCases(count);
  const fillStart = performance.now();
  // Stored as a pull stores them (encrypted by the middleware).
  await db.cases.bulkPut(records);
  const fillMs = round(performance.now() - fillStart);

  const coldStart = performance.now();
  await searchCases(db, { query: 'ahm', limit: 50 });
  const coldSearchMs = round(performance.now() - coldStart);
  log(`  first search (builds the index): ${coldSearchMs} ms`);

  const all: number[] = [];
  const perQuery: Record<string, QueryFigures> = {};
  for (const [label, filter] of benchQueries) {
    await searchCases(db, { ...filter, limit: 50 }); // warm-up
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      matches = (await searchCases(db, { ...filter, limit: 50 })).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    perQuery[label] = {
      medianMs: round(percentile(times, 0.5)),
      p95Ms: round(percentile(times, 0.95)),
      matches,
    };
    log(
      `  ${label.padEnd(30)} median ${perQuery[label].medianMs} ms, p95 ${perQuery[label].p95Ms} ms, ${matches} matches`,
    );
  }
  const listTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await searchCases(db, { status: 'open', limit: 50 });
    listTimes.push(performance.now() - start);
  }
  listTimes.sort((a, b) => a - b);
  db.close();
  all.sort((a, b) => a - b);
  return {
    fillMs,
    coldSearchMs,
    medianMs: round(percentile(all, 0.5)),
    p95Ms: round(percentile(all, 0.95)),
    unfilteredListMedianMs: round(percentile(listTimes, 0.5)),
    perQuery,
  };
}

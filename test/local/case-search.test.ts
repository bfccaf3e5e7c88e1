import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord, deleteRecord, putRecord } from '../../src/local/write-record';
import { findProbableDuplicates, searchCases } from '../../src/local/case-search';
import type { Case } from '../../src/shared/domain/case';

let db: FeldakteDb;
const ids: Record<string, string> = {};

async function add(key: string, fields: Omit<Case, 'id'>) {
  const result = await createRecord(db, 'cases', fields);
  if (!result.ok) throw new Error(result.message);
  ids[key] = result.id;
}

beforeEach(async () => {
  db = openDatabase(`test-${Math.random().toString(36).slice(2)}`);
  await add('ahmad', {
    givenName: 'Ahmad',
    familyName: 'Karimi',
    status: 'active',
    assignedTo: 'u1',
  });
  await add('mueller', {
    givenName: 'Jonas',
    familyName: 'Müller',
    status: 'intake',
    assignedTo: 'u2',
  });
  await add('mohammed', {
    givenName: 'Mohammed',
    familyName: 'Al-Hassan',
    otherNames: ['Muhammad Alhasan'],
    status: 'paused',
    assignedTo: 'u1',
  });
  await add('amina', {
    givenName: 'Amina',
    familyName: 'Ahmadi',
    status: 'closed',
    closingReason: 'work',
    assignedTo: 'u2',
  });
});
afterEach(() => db.close());

const names = async (filter: Parameters<typeof searchCases>[1]) =>
  (await searchCases(db, filter)).cases.map((c) => c.givenName);

describe('case search', () => {
  it('finds "Ahmad" by "ahm" (and Ahmadi only among all cases)', async () => {
    expect(await names({ query: 'ahm' })).toEqual(['Ahmad']);
    expect(await names({ query: 'ahm', status: 'all' })).toEqual(['Amina', 'Ahmad']);
  });

  it('finds "Müller" by "muller", case- and accent-insensitive', async () => {
    expect(await names({ query: 'muller' })).toEqual(['Jonas']);
    expect(await names({ query: 'MÜL' })).toEqual(['Jonas']);
  });

  it('finds a person by another spelling of the name', async () => {
    expect(await names({ query: 'muhammad' })).toEqual(['Mohammed']);
    expect(await names({ query: 'alhas' })).toEqual(['Mohammed']);
    expect(await names({ query: 'hassan' })).toEqual(['Mohammed']);
  });

  it.each([
    ['jusuf', 'Yusuf'],
    ['Youssef', 'Yusuf'],
    ['Muhammad', 'Mohammed'],
    ['mohamad', 'Mohammed'],
    ['Ahmed', 'Ahmad'],
    ['Achmed karimi', 'Ahmad'],
    ['Husain', 'Hussein'],
    ['Mueller', 'Jonas'],
  ])('finds a transliteration variant: "%s" finds %s (issue 13)', async (query, name) => {
    await add('yusuf', { givenName: 'Yusuf', familyName: 'Tesfaye', status: 'active' });
    await add('hussein', { givenName: 'Hussein', familyName: 'Rahimi', status: 'active' });
    expect(await names({ query })).toContain(name);
  });

  it('"Zulaika" finds "Zuleikha", "karawi" finds "Qarawiwalli" (issue 26: the person matcher)', async () => {
    await add('zuleikha', { givenName: 'Zuleikha', familyName: 'Qarawiwalli', status: 'active' });
    expect(await names({ query: 'Zulaika' })).toEqual(['Zuleikha']);
    expect(await names({ query: 'zulai' })).toEqual(['Zuleikha']);
    expect(await names({ query: 'karawi' })).toEqual(['Zuleikha']);
    expect(await names({ query: 'Suleika Karawiwali' })).toEqual(['Zuleikha']);
    // Sounding alike is not enough for a different name: Zahra is not Sara.
    await add('sara', { givenName: 'Sara', familyName: 'Nouri', status: 'active' });
    expect(await names({ query: 'Zahra' })).not.toContain('Sara');
  });

  it('lists spelling matches before sound-alike ones', async () => {
    await add('ahmed', { givenName: 'Ahmed', familyName: 'Zeidan', status: 'active' });
    // Karimi's "Ahmad" only sounds like the query; Zeidan's "Ahmed" is spelled like it.
    expect(await names({ query: 'ahmed' })).toEqual(['Ahmed', 'Ahmad']);
  });

  it('needs every word of the query to match', async () => {
    expect(await names({ query: 'ahmad kar' })).toEqual(['Ahmad']);
    expect(await names({ query: 'ahmad mül' })).toEqual([]);
  });

  it('matches word starts only', async () => {
    expect(await names({ query: 'mad' })).toEqual([]);
  });

  it('lists open cases by family name without a query; closed ones only when asked', async () => {
    expect(await names({})).toEqual(['Mohammed', 'Ahmad', 'Jonas']);
    expect(await names({ status: 'closed' })).toEqual(['Amina']);
    expect(await names({ status: 'all' })).toEqual(['Amina', 'Mohammed', 'Ahmad', 'Jonas']);
  });

  it('filters by status and by assigned THM', async () => {
    expect(await names({ status: 'paused' })).toEqual(['Mohammed']);
    expect(await names({ assignedTo: 'u1' })).toEqual(['Mohammed', 'Ahmad']);
    expect(await names({ assignedTo: 'u2', status: 'all' })).toEqual(['Amina', 'Jonas']);
    expect(await names({ query: 'a', assignedTo: 'u1' })).toEqual(['Mohammed', 'Ahmad']);
  });

  it('filters cases with open tasks', async () => {
    const task = await createRecord(db, 'tasks', {
      caseId: ids.mueller,
      title: 'Zeugnis abholen',
      dueOn: '2025-03-20',
      kind: 'follow_up',
    });
    expect(await names({ withOpenTasks: true })).toEqual(['Jonas']);
    if (task.ok) await putRecord(db, 'tasks', task.id, { doneOn: '2025-03-14' });
    expect(await names({ withOpenTasks: true })).toEqual([]);
  });

  it('keeps in step with renames, deletions and new cases after the first search', async () => {
    expect(await names({ query: 'karimi' })).toEqual(['Ahmad']);
    await putRecord(db, 'cases', ids.ahmad!, { familyName: 'Rahimi' });
    expect(await names({ query: 'karimi' })).toEqual([]);
    expect(await names({})).toEqual(['Mohammed', 'Jonas', 'Ahmad']);
    await deleteRecord(db, 'cases', ids.mueller!);
    await add('zoe', { givenName: 'Zoë', familyName: 'Bauer', status: 'intake' });
    expect(await names({})).toEqual(['Mohammed', 'Zoë', 'Ahmad']);
    expect(await names({ query: 'zoe' })).toEqual(['Zoë']);
  });

  it('rebuilds after a bulk write (a pulled page of cases)', async () => {
    expect((await searchCases(db, { status: 'all' })).total).toBe(4);
    const pulled = Array.from({ length: 60 }, (_, i) => ({
      id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      givenName: 'Sara',
      familyName: `Nouri${i}`,
      status: 'active' as const,
    }));
    await db.cases.bulkPut(pulled);
    expect((await searchCases(db, { query: 'sara' })).total).toBe(60);
  });

  it('finds a renamed case by its new name only', async () => {
    await putRecord(db, 'cases', ids.ahmad!, { familyName: 'Rahimi' });
    expect(await names({ query: 'karimi' })).toEqual([]);
    expect(await names({ query: 'rahimi' })).toEqual(['Ahmad']);
  });

  it('sees a case written through another connection (another tab, the service worker)', async () => {
    expect(await names({ query: 'omid' })).toEqual([]);
    const other = openDatabase(db.name.replace(/^feldakte-/, ''));
    await createRecord(other, 'cases', {
      givenName: 'Omid',
      familyName: 'Rahimi',
      status: 'active',
    });
    other.close();
    expect(await names({ query: 'omid' })).toEqual(['Omid']);
  });

  it('returns a page and the total', async () => {
    const result = await searchCases(db, { status: 'all', limit: 2 });
    expect(result.cases.map((c) => c.givenName)).toEqual(['Amina', 'Mohammed']);
    expect(result.total).toBe(4);
  });
});

describe('probable duplicates while a case is typed (issue 26)', () => {
  const found = async (person: Parameters<typeof findProbableDuplicates>[1], excludeId?: string) =>
    (await findProbableDuplicates(db, person, excludeId ? { excludeId } : {})).map(
      (d) => `${d.case.givenName} ${d.case.familyName}`,
    );

  it('finds another spelling, swapped names and a missing birth date', async () => {
    expect(await found({ givenName: 'Muhammad', familyName: 'Alhasan' })).toEqual([
      'Mohammed Al-Hassan',
    ]);
    expect(await found({ givenName: 'Karimi', familyName: 'Achmed' })).toEqual(['Ahmad Karimi']);
    expect(
      await found({ givenName: 'Jonas', familyName: 'Mueller', birthDate: '2004-02-02' }),
    ).toEqual(['Jonas Müller']);
  });

  it('names nobody for another person, a half-typed name or the case itself', async () => {
    expect(await found({ givenName: 'Mahmoud', familyName: 'Karimi' })).toEqual([]);
    expect(await found({ givenName: '', familyName: '' })).toEqual([]);
    expect(await found({ givenName: 'Ahmad', familyName: 'Karimi' }, ids.ahmad)).toEqual([]);
  });

  it('a different birth date of the same name is no longer probable', async () => {
    await putRecord(db, 'cases', ids.ahmad!, { birthDate: '2003-05-01' });
    expect(
      await found({ givenName: 'Ahmad', familyName: 'Karimi', birthDate: '1998-11-20' }),
    ).toEqual([]);
    expect(
      await found({ givenName: 'Ahmad', familyName: 'Karimi', birthDate: '2003-05-01' }),
    ).toEqual(['Ahmad Karimi']);
  });
});

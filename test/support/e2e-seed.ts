// Fills a running e2e server with a team's case load through the real push endpoint, the way a
// phone would (one case with its statuses, needs, contacts and tasks after another). Used by the
// benchmarks (first sync, first screen) and by e2e tests that need volume.
import { newRecordId } from '../../src/shared/domain/record-id';
import { formatHlc } from '../../src/shared/sync/hlc';
import {
  MAX_MUTATIONS_PER_PUSH,
  SCHEMA_VERSION,
  type Mutation,
  type PushResponse,
} from '../../src/shared/sync/protocol';
import type { E2eServer } from './e2e-server';

export interface SeedOptions {
  email: string;
  cases: number;
  /** Child records per case, spread over statuses, needs, contacts and tasks. */
  childrenPerCase: number;
}

export interface SeedResult {
  records: number;
  ms: number;
}

const givenNames = [
  'Amina',
  'Yusuf',
  'Mariam',
  'Ahmad',
  'Sara',
  'Omid',
  'Lina',
  'Karim',
  'Hiba',
  'Samir',
];
const familyNames = [
  'Haddad',
  'Rahimi',
  'Nazari',
  'Okafor',
  'Tesfaye',
  'Mohammadi',
  'Yilmaz',
  'Diallo',
];
const countries = ['Syrien', 'Afghanistan', 'Irak', 'Eritrea', 'Guinea', 'Iran', 'Somalia'];

/** Signs in with the e-mail and returns the session cookie. */
export async function sessionCookie(server: E2eServer, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: server.password }),
  });
  if (!response.ok) throw new Error(`sign-in for seeding failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

export async function seedCaseLoad(server: E2eServer, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const cookie = await sessionCookie(server, options.email);
  const clientId = newRecordId();
  let nextId = 1;
  let batch: Mutation[] = [];
  let records = 0;
  const base = Date.now() - 24 * 60 * 60_000;

  const flush = async () => {
    if (batch.length === 0) return;
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: batch }),
    });
    if (!response.ok)
      throw new Error(`seed push failed: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as PushResponse;
    const rejected = result.results.find((item) => item.status === 'rejected');
    if (rejected) throw new Error(`seed record rejected: ${rejected.reason}`);
    batch = [];
  };
  const add = async (table: Mutation['table'], fields: Record<string, unknown>) => {
    const id = nextId++;
    batch.push({
      id,
      table,
      recordId: newRecordId(base + id),
      op: 'put',
      fields,
      hlc: formatHlc({ ms: base + id, counter: 0, node: clientId }),
      baseCursor: 0,
    });
    records += 1;
    if (batch.length === MAX_MUTATIONS_PER_PUSH) await flush();
  };

  for (let i = 0; i < options.cases; i++) {
    const caseId = newRecordId(base + nextId);
    batch.push({
      id: nextId,
      table: 'cases',
      recordId: caseId,
      op: 'put',
      fields: caseFields(i),
      hlc: formatHlc({ ms: base + nextId, counter: 0, node: clientId }),
      baseCursor: 0,
    });
    nextId += 1;
    records += 1;
    if (batch.length === MAX_MUTATIONS_PER_PUSH) await flush();
    for (let c = 0; c < options.childrenPerCase; c++) {
      const [table, fields] = childFields(c, i, caseId);
      await add(table, fields);
    }
  }
  await flush();
  return { records, ms: performance.now() - started };
}

function caseFields(i: number): Record<string, unknown> {
  const year = 1998 + (i % 9);
  return {
    givenName: `${givenNames[i % givenNames.length]}`,
    familyName: `${familyNames[i % familyNames.length]} ${i}`,
    birthDate: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    countryOfOrigin: countries[i % countries.length],
    languages: 'Arabisch, Deutsch',
    germanLevel: 'A2',
    phone: `0171 ${String(1_000_000 + i)}`,
    status: 'active',
    createdOn: '2024-09-01',
  };
}

const futureDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function childFields(
  c: number,
  i: number,
  caseId: string,
): [Mutation['table'], Record<string, unknown>] {
  switch (c % 4) {
    case 0:
      return [
        'statuses',
        { caseId, kind: 'duldung', issuedOn: '2024-06-01', validUntil: futureDay(90 + (i % 200)) },
      ];
    case 1:
      return [
        'needs',
        {
          caseId,
          category: 'language',
          priority: 'medium',
          source: 'self',
          status: 'open',
          description: 'Deutschkurs B1 finden',
        },
      ];
    case 2:
      return [
        'contacts',
        {
          caseId,
          at: new Date(Date.now() - (i % 300) * 3_600_000).toISOString(),
          channel: 'phone',
          summary: 'Termin beim Jobcenter besprochen',
        },
      ];
    default:
      return [
        'tasks',
        {
          caseId,
          title: 'Unterlagen nachreichen',
          dueOn: futureDay(7 + (i % 30)),
          kind: 'follow_up',
        },
      ];
  }
}

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
  /** The THM in charge of every `every`-th case (the device's "Meine" on Heute). */
  assign?: { userId: string; every: number };
  /**
   * What Heute lists, on the assigned cases (or the first ones without `assign`): appointments
   * today, tasks due today and overdue, residence statuses that run out within 30 days. Today is
   * the date in Europe/Berlin, the e2e phones' time zone.
   */
  today?: { appointments: number; dueTasks: number; overdueTasks: number; expiring: number };
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

  const today = berlinToday();
  let own = 0;
  for (let i = 0; i < options.cases; i++) {
    const caseId = newRecordId(base + nextId);
    const assigned = options.assign && i % options.assign.every === 0;
    batch.push({
      id: nextId,
      table: 'cases',
      recordId: caseId,
      op: 'put',
      fields: { ...caseFields(i), ...(assigned ? { assignedTo: options.assign!.userId } : {}) },
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
    if (options.today && (assigned || !options.assign)) {
      for (const [table, fields] of todayFields(options.today, own++, caseId, today)) {
        await add(table, fields);
      }
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

/** Today's date (YYYY-MM-DD) in Europe/Berlin. */
export function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Heute's records for the `n`-th case that gets them. */
function todayFields(
  load: NonNullable<SeedOptions['today']>,
  n: number,
  caseId: string,
  today: string,
): [Mutation['table'], Record<string, unknown>][] {
  const out: [Mutation['table'], Record<string, unknown>][] = [];
  if (n < load.appointments) {
    // From 06:00 UTC (07:00 or 08:00 in Berlin): inside Berlin's today whenever the bench runs.
    const start = Date.parse(`${today}T06:00:00Z`) + n * 20 * 60_000;
    out.push([
      'appointments',
      {
        caseId,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 45 * 60_000).toISOString(),
        mode: n % 3 === 0 ? 'phone' : 'in_person',
        status: 'confirmed',
        purpose: 'counselling',
      },
    ]);
  }
  if (n < load.dueTasks) {
    out.push(['tasks', { caseId, title: 'Rückruf Jobcenter', dueOn: today, kind: 'follow_up' }]);
  }
  if (n < load.overdueTasks) {
    out.push([
      'tasks',
      {
        caseId,
        title: 'Unterlagen anfordern',
        dueOn: shiftDay(today, -3 - (n % 20)),
        kind: 'follow_up',
      },
    ]);
  }
  if (n < load.expiring) {
    out.push([
      'statuses',
      {
        caseId,
        kind: 'duldung',
        issuedOn: '2025-01-15',
        validUntil: shiftDay(today, 5 + (n % 20)),
      },
    ]);
  }
  return out;
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

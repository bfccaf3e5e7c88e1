// The team report on each store backend (report.pglite.test.ts, report.pg.test.ts): every indicator
// against a hand-counted fixture, the published (suppressed) endpoint, CSV, roles and isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { teamReportCounts } from '../../src/server/reports/team-report-counts';
import type { ReportSummary } from '../../src/shared/reports/report';
import { HIDDEN_COUNT, SMALL_COUNT, WITHHELD_COUNT } from '../../src/shared/reports/suppress';
import {
  signIn,
  addUser,
  startTestServer,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import { idMadeOn, seedRecords, type SeedRow } from '../support/report-fixtures';

const Q1 = { from: '2026-01-01', to: '2026-03-31' };

/**
 * Team "Bericht A" in Q1 2026. Hand count (see each record's comment):
 * reached: c1 ongoing, c2 new, c3 closed, c7 closed, c8 ongoing (c4 closed before, c5 after,
 * c6 deleted).
 */
function fixture(): { rows: SeedRow[]; ids: Record<string, string> } {
  const ids: Record<string, string> = {};
  for (const name of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'p1', 'p2', 'o1', 'o2'])
    ids[name] = idMadeOn('2025-01-01');
  ids.c8 = idMadeOn('2025-11-01'); // no createdOn: the UUIDv7 time counts
  const kase = (name: string, fields: Record<string, unknown>, deleted = false): SeedRow => ({
    tbl: 'cases',
    id: ids[name],
    fields: { givenName: 'Vorname', familyName: name, ...fields },
    deleted,
  });
  const child = (tbl: string, caseName: string | null, fields: Record<string, unknown>) => ({
    tbl,
    fields: { ...(caseName ? { caseId: ids[caseName] } : {}), ...fields },
  });
  const contact = (c: string, at: string, channel: string) => child('contacts', c, { at, channel });
  const appt = (c: string | null, startsAt: string, mode: string, status: string, more = {}) =>
    child('appointments', c, { startsAt, endsAt: startsAt, mode, status, ...more });
  const referral = (c: string, fields: Record<string, unknown>) =>
    child('referrals', c, { direction: 'out', ...fields });
  const rows: SeedRow[] = [
    kase('c1', {
      status: 'active',
      createdOn: '2025-06-01',
      gender: 'female',
      birthDate: '2004-05-10', // 21 on 31 March 2026
    }),
    kase('c2', {
      status: 'intake',
      createdOn: '2026-02-10',
      gender: 'male',
      birthDate: '2007-12-01',
    }),
    kase('c3', {
      status: 'closed',
      createdOn: '2025-01-01',
      closedOn: '2026-03-15',
      closingReason: 'training',
      gender: 'diverse',
      birthDate: '1998-01-01',
    }),
    kase('c4', {
      status: 'closed',
      createdOn: '2025-01-01',
      closedOn: '2025-12-20',
      closingReason: 'moved',
    }),
    kase('c5', { status: 'inquiry', createdOn: '2026-04-02', gender: 'female' }),
    kase('c6', { status: 'active', createdOn: '2026-01-05', gender: 'female' }, true),
    kase('c7', {
      status: 'closed',
      createdOn: '2026-01-20',
      closedOn: '2026-02-28',
      closingReason: 'work',
    }),
    kase('c8', { status: 'paused', gender: 'female', birthDate: '2010-01-01' }),
    // Residence: c1 latest = Aufenthaltserlaubnis (Feb 2026), c3 Gestattung (the 2026-05 one is
    // after the period), c7 Duldung, c8 unclear, c2 none.
    child('statuses', 'c1', { kind: 'duldung_ausbildung', issuedOn: '2025-07-01' }),
    child('statuses', 'c1', { kind: 'aufenthaltserlaubnis', issuedOn: '2026-02-01' }),
    child('statuses', 'c3', { kind: 'gestattung', issuedOn: '2024-01-01' }),
    child('statuses', 'c3', { kind: 'niederlassung', issuedOn: '2026-05-01' }),
    child('statuses', 'c7', { kind: 'duldung', issuedOn: '2026-01-21' }),
    child('statuses', 'c8', { kind: 'unclear' }),
    // Contacts: Jan in_person, phone, messenger (00:30 German time on 1 Jan); Feb phone, outreach;
    // Mar email. Not counted: 1 April German time, a deleted case's, a deleted contact.
    contact('c1', '2026-01-05T10:00:00.000Z', 'in_person'),
    contact('c1', '2026-01-20T09:00:00.000Z', 'phone'),
    contact('c1', '2026-02-03T12:00:00.000Z', 'phone'),
    contact('c1', '2025-12-31T23:30:00.000Z', 'messenger'),
    contact('c1', '2026-03-31T22:30:00.000Z', 'video'),
    contact('c2', '2026-02-15T08:00:00.000Z', 'outreach'),
    contact('c2', '2026-03-01T08:00:00.000Z', 'email'),
    // Written with an offset (another client): 1 March and 1 April German time.
    contact('c2', '2026-03-01T00:30:00+01:00', 'letter'),
    contact('c2', '2026-04-01T00:10:00+02:00', 'letter'),
    contact('c6', '2026-01-06T08:00:00.000Z', 'phone'),
    { ...contact('c1', '2026-01-07T08:00:00.000Z', 'phone'), deleted: true },
    // Appointments: attended in_person a1, a4 (case conference), a6 (group event); video a3;
    // no-show phone a2, in_person a9 (a conference that did not happen).
    appt('c1', '2026-01-05T09:00:00.000Z', 'in_person', 'attended'),
    appt('c1', '2026-02-01T10:00:00.000Z', 'phone', 'no_show'),
    appt('c2', '2026-03-10T10:00:00.000Z', 'video', 'attended'),
    appt('c3', '2026-03-01T10:00:00.000Z', 'in_person', 'attended', { purpose: 'case_conference' }),
    appt('c1', '2026-03-20T10:00:00.000Z', 'in_person', 'confirmed'),
    appt(null, '2026-02-10T17:00:00.000Z', 'in_person', 'attended', { title: 'Infoabend' }),
    appt('c1', '2025-12-15T10:00:00.000Z', 'in_person', 'attended'),
    appt('c2', '2026-02-20T10:00:00.000Z', 'in_person', 'cancelled_client'),
    appt('c1', '2026-03-02T10:00:00.000Z', 'in_person', 'no_show', { purpose: 'case_conference' }),
    {
      tbl: 'partners',
      id: ids.p1,
      fields: { name: 'Jobcenter Mitte', kind: 'jobcenter', agreement: 'none' },
    },
    { tbl: 'partners', id: ids.p2, fields: { name: 'VHS', kind: 'vhs', agreement: 'none' } },
    {
      tbl: 'offers',
      id: ids.o1,
      fields: { partnerId: ids.p2, title: 'Deutschkurs B1', targetStatuses: [] },
    },
    {
      tbl: 'offers',
      id: ids.o2,
      fields: { partnerId: ids.p1, title: 'Bewerbungstraining', targetStatuses: [] },
    },
    referral('c1', {
      partnerId: ids.p2,
      offerId: ids.o1,
      sentOn: '2026-01-10',
      status: 'accepted',
    }),
    referral('c2', {
      partnerId: ids.p2,
      offerId: ids.o1,
      sentOn: '2026-02-11',
      status: 'waitlisted',
    }),
    referral('c1', {
      partnerId: ids.p1,
      offerId: ids.o2,
      sentOn: '2026-03-05',
      status: 'completed',
    }),
    referral('c3', { partnerId: ids.p1, sentOn: '2026-01-15', status: 'declined' }),
    referral('c1', { partnerId: ids.p1, offerId: ids.o2, status: 'draft' }),
    referral('c2', { partnerId: ids.p2, offerId: ids.o1, sentOn: '2025-12-01', status: 'started' }),
    referral('c2', {
      partnerId: ids.p1,
      direction: 'in',
      receivedOn: '2026-02-01',
      status: 'taken_on',
    }),
    referral('c7', {
      partnerId: ids.p2,
      direction: 'in',
      receivedOn: '2026-01-25',
      status: 'received',
    }),
    // Needs: language met in Feb (c1), housing open (c1), language not met (c2), work met after
    // the period (c1: unmet at its end). Not counted: met before the period (c3), c4's.
    child('needs', 'c1', {
      category: 'language',
      status: 'met',
      resolvedOn: '2026-02-01',
      priority: 'high',
      source: 'self',
    }),
    child('needs', 'c1', { category: 'housing', status: 'open', priority: 'high', source: 'self' }),
    child('needs', 'c2', {
      category: 'language',
      status: 'not_met',
      resolvedOn: '2026-03-01',
      priority: 'low',
      source: 'thm',
    }),
    child('needs', 'c3', {
      category: 'work',
      status: 'met',
      resolvedOn: '2025-12-01',
      priority: 'low',
      source: 'thm',
    }),
    child('needs', 'c1', {
      category: 'work',
      status: 'met',
      resolvedOn: '2026-04-10',
      priority: 'low',
      source: 'thm',
    }),
    child('needs', 'c4', { category: 'language', status: 'open', priority: 'low', source: 'thm' }),
    {
      tbl: 'gaps',
      fields: {
        category: 'language',
        description: 'Kein Sprachkurs mit Kinderbetreuung',
        date: '2026-01-15',
      },
    },
    {
      tbl: 'gaps',
      fields: {
        category: 'housing',
        description: 'Keine WG-Zimmer unter 400 €',
        date: '2026-03-02',
      },
    },
    {
      tbl: 'gaps',
      fields: { category: 'language', description: 'Abendkurs fehlt', date: '2025-12-01' },
    },
    // Consents for the "reports need consent" setting: c1 has one, c2 withdrew hers in January.
    child('consents', 'c1', { purpose: 'reporting', givenOn: '2025-06-01' }),
    child('consents', 'c2', {
      purpose: 'reporting',
      givenOn: '2026-02-10',
      withdrawnOn: '2026-03-01',
    }),
  ];
  return { rows, ids };
}

/** Sums raw rows by the named columns, for readable expectations. */
function by<T extends { n: number }>(rows: T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[key(row)] = (out[key(row)] ?? 0) + row.n;
  return out;
}

export function describeReportContract(backend: string, makeStore: StoreFactory): void {
  describe(`team report on ${backend}`, () => {
    let server: TestServer;
    let teamA: string;
    let teamB: string;
    const cookies: Record<string, string> = {};

    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
      const suffix = Math.random().toString(36).slice(2, 8);
      for (const [name, team, role] of [
        ['thmA', `Bericht A ${suffix}`, 'thm'],
        ['coordA', `Bericht A ${suffix}`, 'coordinator'],
        ['thmB', `Bericht B ${suffix}`, 'thm'],
        ['coordB', `Bericht B ${suffix}`, 'coordinator'],
        ['adminB', `Bericht B ${suffix}`, 'admin'],
      ] as const) {
        const user = await addUser(server.store, { team, role });
        cookies[name] = await signIn(server.app, user.email);
        if (name === 'thmA') teamA = user.teamId;
        if (name === 'thmB') teamB = user.teamId;
      }
      await seedRecords(server.store, teamA, fixture().rows);
      // Team B's records must never show up in team A's report.
      await seedRecords(server.store, teamB, [
        { tbl: 'cases', fields: { status: 'active', createdOn: '2026-01-10', gender: 'male' } },
        { tbl: 'gaps', fields: { category: 'work', description: 'B', date: '2026-01-10' } },
      ]);
    });
    afterAll(() => server?.close());

    const get = (who: string, url: string): Promise<LightMyRequestResponse> =>
      server.app.inject({
        method: 'GET',
        url,
        headers: cookies[who] ? { cookie: cookies[who] } : {},
      });
    const summary = async (who: string, query: string) => {
      const response = await get(who, `/api/reports/summary?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ReportSummary>();
    };

    it('counts persons reached by stage, gender, age band and residence status', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, false);
      expect(by(counts.persons, (p) => p.stage)).toEqual({ new: 1, ongoing: 2, closed: 2 });
      expect(by(counts.persons, (p) => p.gender)).toEqual({
        female: 2,
        male: 1,
        diverse: 1,
        not_stated: 1,
      });
      expect(by(counts.persons, (p) => String(p.age))).toEqual({
        '16': 1,
        '18': 1,
        '21': 1,
        '28': 1,
        null: 1,
      });
      expect(by(counts.persons, (p) => p.residence)).toEqual({
        aufenthaltserlaubnis: 1,
        none: 1,
        gestattung: 1,
        duldung: 1,
        unclear: 1,
      });
    });

    it('counts contacts by channel and German calendar month', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, false);
      expect(by(counts.contacts, (c) => c.channel)).toEqual({
        in_person: 1,
        phone: 2,
        messenger: 1,
        outreach: 1,
        email: 1,
        letter: 1,
      });
      expect(by(counts.contacts, (c) => c.month)).toEqual({
        '2026-01': 3,
        '2026-02': 2,
        '2026-03': 2,
      });
    });

    it('counts appointments attended and missed by mode, and case conferences held', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, false);
      expect(by(counts.appointments, (a) => `${a.status} ${a.mode}`)).toEqual({
        'attended in_person': 3,
        'attended video': 1,
        'no_show phone': 1,
        'no_show in_person': 1,
      });
      expect(counts.conferences.n).toBe(1);
    });

    it('counts referrals by partner kind, offer and outcome, and referrals received', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, false);
      expect(by(counts.referralsOut, (r) => r.partnerKind)).toEqual({ vhs: 2, jobcenter: 2 });
      expect(by(counts.referralsOut, (r) => r.offer)).toEqual({
        'Deutschkurs B1': 2,
        Bewerbungstraining: 1,
        '': 1,
      });
      expect(by(counts.referralsOut, (r) => r.status)).toEqual({
        accepted: 1,
        waitlisted: 1,
        completed: 1,
        declined: 1,
      });
      expect(by(counts.referralsIn, (r) => r.status)).toEqual({ taken_on: 1, received: 1 });
    });

    it('counts closing reasons, needs (met and unmet) and gaps of the period', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, false);
      expect(by(counts.closing, (c) => c.reason)).toEqual({ training: 1, work: 1 });
      expect(by(counts.needs, (n) => `${n.category} ${n.met ? 'met' : 'unmet'}`)).toEqual({
        'language met': 1,
        'language unmet': 1,
        'housing unmet': 1,
        'work unmet': 1,
      });
      expect(
        counts.gaps.map(({ category, description, date }) => ({ category, description, date })),
      ).toEqual([
        { category: 'housing', description: 'Keine WG-Zimmer unter 400 €', date: '2026-03-02' },
        {
          category: 'language',
          description: 'Kein Sprachkurs mit Kinderbetreuung',
          date: '2026-01-15',
        },
      ]);
      // Every count carries the sum of its records' report keys (the cell-key method).
      for (const row of [...counts.persons, ...counts.contacts, ...counts.needs, ...counts.gaps]) {
        expect(Number.isInteger(row.k) && row.k >= 0).toBe(true);
      }
    });

    it('with "reports need consent" counts only cases with a reporting consent', async () => {
      const counts = await teamReportCounts(server.store, teamA, Q1, true);
      expect(by(counts.persons, (p) => p.stage)).toEqual({ ongoing: 1 });
      expect(by(counts.contacts, (c) => c.channel)).toEqual({
        in_person: 1,
        phone: 2,
        messenger: 1,
      });
      // The group event has no person and still counts.
      expect(by(counts.appointments, (a) => `${a.status} ${a.mode}`)).toEqual({
        'attended in_person': 2,
        'no_show phone': 1,
        'no_show in_person': 1,
      });
    });

    it('the endpoint publishes every count of 1-4 as "<5" and zeros as 0', async () => {
      const report = await summary('coordA', `from=${Q1.from}&to=${Q1.to}`);
      expect(report.from).toBe(Q1.from);
      expect(report.to).toBe(Q1.to);
      expect(report.indicators.contactsByChannel).toEqual({
        in_person: SMALL_COUNT,
        outreach: SMALL_COUNT,
        // Two calls, one in each of two months that show "<5": the quarter's 2 would say 1 + 1.
        phone: WITHHELD_COUNT,
        video: 0,
        messenger: SMALL_COUNT,
        email: SMALL_COUNT,
        letter: SMALL_COUNT,
      });
      expect(report.indicators.personsReached).toEqual({
        new: SMALL_COUNT,
        ongoing: SMALL_COUNT,
        // c3 closed in March, c7 in February: 2 over two months is 1 + 1 (the spread rule).
        closed: WITHHELD_COUNT,
      });
      expect(report.indicators.personsByAgeBand['24-26']).toBe(0);
      expect(report.indicators.caseConferences).toEqual({ held: SMALL_COUNT });
      // A gap area counted "<5" lists no texts (they would give its count away).
      expect(report.indicators.gapsByCategory.housing).toBe(SMALL_COUNT);
      expect(report.gaps).toEqual([]);
      expect(report.method).toEqual({ name: 'cell-key', ptable: 'feldakte-ckm-1', maxNoise: 2 });
      // Needs against status groups and offers: the open ones no referral answers.
      expect(report.indicators.needsUnreferredByCategory.housing).toBe(SMALL_COUNT);
      expect(report.indicators.needsUnreferredByCategory.health).toBe(0);
      expect(report.tables.needsByResidenceStatus.total).toBe(SMALL_COUNT);
      // No figure anywhere in the answer is a number from 1 to 4.
      const numbers = JSON.stringify(report.indicators) + JSON.stringify(report.tables);
      expect(numbers).not.toMatch(/:[1-4][,}]/);
    });

    it('the total beside a small count is published with its noise, the same on every ask', async () => {
      const t = await addUser(server.store, {
        team: `Bericht S ${Math.random()}`,
        role: 'coordinator',
      });
      const cookie = await signIn(server.app, t.email);
      const [caseId] = await seedRecords(server.store, t.teamId, [
        { tbl: 'cases', fields: { status: 'active', createdOn: '2025-01-01' } },
      ]);
      const rows: SeedRow[] = [];
      const add = (n: number, channel: string) => {
        for (let i = 0; i < n; i++)
          rows.push({
            tbl: 'contacts',
            fields: { caseId, channel, at: `2026-01-1${i % 10}T10:00:00.000Z` },
          });
      };
      add(12, 'in_person');
      add(7, 'phone');
      add(3, 'video');
      await seedRecords(server.store, t.teamId, rows);
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/reports/summary?from=2026-01-01&to=2026-01-31',
        headers: { cookie },
      });
      const report = response.json<ReportSummary>();
      const channels = report.indicators.contactsByChannel;
      expect(channels.video).toBe(SMALL_COUNT);
      // 12, 7 and the total 22 are published within the p-table's bounds (at most 2 off): the
      // total no longer gives video = 3 away, so nothing is hidden.
      const near = (value: unknown, n: number) =>
        expect(typeof value === 'number' && Math.abs(value - n) <= 2).toBe(true);
      near(channels.in_person, 12);
      near(channels.phone, 7);
      near(report.indicators.contactsByMonth['2026-01'], 22);
      expect(JSON.stringify(report)).not.toContain(`"${HIDDEN_COUNT}"`);
      // The same records give the same figures, however often the report is asked for.
      const again = await server.app.inject({
        method: 'GET',
        url: '/api/reports/summary?from=2026-01-01&to=2026-01-31',
        headers: { cookie },
      });
      expect(again.json<ReportSummary>().indicators).toEqual(report.indicators);
      expect(again.json<ReportSummary>().tables).toEqual(report.tables);
    });

    it('lists the gap texts of an area only where its count is 5 or more in every month', async () => {
      const t = await addUser(server.store, {
        team: `Bericht G ${Math.random()}`,
        role: 'coordinator',
      });
      const cookie = await signIn(server.app, t.email);
      const gap = (category: string, date: string, i: number): SeedRow => ({
        tbl: 'gaps',
        fields: { category, description: `${category} ${date} ${i}`, date },
      });
      await seedRecords(server.store, t.teamId, [
        // Language: 5 in January, 6 in February; work: 6 in January and 2 in March.
        ...[0, 1, 2, 3, 4].map((i) => gap('language', '2026-01-20', i)),
        ...[0, 1, 2, 3, 4, 5].map((i) => gap('language', '2026-02-03', i)),
        ...[0, 1, 2, 3, 4, 5].map((i) => gap('work', '2026-01-08', i)),
        ...[0, 1].map((i) => gap('work', '2026-03-11', i)),
      ]);
      const texts = async (from: string, to: string) => {
        const response = await server.app.inject({
          method: 'GET',
          url: `/api/reports/summary?from=${from}&to=${to}`,
          headers: { cookie },
        });
        const report = response.json<ReportSummary>();
        return [...new Set(report.gaps.map((g) => g.category))];
      };
      expect(await texts('2026-01-01', '2026-01-31')).toEqual(['language', 'work']);
      // Q1 would list work's 8 texts although March has 2: a reader would subtract January's.
      expect(await texts('2026-01-01', '2026-03-31')).toEqual(['language']);
      expect(await texts('2026-03-01', '2026-03-31')).toEqual([]);
    });

    it('reports how people were reached, country of origin (small ones grouped), German level and schooling', async () => {
      const t = await addUser(server.store, {
        team: `Bericht P ${Math.random()}`,
        role: 'coordinator',
      });
      const cookie = await signIn(server.app, t.email);
      const person = (country: string, more: Record<string, unknown> = {}): SeedRow => ({
        tbl: 'cases',
        fields: { status: 'active', createdOn: '2025-03-01', countryOfOrigin: country, ...more },
      });
      await seedRecords(server.store, t.teamId, [
        ...Array.from({ length: 6 }, () =>
          person('Syrien', { reachedVia: 'school', germanLevel: 'A2', schooling: 'esa' }),
        ),
        person('Eritrea'),
        person('Eritrea'),
      ]);
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/reports/summary?from=2026-01-01&to=2026-12-31',
        headers: { cookie },
      });
      const report = response.json<ReportSummary>();
      // Eritrea (2) is grouped with the other countries under 5; Syrien (6) is named.
      expect(report.tables.personsByCountry.columns).toEqual(['Syrien', '~other', 'not_recorded']);
      expect(report.indicators.personsByCountry['~other']).toBe(SMALL_COUNT);
      const near = (value: unknown, n: number) =>
        expect(typeof value === 'number' && Math.abs(value - n) <= 2).toBe(true);
      near(report.indicators.personsByCountry.Syrien, 6);
      near(report.indicators.personsByReachedVia.school, 6);
      expect(report.indicators.personsByReachedVia.not_recorded).toBe(SMALL_COUNT);
      near(report.indicators.personsByGermanLevel.A2, 6);
      near(report.indicators.personsBySchooling.esa, 6);
      // The same persons, the same total in every person table.
      const totals = new Set(
        ['personsByGender', 'personsByReachedVia', 'personsByCountry', 'personsBySchooling'].map(
          (key) => report.tables[key as 'personsByGender'].total,
        ),
      );
      expect(totals.size).toBe(1);
    });

    it('gives coordinators the caseload per THM, under the same control; THMs do not get it', async () => {
      const team = `Bericht L ${Math.random()}`;
      const coordinator = await addUser(server.store, { team, role: 'coordinator' });
      const thm = await addUser(server.store, { team, role: 'thm' });
      const other = await addUser(server.store, { team, role: 'thm' });
      const cases = await seedRecords(
        server.store,
        coordinator.teamId,
        Array.from({ length: 9 }, (_, i) => ({
          tbl: 'cases',
          fields: {
            status: 'active',
            createdOn: '2025-05-01',
            assignedTo: i < 7 ? thm.id : other.id,
          },
        })),
      );
      await seedRecords(
        server.store,
        coordinator.teamId,
        cases.slice(0, 6).map((caseId) => ({
          tbl: 'contacts',
          fields: { caseId, channel: 'phone', at: '2026-02-03T10:00:00.000Z', authorId: thm.id },
        })),
      );
      const ask = async (email: string) => {
        const response = await server.app.inject({
          method: 'GET',
          url: '/api/reports/summary?from=2026-01-01&to=2026-12-31',
          headers: { cookie: await signIn(server.app, email) },
        });
        return response.json<ReportSummary>();
      };
      const { caseload } = await ask(coordinator.email);
      expect(caseload!.thms.map((t) => t.id).sort()).toEqual([thm.id, other.id].sort());
      const near = (value: unknown, n: number) =>
        expect(typeof value === 'number' && Math.abs(value - n) <= 2).toBe(true);
      near(caseload!.active[thm.id], 7);
      expect(caseload!.active[other.id]).toBe(SMALL_COUNT);
      expect(caseload!.new[thm.id]).toBe(0);
      near(caseload!.contacts[thm.id], 6);
      expect(caseload!.contacts[other.id]).toBe(0);
      expect((await ask(thm.email)).caseload).toBeUndefined();
    });

    it('fixes the counting rule of a year with its first report', async () => {
      const t = await addUser(server.store, {
        team: `Bericht R ${Math.random()}`,
        role: 'coordinator',
      });
      const cookie = await signIn(server.app, t.email);
      await seedRecords(
        server.store,
        t.teamId,
        Array.from({ length: 7 }, () => ({
          tbl: 'cases',
          fields: { status: 'active', createdOn: '2025-03-01', gender: 'female' },
        })),
      );
      const persons = async (from: string, to: string) => {
        const response = await server.app.inject({
          method: 'GET',
          url: `/api/reports/summary?from=${from}&to=${to}`,
          headers: { cookie },
        });
        const report = response.json<ReportSummary>();
        return { consent: report.consentRequired, total: report.tables.personsByGender.total };
      };
      const before = await persons('2026-01-01', '2026-12-31');
      expect(before.consent).toBe(false);
      expect(typeof before.total).toBe('number');
      await server.store.query(
        `INSERT INTO team_settings (team_id, reports_need_consent, updated_at) VALUES ($1, true, now())
         ON CONFLICT (team_id) DO UPDATE SET reports_need_consent = true`,
        [t.teamId],
      );
      // 2026 was reported under "everyone": its months, quarters and the year stay so.
      expect(await persons('2026-01-01', '2026-12-31')).toEqual(before);
      expect((await persons('2026-02-01', '2026-02-28')).consent).toBe(false);
      // 2027 has no report yet: it counts under the new rule (no case has a consent: 0).
      expect(await persons('2027-01-01', '2027-03-31')).toEqual({ consent: true, total: 0 });
    });

    it('an empty period shows zeros, not errors', async () => {
      const report = await summary('thmA', 'from=2020-01-01&to=2020-01-31');
      expect(report.indicators.contactsByChannel).toEqual({
        in_person: 0,
        outreach: 0,
        phone: 0,
        video: 0,
        messenger: 0,
        email: 0,
        letter: 0,
      });
      expect(report.indicators.personsReached).toEqual({ new: 0, ongoing: 0, closed: 0 });
      expect(report.gaps).toEqual([]);
    });

    it('CSV: text/csv, UTF-8 with BOM, semicolons, German headings, the same figures', async () => {
      const response = await get('coordA', `/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toContain('attachment');
      const raw = response.rawPayload;
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = raw.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('Kennzahl;Kategorie;Anzahl');
      expect(lines).toContain('Kontakte nach Kontaktweg;Telefon;.');
      expect(lines).toContain('Kontakte nach Kontaktweg;Persönlich;<5');
      expect(lines).toContain('Kontakte nach Kontaktweg;Video;0');
      expect(lines).toContain('Kontakte nach Monat;März 2026;<5');
      expect(lines).toContain('Termine wahrgenommen, nach Form;Telefon;0');
      expect(lines).toContain('Notierte Lücken nach Bereich;Wohnen;<5');
      // Every table on screen is in the CSV, with its totals; so is the on-site/remote split.
      expect(lines).toContain('Erreichte Personen nach Stand und Geschlecht;Gesamt;5');
      expect(lines).toContain('Kontakte nach Kontaktweg und Monat;Telefon / Gesamt;.');
      expect(
        lines.some((l) => l.startsWith('Kontakte vor Ort und aus der Ferne;aus der Ferne')),
      ).toBe(true);
      expect(lines.some((l) => l.includes('feldakte-ckm-1'))).toBe(true);
    });

    it('THMs and coordinators see only their own team; admins may name a team', async () => {
      const own = await summary('thmB', `from=${Q1.from}&to=${Q1.to}`);
      expect(own.team.id).toBe(teamB);
      expect(own.indicators.gapsByCategory.work).toBe(SMALL_COUNT);
      for (const who of ['thmB', 'coordB']) {
        const response = await get(
          who,
          `/api/reports/summary?from=${Q1.from}&to=${Q1.to}&team=${teamA}`,
        );
        expect(response.statusCode).toBe(403);
        expect(response.body).not.toContain('Kinderbetreuung');
        const csv = await get(
          who,
          `/api/reports/summary.csv?from=${Q1.from}&to=${Q1.to}&team=${teamA}`,
        );
        expect(csv.statusCode).toBe(403);
      }
      const asAdmin = await summary('adminB', `from=${Q1.from}&to=${Q1.to}&team=${teamA}`);
      expect(asAdmin.team.id).toBe(teamA);
      expect(asAdmin.indicators.gapsByCategory.language).toBe(SMALL_COUNT);
      const unknown = await get(
        'adminB',
        `/api/reports/summary?from=${Q1.from}&to=${Q1.to}&team=nope`,
      );
      expect(unknown.statusCode).toBe(404);
    });

    it('a signed-out request gets 401 and no figures', async () => {
      for (const url of ['/api/reports/summary', '/api/reports/summary.csv']) {
        const response = await get('nobody', `${url}?from=${Q1.from}&to=${Q1.to}`);
        expect(response.statusCode).toBe(401);
      }
    });

    it.each([
      ['from after to', 'from=2026-03-01&to=2026-02-01', 'nach seinem Ende'],
      ['a malformed date', 'from=2026-13-01&to=2026-12-31', 'kein gültiges Datum'],
      ['a date that does not exist', 'from=2026-02-30&to=2026-12-31', 'kein gültiges Datum'],
      ['text instead of a date', 'from=gestern&to=2026-12-31', 'kein gültiges Datum'],
      ['a day-level period', 'from=2026-01-01&to=2026-01-30', 'nur für feste Zeiträume'],
      ['a month but one day', 'from=2026-01-02&to=2026-01-31', 'nur für feste Zeiträume'],
      ['two years', 'from=2025-01-01&to=2026-12-31', 'nur für feste Zeiträume'],
      ['a quarter out of step', 'from=2026-02-01&to=2026-04-30', 'nur für feste Zeiträume'],
      ['a half-year out of step', 'from=2026-04-01&to=2026-09-30', 'nur für feste Zeiträume'],
      ['no period', '', 'Zeitraum'],
      ['only a start', 'from=2026-01-01', 'Zeitraum'],
    ])('%s answers 400 with a German message', async (_name, query, message) => {
      for (const url of ['/api/reports/summary', '/api/reports/summary.csv']) {
        const response = await get('coordA', `${url}?${query}`);
        expect(response.statusCode).toBe(400);
        expect(response.json<{ message: string }>().message).toContain(message);
      }
    });

    it('a month, a quarter, a half-year and a year are allowed', async () => {
      for (const query of [
        'from=2024-02-01&to=2024-02-29',
        'from=2026-10-01&to=2026-12-31',
        'from=2026-07-01&to=2026-12-31',
        'from=2026-01-01&to=2026-12-31',
      ]) {
        await summary('coordA', query);
      }
    });

    it('the 400 for a free period is a message key with its parameters', async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/reports/summary?from=2026-01-05&to=2026-01-20',
        headers: { cookie: cookies.coordA! },
      });
      expect(response.statusCode).toBe(400);
      const body = response.json<{ error: string; code: string; params: Record<string, string> }>();
      expect(body.error).toBe('invalid_period');
      expect(body.code).toBe('server.reports.notFixedPeriod');
      expect(body.params).toEqual({ from: '2026-01-05', to: '2026-01-20' });
    });
  });
}

// Team report: one team with 2,000 cases, 20,000 contacts and 5,000 referrals (plus statuses,
// needs, appointments, partners, offers and gaps), the one-year report over HTTP (inject) against
// PostgreSQL, 40 runs after 5 warm-ups. Budget (ARCHITECTURE.md): p95 <= 500 ms. Fresh schema,
// dropped afterwards.
//   npx tsx test/bench/report.ts      (or: npm run bench -- report)
// Env: BENCH_DATABASE_URL / TEST_DATABASE_URL, BENCH_RUNS (40).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { openPgStore } from '../../src/server/store/pg-store';
import { migrate } from '../../src/server/store/migrate';
import { createTeam, createUser } from '../../src/server/auth/accounts';
import { contactChannels } from '../../src/shared/domain/contact';
import { needCategories, needStatuses } from '../../src/shared/domain/need';
import { residenceKinds } from '../../src/shared/domain/residence-status';
import { partnerKinds } from '../../src/shared/domain/partner';
import { closingReasons, genders } from '../../src/shared/domain/case';
import { appointmentModes } from '../../src/shared/domain/appointment';
import { seedRecords, type SeedRow } from '../support/report-fixtures';
import { seededRandom } from '../support/seeded-random';
import { finish } from './budget';

const BUDGET_MS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'bench-passwort-1';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await openPgStore({ connectionString: DATABASE_URL, schema });
  try {
    await migrate(store);
    const team = await createTeam(store, 'Bericht Bench');
    await createUser(store, {
      teamName: team.name,
      email: 'koordination@bench.example',
      name: 'Koordination',
      role: 'coordinator',
      password: PASSWORD,
    });
    const rng = seededRandom(14);
    const random = () => rng.next();
    const pick = <T>(list: readonly T[]): T => rng.pick(list);
    const day = (year: number) => {
      const d = new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    const instant = (year: number) =>
      new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365 * 86_400_000)).toISOString();

    const started = performance.now();
    const partners: SeedRow[] = Array.from({ length: 40 }, (_, i) => ({
      tbl: 'partners',
      fields: { name: `Partner ${i}`, kind: pick(partnerKinds), agreement: 'none' },
    }));
    const partnerIds = await seedRecords(store, team.id, partners);
    const offerIds = await seedRecords(
      store,
      team.id,
      Array.from({ length: 80 }, (_, i) => ({
        tbl: 'offers',
        fields: { partnerId: pick(partnerIds), title: `Angebot ${i}`, targetStatuses: [] },
      })),
    );
    const cases: SeedRow[] = Array.from({ length: 2_000 }, () => {
      const closed = random() < 0.3;
      return {
        tbl: 'cases',
        fields: {
          givenName: 'Vorname',
          familyName: 'Nachname',
          createdOn: day(random() < 0.5 ? 2024 : 2025),
          gender: pick(genders),
          birthDate: `${1998 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-15`,
          status: closed ? 'closed' : pick(['active', 'intake', 'paused']),
          ...(closed ? { closedOn: day(2025), closingReason: pick(closingReasons) } : {}),
        },
      };
    });
    const caseIds = await seedRecords(store, team.id, cases);
    const children: SeedRow[] = [];
    for (let i = 0; i < 20_000; i++)
      children.push({
        tbl: 'contacts',
        fields: {
          caseId: pick(caseIds),
          at: instant(random() < 0.8 ? 2025 : 2024),
          channel: pick(contactChannels),
        },
      });
    for (let i = 0; i < 5_000; i++) {
      const sentOn = day(random() < 0.8 ? 2025 : 2024);
      children.push({
        tbl: 'referrals',
        fields: {
          caseId: pick(caseIds),
          partnerId: pick(partnerIds),
          offerId: random() < 0.8 ? pick(offerIds) : null,
          direction: random() < 0.9 ? 'out' : 'in',
          status: pick(['sent', 'accepted', 'waitlisted', 'started', 'completed', 'declined']),
          sentOn,
          receivedOn: sentOn,
        },
      });
    }
    for (let i = 0; i < 3_000; i++)
      children.push({
        tbl: 'statuses',
        fields: { caseId: pick(caseIds), kind: pick(residenceKinds), issuedOn: day(2024) },
      });
    for (let i = 0; i < 4_000; i++) {
      const status = pick(needStatuses);
      children.push({
        tbl: 'needs',
        fields: {
          caseId: pick(caseIds),
          category: pick(needCategories),
          status,
          priority: 'medium',
          source: 'thm',
          ...(status === 'met' || status === 'not_met' ? { resolvedOn: day(2025) } : {}),
        },
      });
    }
    for (let i = 0; i < 3_000; i++) {
      const startsAt = instant(2025);
      children.push({
        tbl: 'appointments',
        fields: {
          caseId: pick(caseIds),
          startsAt,
          endsAt: startsAt,
          mode: pick(appointmentModes),
          status: pick(['attended', 'attended', 'no_show', 'confirmed']),
          purpose: random() < 0.1 ? 'case_conference' : 'counselling',
        },
      });
    }
    for (let i = 0; i < 200; i++)
      children.push({
        tbl: 'gaps',
        fields: { category: pick(needCategories), description: `Lücke ${i}`, date: day(2025) },
      });
    await seedRecords(store, team.id, children);
    await store.query('ANALYZE records');
    console.log(
      `Daten: 2.000 Fälle, 20.000 Kontakte, 5.000 Vermittlungen, 3.000 Status, 4.000 Bedarfe, 3.000 Termine in ${((performance.now() - started) / 1000).toFixed(1)} s angelegt`,
    );

    const app = await buildApp({ store });
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'koordination@bench.example', password: PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const url = `/api/reports/summary?from=${YEAR.from}&to=${YEAR.to}`;
    const once = async () => {
      const t0 = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200)
        throw new Error(`Bericht: ${response.statusCode} ${response.body}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await once());
    const csvStart = performance.now();
    await app.inject({
      method: 'GET',
      url: url.replace('summary', 'summary.csv'),
      headers: { cookie },
    });
    const csvMs = performance.now() - csvStart;
    await app.close();

    const sorted = [...times].sort((a, b) => a - b);
    const [p50, p95, max] = [percentile(sorted, 50), percentile(sorted, 95), sorted.at(-1)!];
    const within = p95 <= BUDGET_MS;
    console.log(
      `Bericht ein Jahr: ${RUNS} Läufe, p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms, CSV ${csvMs.toFixed(1)} ms`,
    );
    finish(
      'report',
      {
        cases: 2_000,
        contacts: 20_000,
        referrals: 5_000,
        runs: RUNS,
        p50Ms: Number(p50.toFixed(1)),
        p95Ms: Number(p95.toFixed(1)),
        budgetMs: BUDGET_MS,
      },
      { figure: `one-year report p95 ${p95.toFixed(1)} ms`, budget: `<= ${BUDGET_MS} ms`, within },
    );
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

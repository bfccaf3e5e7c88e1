// `npm run bench -- import` (issue 26): a team's spreadsheet of 5,000 rows (XLSX, names in many
// spellings, German dates, residence statuses with expiry, needs, THMs by e-mail) through the
// server: the dry run (read, map, check, match against the team's cases), the import (batches
// through the push path), and the time until a THM's phone has them (its first pull of every
// page over HTTP, as the sync engine asks for them). Budget: all three within the first-sync
// budget (10 s). The phone's own IndexedDB writes are the first-sync bench's.
//   npx tsx test/bench/import.ts      (BENCH_ROWS=5000; BENCH_STORE=postgres for PostgreSQL)
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { buildApp } from '../../src/server/app';
import { createTeam, createUser } from '../../src/server/auth/accounts';
import { checkImport, runImport } from '../../src/server/import/import-job';
import { SCHEMA_VERSION, type PullResponse } from '../../src/shared/sync/protocol';
import { memoryStore, postgresStore, signIn } from '../support/server-harness';
import { seededRandom } from '../support/seeded-random';
import { finish } from './budget';

const ROWS = Number(process.env.BENCH_ROWS ?? 5_000);
const BUDGET_MS = 10_000;
const PASSWORD = 'bench-passwort-1';

const given = [
  'Zuleikha',
  'Mohammed',
  'Yusuf',
  'Shirin',
  'Tesfaye',
  'Dilan',
  'Omid',
  'Fatemeh',
  'Hossein',
  'Semhar',
  'Ahmad',
  'Gulalai',
  'Mebrahtu',
  'Rojin',
  'Khalid',
  'Nilofar',
];
const family = [
  'Rahimi',
  'Al-Hassan',
  'Haidari',
  'Ahmadzai',
  'Gebremedhin',
  'Barzani',
  'Jafari',
  'Hosseini',
  'Rezaei',
  'Tesfamariam',
  'Karimi',
  'Sherzad',
  'Weldemichael',
  'Celik',
  'Mahmoud',
  'Azizi',
];
const kinds = [
  'Duldung',
  'Aufenthaltsgestattung',
  'Duldung § 60c',
  'AE',
  'Fiktionsbescheinigung',
  'geduldet',
];
const needs = ['Sprache', 'Arbeit', 'Ausbildung, Wohnen', 'Schule', 'Dokumente', ''];

async function spreadsheet(members: string[]): Promise<Uint8Array> {
  const rng = seededRandom(26);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng.next() * list.length)]!;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Fallliste');
  sheet.addRow([
    'Nachname',
    'Vorname',
    'Geb.-Datum',
    'Telefon',
    'Status',
    'gültig bis',
    'Ansprechpartner*in',
    'Bedarf',
  ]);
  for (let i = 0; i < ROWS; i++) {
    // Every person unique: a serial in the family name keeps the matcher honest (no duplicates).
    const day = 1 + Math.floor(rng.next() * 28);
    const month = 1 + Math.floor(rng.next() * 12);
    const year = 1998 + Math.floor(rng.next() * 9);
    sheet.addRow([
      `${pick(family)}-${i.toString(36)}`,
      pick(given),
      i % 3 === 0 ? new Date(Date.UTC(year, month - 1, day)) : `${day}.${month}.${year}`,
      `0176 ${String(1_000_000 + i)}`,
      pick(kinds),
      i % 2 === 0 ? `${day}.${month}.2027` : '',
      pick(members),
      pick(needs),
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const store =
    process.env.BENCH_STORE === 'postgres' ? await postgresStore() : await memoryStore();
  try {
    const team = await createTeam(store, `Import Bench ${randomUUID().slice(0, 6)}`);
    const emails = Array.from(
      { length: 5 },
      (_, i) => `thm${i}-${randomUUID().slice(0, 6)}@bench.example`,
    );
    for (const email of emails)
      await createUser(store, {
        teamName: team.name,
        email,
        name: email,
        role: 'thm',
        password: PASSWORD,
      });
    const bytes = await spreadsheet(emails);
    console.log(`${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KB XLSX, ${store.kind}`);

    let started = performance.now();
    const checked = await checkImport(store, {
      teamId: team.id,
      userId: null,
      fileName: 'bench.xlsx',
      bytes,
      now: new Date(),
    });
    const dryRunMs = performance.now() - started;
    console.log(`dry run: ${dryRunMs.toFixed(0)} ms (${JSON.stringify(checked.counts)})`);

    started = performance.now();
    const done = await runImport(store, team.id, checked.id, () => new Date());
    const importMs = performance.now() - started;
    console.log(`import: ${importMs.toFixed(0)} ms (${done.counts.imported} rows written)`);

    const app = await buildApp({ store });
    const cookie = await signIn(app, emails[0]!, PASSWORD);
    const clientId = randomUUID();
    started = performance.now();
    let cursor: number | null = null;
    let cases = 0;
    let records = 0;
    for (let more = true; more;) {
      const page: PullResponse = (
        await app.inject({
          method: 'POST',
          url: '/api/sync/pull',
          headers: { cookie },
          payload: { clientId, schemaVersion: SCHEMA_VERSION, cursor, limit: 2_000 },
        })
      ).json();
      records += page.changes.length;
      cases += page.changes.filter((c) => c.table === 'cases').length;
      cursor = page.cursor;
      more = page.hasMore;
    }
    const pullMs = performance.now() - started;
    await app.close();
    console.log(
      `a phone's first pull: ${pullMs.toFixed(0)} ms (${cases} cases, ${records} records)`,
    );
    const totalMs = dryRunMs + importMs + pullMs;
    finish(
      'import',
      {
        rows: ROWS,
        store: store.kind,
        dryRunMs: Math.round(dryRunMs),
        importMs: Math.round(importMs),
        pullMs: Math.round(pullMs),
        totalMs: Math.round(totalMs),
        cases,
        records,
      },
      {
        figure: `${ROWS} rows: dry run + import + phone's pull ${(totalMs / 1000).toFixed(1)} s`,
        budget: `<= ${BUDGET_MS / 1000} s`,
        within: totalMs <= BUDGET_MS && cases === ROWS,
      },
    );
  } finally {
    await store.close();
  }
}

await main();

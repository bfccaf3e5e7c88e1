// The encryption-at-rest benchmark, run in a Chromium page on its real IndexedDB (issue 11):
// 1. the device side of a first sync (10,000 cases + 40,000 child records, through the engine's
//    pull loop, pullChanges, with the pages served from memory instead of the network) into an
//    encrypted database and into the same schema without the encryption middleware; the ratio is
//    the cost of encryption;
// 2. unlock with 10,000 cases: PBKDF2 (600,000 iterations) + unwrap + building the case search
//    index from the decrypted cases;
// 3. case search p95 after that unlock.
import Dexie from 'dexie';
import { databaseName, openClearView, openDatabase, type FeldakteDb } from '../../src/local/db';
import { pullChanges } from '../../src/local/sync/pull-changes';
import type { SyncTransport } from '../../src/local/sync/transport';
import { dropDataKey, holdDataKey } from '../../src/local/crypto/keyring';
import { createDataKey, setPin, unlockWithPin } from '../../src/local/crypto/vault';
import { searchCases, warmCaseIndex } from '../../src/local/case-search';
import type { Change, PullResponse } from '../../src/shared/sync/protocol';
import { newRecordId } from '../../src/shared/domain/record-id';
import { generateCases } from './case-search-run';

const PAGE = 2_000;
const round = (ms: number) => Math.round(ms);

function changes(cases: number): Change[] {
  const out: Change[] = [];
  const hlc = `${new Date().toISOString()}-0000-01900000-0000-7000-8000-000000000001`;
  let version = 0;
  const push = (table: string, fields: Record<string, unknown>) => {
    const id = (fields.id as string | undefined) ?? newRecordId();
    out.push({ table, id, deleted: false, fields: { ...fields, id }, version: ++version, hlc });
  };
  for (const record of generateCases(cases)) {
    push('cases', { ...record, phone: '0171 1234567', shelter: 'Unterkunft Am Ring 4' });
    const caseId = record.id;
    push('statuses', { caseId, kind: 'duldung', issuedOn: '2024-06-01', validUntil: '2026-09-01' });
    push('needs', {
      caseId,
      category: 'language',
      priority: 'medium',
      source: 'self',
      status: 'open',
      description: 'Deutschkurs B1 finden',
    });
    push('contacts', {
      caseId,
      at: '2025-03-01T10:00:00.000Z',
      channel: 'phone',
      summary: 'Termin beim Jobcenter besprochen',
    });
    push('tasks', {
      caseId,
      title: 'Unterlagen nachreichen',
      dueOn: '2026-01-15',
      kind: 'follow_up',
    });
  }
  return out;
}

async function firstSync(db: FeldakteDb, all: Change[]): Promise<number> {
  // The server's pages, served at once: what is timed is the device's side only.
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('no push in this bench')),
    pull: async ({ cursor }) => {
      const from = cursor ?? 0;
      return {
        changes: all.slice(from, from + PAGE),
        cursor: Math.min(from + PAGE, all.length),
        hasMore: from + PAGE < all.length,
        lastMutationId: 0,
      } satisfies PullResponse;
    },
  };
  const started = performance.now();
  const outcome = await pullChanges(db, transport, { clientId: 'bench', limit: PAGE });
  if (outcome.changes !== all.length) throw new Error(`pulled ${outcome.changes}`);
  return performance.now() - started;
}

export async function runAtRestBench(cases: number, rounds: number, log: (line: string) => void) {
  const all = changes(cases);
  log(`  ${all.length} records in pages of ${PAGE}`);

  // Alternating order, twice each: the machine's load drifts less into one side.
  const on: number[] = [];
  const off: number[] = [];
  for (let run = 0; run < 2; run++) {
    for (const encrypted of run === 0 ? [true, false] : [false, true]) {
      const userId = `bench-at-rest-${encrypted ? 'on' : 'off'}-${run}-${Date.now()}`;
      const db = encrypted ? openDatabase(userId) : openClearView(databaseName(userId));
      if (encrypted) holdDataKey(db.name, crypto.getRandomValues(new Uint8Array(32)));
      const ms = await firstSync(db, all);
      (encrypted ? on : off).push(ms);
      log(`  first sync, encryption ${encrypted ? 'on ' : 'off'}: ${round(ms)} ms`);
      db.close();
      await Dexie.delete(db.name);
    }
  }
  const onMs = Math.min(...on);
  const offMs = Math.min(...off);

  // Unlock with 10,000 cases on the device.
  const userId = `bench-unlock-${Date.now()}`;
  const db = openDatabase(userId);
  await createDataKey(db, 'YmVuY2gtcmVjb3Zlcnktc2VjcmV0LWZvci10aGUtdXNlcg', userId);
  await setPin(db, '482915', 'pin');
  await firstSync(db, all);
  dropDataKey(db.name);
  const unlockStart = performance.now();
  const unlocked = await unlockWithPin(db, '482915', async () => undefined);
  const keyMs = performance.now() - unlockStart;
  await warmCaseIndex(db);
  const unlockMs = performance.now() - unlockStart;
  if (!unlocked.ok) throw new Error('unlock failed');
  log(`  unlock: key ${round(keyMs)} ms, with search index ${round(unlockMs)} ms`);

  const times: number[] = [];
  for (const query of ['ahm', 'karimi', 'sara n', 'mü', 'öztürk', 'zz']) {
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      await searchCases(db, { query, limit: 50 });
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  log(`  case search after unlock: p95 ${p95.toFixed(1)} ms over ${times.length} searches`);
  db.close();
  await Dexie.delete(db.name);
  return {
    records: all.length,
    firstSyncOnMs: round(onMs),
    firstSyncOffMs: round(offMs),
    ratio: Number((onMs / offMs).toFixed(2)),
    unlockKeyMs: round(keyMs),
    unlockMs: round(unlockMs),
    searchP95Ms: Number(p95.toFixed(1)),
  };
}

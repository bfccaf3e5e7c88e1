// The devices of one convergence run: each its own Dexie database, the real engine and the real
// fetch transport over the fake network, plus a ledger of every write it made (for "no write is
// lost"). Random operations are the ones a THM does: cases, names, status moves, deletes,
// contacts, conflict review and dismissing rejections.
import { openDatabase, type FeldakteDb, type OutboxEntry } from '../../src/local/db';
import { getMeta } from '../../src/local/meta';
import {
  createRecord,
  deleteRecord,
  putRecord,
  type WriteResult,
} from '../../src/local/write-record';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import type { SyncTransport } from '../../src/local/sync/transport';
import { dismissRejection } from '../../src/local/sync/dismiss-rejection';
import { dismissConflict, reapplyConflict } from '../../src/local/sync/resolve-conflict';
import {
  allowedCaseTransitions,
  caseStatusChange,
  closingReasons,
  type Case,
} from '../../src/shared/domain/case';
import { quickContactFields } from '../../src/shared/domain/contact';
import { toLocalDate } from '../../src/shared/domain/common';
import type { Member } from '../support/server-harness';
import type { FakeNetwork } from '../support/fake-network';
import type { Random } from '../support/seeded-random';

export interface Device {
  name: string;
  member: Member;
  db: FeldakteDb;
  transport: SyncTransport;
  /** Every outbox entry this device ever wrote, as written. */
  ledger: OutboxEntry[];
  /** Rejections the THM saw and dismissed. */
  dismissed: Set<number>;
}

const givenNames = ['Amina', 'Yonas', 'Dilan', 'Samir', 'Hevin', 'Omid'];
const familyNames = ['Haddad', 'Tesfaye', 'Yılmaz', 'Rahimi', 'Ahmadi'];
const summaries = ['Termin beim Jobcenter', 'Rückruf', 'Unterlagen besprochen', 'Kurs gefunden'];

export function makeDevice(
  name: string,
  member: Member,
  network: FakeNetwork,
  unique: string,
): Device {
  return {
    name,
    member,
    db: openDatabase(`${unique}-${name}`),
    transport: createFetchTransport({
      fetch: network.fetchFor(name, () => member.cookie),
      // The fake network holds requests as long as the test wants; only it decides their fate.
      timeoutMs: 600_000,
    }),
    ledger: [],
    dismissed: new Set(),
  };
}

/** One random thing a THM does on `device`; the outbox entries it wrote go into the ledger. */
export async function randomOperation(
  device: Device,
  random: Random,
  only?: 'create',
): Promise<void> {
  const { db } = device;
  const before = (await getMeta(db, 'nextMutationId')) ?? 1;
  const result = await pickOperation(device, random, only);
  if (!result?.ok) return;
  const written = await db.outbox.where('id').aboveOrEqual(before).toArray();
  device.ledger.push(...written);
}

async function pickOperation(
  device: Device,
  random: Random,
  only?: 'create',
): Promise<WriteResult | undefined> {
  const { db } = device;
  const cases = (await db.cases.toArray()) as Case[];
  const roll = random.next();
  if (only === 'create' || cases.length === 0 || roll < 0.1) {
    return createRecord(db, 'cases', {
      givenName: random.pick(givenNames),
      familyName: random.pick(familyNames),
      status: 'inquiry',
    });
  }
  const target = random.pick(cases);
  if (roll < 0.4) {
    const field = random.chance(0.5) ? 'givenName' : 'familyName';
    const value = random.pick(field === 'givenName' ? givenNames : familyNames);
    return putRecord(db, 'cases', target.id, { [field]: value });
  }
  if (roll < 0.66) {
    const to = random.pick(allowedCaseTransitions(target.status));
    const reason = random.pick(closingReasons.filter((r) => r !== 'other'));
    const change = caseStatusChange(target, to, toLocalDate(new Date()), { reason });
    return change.ok ? putRecord(db, 'cases', target.id, change.fields) : undefined;
  }
  if (roll < 0.72) return deleteRecord(db, 'cases', target.id);
  if (roll < 0.85) {
    const contacts = await db.contacts.where('caseId').equals(target.id).toArray();
    if (contacts.length > 0 && random.chance(0.5)) {
      return putRecord(db, 'contacts', random.pick(contacts).id, {
        summary: random.pick(summaries),
      });
    }
    return createRecord(
      db,
      'contacts',
      quickContactFields(target.id, 'phone', random.pick(summaries), new Date()),
    );
  }
  if (roll < 0.95) {
    const open = (await db.conflicts.toArray()).filter((conflict) => !conflict.resolution);
    if (open.length === 0) return undefined;
    const conflict = random.pick(open);
    const options = { resolvedBy: device.member.userId };
    return random.chance(0.5)
      ? reapplyConflict(db, conflict, options)
      : dismissConflict(db, conflict, options);
  }
  const rejections = await db.rejections.toArray();
  if (rejections.length === 0) return undefined;
  const rejection = random.pick(rejections);
  device.dismissed.add(rejection.mutationId);
  await dismissRejection(db, rejection.mutationId);
  return undefined;
}

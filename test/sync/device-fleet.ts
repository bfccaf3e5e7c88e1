// The devices of one convergence run: each its own Dexie database, the real engine and the real
// fetch transport over the fake network, plus a ledger of every write it made (for "no write is
// lost"). Random operations are the ones a THM does: cases, names, status moves, deletes,
// contacts, conflict review and dismissing rejections.
import { openDatabase, type FeldakteDb, type OutboxEntry } from '../../src/local/db';
import { getMeta, setMeta } from '../../src/local/meta';
import { deviceNow, setDeviceEnvironment } from '../../src/local/device-environment';
import { saveCase } from '../../src/local/save-case';
import { eraseCaseLocally } from '../../src/local/erase-locally';
import { changeReferralStatus } from '../../src/local/change-referral-status';
import { tickHlc } from '../../src/shared/sync/hlc';
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
import { differingFields } from '../../src/shared/domain/case-merge';
import { mergeCases, undoMerge } from '../../src/local/merge-cases';
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
  /** Outbox entries a broken phone wrote (bad clock, broken text): the server must reject each. */
  hostile: Set<number>;
  /** Cases this device erased on the server (Art. 17, [X1]). */
  erased: string[];
}

/** The run's time: the server and every device read it (each device with its own skew). */
export interface VirtualClock {
  ms: number;
}

const givenNames = ['Amina', 'Yonas', 'Dilan', 'Samir', 'Hevin', 'Omid'];
const familyNames = ['Haddad', 'Tesfaye', 'Yılmaz', 'Rahimi', 'Ahmadi'];
const summaries = ['Termin beim Jobcenter', 'Rückruf', 'Unterlagen besprochen', 'Kurs gefunden'];
const birthDates = ['2001-04-12', '2003-11-30', '1999-08-02'];

export function makeDevice(
  name: string,
  member: Member,
  network: FakeNetwork,
  unique: string,
  environment: { clock: VirtualClock; skewMs: number; random: Random },
): Device {
  const db = openDatabase(`${unique}-${name}`);
  // [issue 9] the device's time and ids come from the run's clock and seed: a seed replays exactly.
  setDeviceEnvironment(db, {
    now: () => new Date(environment.clock.ms + environment.skewMs),
    fillRandom: (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = environment.random.int(256);
    },
  });
  return {
    name,
    member,
    db,
    transport: createFetchTransport({
      fetch: network.fetchFor(name, () => member.cookie),
      // The fake network holds requests as long as the test wants; only it decides their fate.
      timeoutMs: 600_000,
    }),
    ledger: [],
    dismissed: new Set(),
    hostile: new Set(),
    erased: [],
  };
}

/**
 * "Person löschen" as the erase page does it: online only, the server erases ([X1]) through the
 * real endpoint, then this device removes the person at once ([X4]). A device that is cut off
 * gets no connection and erases nothing; a case the server never received answers 404.
 */
export async function eraseOperation(
  device: Device,
  random: Random,
  network: FakeNetwork,
): Promise<void> {
  const cases = await device.db.cases.toArray();
  if (cases.length === 0) return;
  const target = random.pick(cases);
  const answer = await network.sendNow(
    device.name,
    device.member.cookie,
    `/api/cases/${target.id}/erase`,
    { reason: 'Widerspruch der Person (Art. 17)' },
  );
  if (!answer || answer.status === 404) return;
  if (answer.status !== 200) {
    throw new Error(
      `${device.name}: erasure answered ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  device.erased.push(target.id);
  await eraseCaseLocally(device.db, target.id);
}

/**
 * Two cases of one person become one (issue 26, [G1]-[G6]): offline, on the device's own view,
 * with random fields taken from the case that goes; now and then a standing merge is undone.
 * Decided by a random stream of its own, so the other operations of a seed stay as they were.
 */
export async function mergeOperation(device: Device, random: Random): Promise<void> {
  const { db } = device;
  const before = (await getMeta(db, 'nextMutationId')) ?? 1;
  const standing = (await db.merges.toArray()).filter((merge) => !merge.undoneAt);
  let result: WriteResult | undefined;
  if (standing.length > 0 && random.chance(0.3)) {
    result = await undoMerge(db, random.pick(standing).id);
  } else {
    const cases = (await db.cases.toArray()) as Case[];
    if (cases.length < 2) return;
    const kept = random.pick(cases);
    const merged = random.pick(cases.filter((c) => c.id !== kept.id));
    const taken = differingFields(kept, merged).filter(() => random.chance(0.5));
    result = await mergeCases(db, { keptId: kept.id, mergedId: merged.id, taken });
  }
  if (!result.ok) return;
  const written = await db.outbox.where('id').aboveOrEqual(before).toArray();
  device.ledger.push(...written);
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
): Promise<WriteResult | { ok: boolean } | undefined> {
  const { db } = device;
  const now = deviceNow(db);
  const today = toLocalDate(now);
  const cases = (await db.cases.toArray()) as Case[];
  const roll = random.next();
  if (only === 'create' || cases.length === 0 || roll < 0.08) {
    const fields = {
      givenName: random.pick(givenNames),
      familyName: random.pick(familyNames),
      status: 'inquiry' as const,
    };
    // With a birth date the case brings its age-limit task: one group ([P9]).
    if (!only && random.chance(0.4)) {
      return saveCase(db, { ...fields, birthDate: random.pick(birthDates) });
    }
    return createRecord(db, 'cases', fields);
  }
  const target = random.pick(cases);
  if (roll < 0.32) {
    const field = random.chance(0.5) ? 'givenName' : 'familyName';
    const value = random.pick(field === 'givenName' ? givenNames : familyNames);
    // Now and then with stray spaces: [L3] a write that changes nothing after trimming stores nothing.
    return putRecord(db, 'cases', target.id, {
      [field]: random.chance(0.2) ? ` ${value} ` : value,
    });
  }
  if (roll < 0.52) {
    const to = random.pick(allowedCaseTransitions(target.status));
    const reason = random.pick(closingReasons.filter((r) => r !== 'other'));
    const change = caseStatusChange(target, to, today, { reason });
    return change.ok ? putRecord(db, 'cases', target.id, change.fields) : undefined;
  }
  if (roll < 0.57) return deleteRecord(db, 'cases', target.id);
  if (roll < 0.67) {
    const contacts = await db.contacts.where('caseId').equals(target.id).toArray();
    if (contacts.length > 0 && random.chance(0.5)) {
      return putRecord(db, 'contacts', random.pick(contacts).id, {
        summary: random.pick(summaries),
      });
    }
    return createRecord(
      db,
      'contacts',
      quickContactFields(target.id, 'phone', random.pick(summaries), now),
    );
  }
  if (roll < 0.78) return referralOperation(device, random, target, today);
  if (roll < 0.86) {
    const open = (await db.conflicts.toArray()).filter((conflict) => !conflict.resolution);
    if (open.length === 0) return undefined;
    const conflict = random.pick(open);
    const options = { resolvedBy: device.member.userId };
    return random.chance(0.5)
      ? reapplyConflict(db, conflict, options)
      : dismissConflict(db, conflict, options);
  }
  if (roll < 0.9) {
    const rejections = await db.rejections.toArray();
    if (rejections.length === 0) return undefined;
    const rejection = random.pick(rejections);
    device.dismissed.add(rejection.mutationId);
    await dismissRejection(db, rejection.mutationId);
    return undefined;
  }
  if (roll < 0.95) {
    // [P8] broken text is refused on the phone before anything is stored.
    const refused = await putRecord(db, 'cases', target.id, { lifeWorldNotes: 'Notiz \ud800' });
    if (refused.ok) throw new Error(`${device.name}: a lone surrogate was saved`);
    return undefined;
  }
  return hostileEntry(device, random, target.id);
}

/** Referrals with consent changes: a partner, consents given and withdrawn, drafts sent ([P9]). */
async function referralOperation(
  device: Device,
  random: Random,
  target: Case,
  today: string,
): Promise<WriteResult | { ok: boolean } | undefined> {
  const { db } = device;
  const partners = await db.partners.toArray();
  if (partners.length === 0 || random.chance(0.05)) {
    return createRecord(db, 'partners', { name: `Jobcenter ${random.int(3)}`, kind: 'jobcenter' });
  }
  const partner = random.pick(partners);
  const roll = random.next();
  if (roll < 0.3) {
    return createRecord(db, 'consents', {
      caseId: target.id,
      purpose: 'share_with_partner',
      partnerId: partner.id,
      givenOn: today,
    });
  }
  if (roll < 0.5) {
    const consents = (await db.consents.where('caseId').equals(target.id).toArray()).filter(
      (consent) => !consent.withdrawnOn,
    );
    if (consents.length === 0) return undefined;
    return putRecord(db, 'consents', random.pick(consents).id, { withdrawnOn: today });
  }
  const drafts = (await db.referrals.where('caseId').equals(target.id).toArray()).filter(
    (referral) => referral.status === 'draft',
  );
  if (roll < 0.7 || drafts.length === 0) {
    return createRecord(db, 'referrals', {
      caseId: target.id,
      partnerId: partner.id,
      direction: 'out',
      status: 'draft',
    });
  }
  // Sent with its follow-up task, one group: refused together when the consent is gone.
  return changeReferralStatus(db, random.pick(drafts), 'sent');
}

const badClocks = [
  (clientId: string) => `2026-13-01T10:00:00.000Z-0000-${clientId}`,
  (clientId: string) => `9999-99-99T99:99:99.999Z-0000-${clientId}`,
  (clientId: string) => `2026-02-30T10:00:00.000Z-00A0-${clientId}`,
  () => `2026-05-01T10:00:00.000Z-0000-0190a0b0-0000-7000-8000-00000000dead`,
];

/**
 * A broken phone: an outbox entry with a clock that is no instant or not its own, or text with a
 * lone surrogate ([C4], [P8]). The server must reject it, and the outbox must still drain.
 */
async function hostileEntry(
  device: Device,
  random: Random,
  recordId: string,
): Promise<{ ok: boolean }> {
  const { db } = device;
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const clientId = (await getMeta(db, 'clientId'))!;
    const id = (await getMeta(db, 'nextMutationId')) ?? 1;
    const badText = random.chance(0.4);
    const hlc = badText
      ? tickHlc((await getMeta(db, 'hlc')) ?? null, deviceNow(db).getTime(), clientId)
      : random.pick(badClocks)(clientId);
    await db.outbox.add({
      id,
      table: 'cases',
      recordId,
      op: 'put',
      fields: { givenName: badText ? 'Am\udc00ina' : 'Kaputt' },
      hlc,
      baseCursor: (await getMeta(db, 'cursor')) ?? 0,
      createdAt: deviceNow(db).toISOString(),
    });
    await setMeta(db, 'nextMutationId', id + 1);
    if (badText) await setMeta(db, 'hlc', hlc);
    device.hostile.add(id);
  });
  return { ok: true };
}

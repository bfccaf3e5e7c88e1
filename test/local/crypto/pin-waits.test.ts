// [K8] Slow guessing: the first three wrong PINs cost nothing but the count; from the fourth try
// on each try waits longer (15 s before the 4th, up to 15 minutes before the 10th). A try made
// too early is refused without looking at the PIN and without counting; the wait is stored, so a
// reload does not shorten it, and a clock set back starts it again from now. The tenth wrong PIN
// still wipes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type FeldakteDb } from '../../../src/local/db';
import { dropDataKey } from '../../../src/local/crypto/keyring';
import {
  createDataKey,
  FREE_PIN_TRIES,
  MAX_PIN_FAILURES,
  pinWaitMs,
  pinWaitUntil,
  setPin,
  unlockWithPin,
} from '../../../src/local/crypto/vault';

let db: FeldakteDb;
let userId: string;
beforeEach(async () => {
  userId = `waits-${Math.random().toString(36).slice(2)}`;
  db = openDatabase(userId);
  await createDataKey(db, 'c2VydmVyLXNlY3JldA', 'user-1');
  await setPin(db, '482915', 'pin');
  dropDataKey(db.name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('[K8] wrong PINs wait longer from the fourth try on', () => {
  it('the waits grow from 15 s before the 4th try to 15 min before the 10th', () => {
    expect([0, 1, 2].map(pinWaitMs)).toEqual([0, 0, 0]);
    const waits = [3, 4, 5, 6, 7, 8, 9].map((failures) => pinWaitMs(failures) / 1000);
    expect(waits).toEqual([15, 30, 60, 120, 300, 600, 900]);
    expect(FREE_PIN_TRIES).toBe(3);
  });

  it('a try before its time is refused without counting; the wait survives reopening', async () => {
    let now = Date.UTC(2030, 0, 1);
    const clock = () => now;
    const wipe = vi.fn(async () => undefined);
    for (let i = 1; i <= FREE_PIN_TRIES; i++) {
      const result = await unlockWithPin(db, '111112', wipe, clock);
      expect(result).toMatchObject({ ok: false, failures: i });
      if (i < FREE_PIN_TRIES) expect(result).toMatchObject({ waitUntil: null });
      now += 1000;
    }
    const waitUntil = now - 1000 + 15_000;
    expect(await pinWaitUntil(db, now)).toBe(waitUntil);

    // Too early, even with the right PIN: refused, not counted, the same wait.
    expect(await unlockWithPin(db, '482915', wipe, clock)).toEqual({
      ok: false,
      failures: 3,
      triesLeft: MAX_PIN_FAILURES - 3,
      wiped: false,
      waitUntil,
    });

    // A reload: the page opens the database again; the wait is still there.
    db.close();
    db = openDatabase(userId);
    expect(await pinWaitUntil(db, now)).toBe(waitUntil);

    now = waitUntil;
    const fourth = await unlockWithPin(db, '111112', wipe, clock);
    expect(fourth).toMatchObject({ failures: 4, waitUntil: now + 30_000 });
    now += 30_000;
    expect(await unlockWithPin(db, '482915', wipe, clock)).toEqual({ ok: true });
    expect(await pinWaitUntil(db, now)).toBeNull();
  }, 60_000);

  it('a clock set back does not end the wait: it starts again from the new now', async () => {
    let now = Date.UTC(2030, 0, 1);
    const clock = () => now;
    for (let i = 0; i < 4; i++) {
      await unlockWithPin(db, '111112', vi.fn(), clock);
      now += 3_600_000;
    }
    // The 4th wrong PIN was at `at`; the 5th try waits 30 s after it.
    now -= 3_600_000;
    now -= 24 * 3_600_000; // the clock set back a day
    expect(await pinWaitUntil(db, now)).toBe(now + 30_000);
    expect(await pinWaitUntil(db, now + 10_000)).toBe(now + 30_000);
    expect(await pinWaitUntil(db, now + 30_000)).toBeNull();
  }, 60_000);
});

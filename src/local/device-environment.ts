// Where the device's time and randomness come from: the system by default, a seeded source in the
// sync fuzz, so that one seed replays exactly the same run (same ids, clocks and final state).
// Every write and the sync engine take both from here, never from `Date`/`crypto` directly.
import type { FeldakteDb } from './db';
import { newRecordId } from '../shared/domain/record-id';

export interface DeviceEnvironment {
  now(): Date;
  /** Fills `bytes` with random values (record ids, the client id, group ids). */
  fillRandom(bytes: Uint8Array): void;
}

const systemEnvironment: DeviceEnvironment = {
  now: () => new Date(),
  fillRandom: (bytes) => crypto.getRandomValues(bytes),
};

const environments = new WeakMap<FeldakteDb, DeviceEnvironment>();

/** Gives `db` its own clock and random source (tests); without it, the system's. */
export function setDeviceEnvironment(db: FeldakteDb, environment: DeviceEnvironment): void {
  environments.set(db, environment);
}

export function environmentOf(db: FeldakteDb): DeviceEnvironment {
  return environments.get(db) ?? systemEnvironment;
}

/** The device's current time. */
export function deviceNow(db: FeldakteDb): Date {
  return environmentOf(db).now();
}

/** A new UUIDv7 from the device's random source, at `ms` (default: the device's time). */
export function newDeviceId(db: FeldakteDb, ms?: number): string {
  const environment = environmentOf(db);
  return newRecordId(ms ?? environment.now().getTime(), environment.fillRandom);
}

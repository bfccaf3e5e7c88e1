// Issue 28, the poke channel end to end ([N1]-[N3]): two phones of one team in headless Chromium on
// the real server. Phone A saves a case; phone B, left alone on its case list, shows it within
// 2 s without a tap (its scheduled sync is a minute away). Then B's device is revoked, and B
// deletes its data and says why within 2 s, again without a tap.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E2eServer } from '../support/e2e-server';
import { startTwoPhones, type TwoPhones } from '../support/e2e-team';
import { goto, type Device } from '../support/e2e-browser';
import { runAdmin } from '../../src/server/cli/admin';

const PROPAGATION_MS = 2_000;

let team: TwoPhones | undefined;
let server: E2eServer;
let phoneA: Device;
let phoneB: Device;

beforeAll(async () => {
  team = await startTwoPhones();
  ({ server, phoneA, phoneB } = team);
}, 240_000);

afterAll(async () => {
  await team?.close();
});

/** Milliseconds from now until `check` holds in the page (polled by the page itself). */
async function msUntil(page: Page, check: () => boolean): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(check, null, { polling: 20, timeout: 30_000 });
  return Date.now() - started;
}

it('[N2] a case saved on phone A shows on phone B within 2 s, without a tap on B', async () => {
  await goto(phoneB.page, '/faelle');
  await phoneB.page.getByRole('heading', { level: 1 }).first().waitFor();
  const { page } = phoneA;
  await goto(page, '/faelle/neu');
  await page.getByLabel('Vorname').fill('Nasrin');
  await page.getByLabel('Nachname').fill('Poketaschi');
  const shown = phoneB.page.waitForFunction(
    () => document.body.textContent?.includes('Poketaschi') ?? false,
    null,
    { polling: 20, timeout: 30_000 },
  );
  const savedAt = Date.now();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await shown;
  const ms = Date.now() - savedAt;
  expect(ms, `B showed the case ${ms} ms after A's save`).toBeLessThanOrEqual(PROPAGATION_MS);
});

it('[N3] a revoked phone deletes its data within 2 s, without a tap', async () => {
  const { page } = phoneB;
  const deviceId = await page.evaluate(() => localStorage.getItem('feldakte.deviceId'));
  expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
  const wiped = msUntil(page, () =>
    /Dieses Gerät wurde gesperrt/.test(document.body.textContent ?? ''),
  );
  await runAdmin(
    ['device', 'revoke', '--email', server.accounts[1]!.email, '--device', deviceId!],
    server.store,
  );
  const ms = await wiped;
  expect(ms, `B wiped ${ms} ms after the revocation`).toBeLessThanOrEqual(PROPAGATION_MS);
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name).filter((name) => name !== 'feldakte-device'),
  );
  expect(databases).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('feldakte.user'))).toBeNull();
});

// Issue 5 end to end: an appointment planned offline on one phone appears in the agenda and on
// "Heute" of a second phone of the team after sync (the built app, the real server, Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwoPhones, type TwoPhones } from '../support/e2e-team';
import {
  outboxCount,
  setOffline,
  syncNow,
  waitForSynced,
  type Device,
  goto,
  unlockIfLocked,
} from '../support/e2e-browser';

let phoneA: Device;
let phoneB: Device;
let team: TwoPhones | undefined;

beforeAll(async () => {
  team = await startTwoPhones();
  ({ phoneA, phoneB } = team);
});

afterAll(async () => {
  await team?.close();
});

describe('appointments offline on two phones', () => {
  it('an appointment made offline on phone A appears in phone B’s agenda after sync', async () => {
    const { page } = phoneA;
    await setOffline(phoneA, true);
    await page.reload();
    // The reload dropped the key: the PIN opens the data again, offline.
    await unlockIfLocked(page);

    await goto(page, '/termine/neu');
    await page.getByLabel('Titel', { exact: false }).fill('Infoabend Unterkunft Nord');
    await page.getByLabel('Anzahl Teilnehmende').fill('12');
    await page.getByLabel('Beginn (Pflichtfeld)', { exact: true }).fill('00:05');
    await page.getByLabel('Ende (Pflichtfeld)', { exact: true }).fill('00:10');
    await page.getByRole('button', { name: 'Termin speichern' }).click();
    await page.waitForURL(/\/termine\/[0-9a-f-]{36}$/);
    await page.getByText('Infoabend Unterkunft Nord').first().waitFor();
    expect(await outboxCount(page)).toBe(1);
    await expect.poll(() => page.getByText('nicht synchronisiert').count()).toBeGreaterThan(0);

    await setOffline(phoneA, false);
    await waitForSynced(page);

    const b = phoneB.page;
    await syncNow(b);
    await goto(b, '/termine');
    // The group event is A's: B sees it with the whole team, one tap away from "Meine" (issue 13).
    await b.getByRole('button', { name: 'Ganzes Team' }).click();
    await b.getByText('00:05–00:10 Infoabend Unterkunft Nord').waitFor();
    await b.getByText('12 Personen', { exact: false }).first().waitFor();
    await goto(b, '/');
    if ((await b.getByRole('button', { name: 'Ganzes Team', pressed: false }).count()) > 0) {
      await b.getByRole('button', { name: 'Ganzes Team' }).click();
    }
    await b
      .getByRole('region', { name: 'Termine heute' })
      .getByText('Infoabend Unterkunft Nord')
      .waitFor();

    expect(phoneA.errors).toEqual([]);
    expect(phoneB.errors).toEqual([]);
  });
});

// Issue 13 items 2 and 8 in the built app, at 320 and 360 px with the longest data: withdrawing a
// consent asks for the date and offers "Rückgängig", which works from the next page too; withdrawing
// a referral asks once more; a draft without consent has "Senden" disabled with its reason; the
// task sheet on "Heute" attaches a task to a case. No screen scrolls sideways on the way.
// SCREENSHOT_DIR=/tmp/shots keeps a screenshot of every step for a look by eye.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import {
  goto,
  launchChromium,
  newDevice,
  signIn,
  waitForSynced,
  type Device,
} from '../support/e2e-browser';
import { seedLongData, LONG_FAMILY_NAME, type LongDataIds } from '../support/e2e-long-data';

let server: E2eServer;
let browser: Browser;
let phone: Device;
let ids: LongDataIds;
const screenshotDir = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startE2eServer();
  const [lena] = server.accounts;
  ids = await seedLongData(server, lena!.email);
  browser = await launchChromium();
  phone = await newDevice(browser, server.url);
  await signIn(phone.page, lena!.email, server.password);
  await waitForSynced(phone.page);
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Screenshot (when asked for) and the page's width: it must not scroll sideways. */
async function step(page: Page, width: number, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${width}-${name}.png`) });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(width);
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe.each([320, 360])('at %i px', (width) => {
  it('withdraws a consent with its date and takes it back within 10 s', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 740 });
    await goto(page, `/faelle/${ids.caseId}`);
    const consents = page.getByRole('list', { name: 'Einwilligungen' });
    await consents.getByRole('button', { name: /^Widerrufen: / }).click();
    const sheet = page.getByRole('dialog', { name: 'Einwilligung widerrufen' });
    await step(page, width, 'consent-sheet');

    await sheet.getByLabel(/Widerrufen am/).fill(tomorrow());
    await sheet.getByRole('button', { name: 'Widerrufen' }).click();
    await sheet.getByText('Der Widerruf kann nicht in der Zukunft liegen.').waitFor();
    await step(page, width, 'consent-sheet-error');

    await sheet.getByLabel(/Widerrufen am/).fill(new Date().toISOString().slice(0, 10));
    await sheet.getByRole('button', { name: 'Widerrufen' }).click();
    const undo = page.getByRole('button', { name: 'Rückgängig: Einwilligung widerrufen.' });
    await undo.waitFor();
    await consents.getByText('Widerrufen', { exact: true }).waitFor();
    await step(page, width, 'consent-undo-toast');
    await undo.click();
    await page.getByText('Widerruf zurückgenommen.').waitFor();
    await consents.getByText('Gültig', { exact: true }).waitFor();
  });

  it('withdrawing a referral asks first and can be taken back', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 740 });
    await goto(page, `/faelle/${ids.caseId}/vermittlungen/${ids.referralId}`);
    await page.getByRole('button', { name: 'Zurückziehen' }).click();
    const sheet = page.getByRole('dialog', { name: 'Vermittlung zurückziehen?' });
    await step(page, width, 'referral-sheet');
    await sheet.getByRole('button', { name: 'Zurückziehen' }).click();
    const undo = page.getByRole('button', { name: 'Rückgängig: Vermittlung zurückgezogen.' });
    await undo.waitFor();
    await step(page, width, 'referral-undo-toast');
    await undo.click();
    await page.getByText('Vermittlung wieder offen.').waitFor();
    await page.getByRole('button', { name: 'Zurückziehen' }).waitFor();
  });

  it('without consent "Senden" is disabled and says why once; undo from the next page', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 740 });
    await goto(page, `/faelle/${ids.caseId}`);
    await page
      .getByRole('list', { name: 'Einwilligungen' })
      .getByRole('button', { name: /^Widerrufen: / })
      .click();
    await page
      .getByRole('dialog', { name: 'Einwilligung widerrufen' })
      .getByRole('button', { name: 'Widerrufen' })
      .click();
    // Within the 10 s, on to the referral (in the app, no reload).
    await page
      .getByRole('list', { name: 'Vermittlungen' })
      .getByRole('link', { name: /Berufsbildungswerk/ })
      .click();
    await page.waitForURL(`**/vermittlungen/${ids.referralId}`);
    const send = page.getByRole('button', { name: 'Senden' });
    await expect.poll(() => send.isDisabled()).toBe(true);
    await page.getByText('Senden geht erst mit gültiger Einwilligung (siehe oben).').waitFor();
    expect(await page.getByText(/wurde am .* widerrufen/).count()).toBe(1);
    await page.getByRole('heading', { name: 'Einwilligung nötig' }).scrollIntoViewIfNeeded();
    await step(page, width, 'referral-send-blocked');
    await send.scrollIntoViewIfNeeded();
    await step(page, width, 'referral-send-blocked-button');
    await page.getByRole('button', { name: /^Rückgängig/ }).click();
    await expect.poll(() => send.isDisabled()).toBe(false);
  });

  it('the task sheet on "Heute" attaches a task to a case', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 740 });
    await goto(page, '/');
    await page.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    const sheet = page.getByRole('dialog', { name: 'Aufgabe hinzufügen' });
    const title = `Ausländerbehörde wegen Beschäftigungserlaubnis (${width} px)`;
    await sheet.getByLabel(/Was ist zu tun/).fill(title);
    await sheet.getByLabel(/Für welchen Fall/).fill(LONG_FAMILY_NAME.slice(0, 8));
    await sheet.getByRole('button', { name: new RegExp(LONG_FAMILY_NAME) }).waitFor();
    await step(page, width, 'task-sheet-search');
    await sheet.getByRole('button', { name: new RegExp(LONG_FAMILY_NAME) }).click();
    await step(page, width, 'task-sheet-case');
    await sheet.getByRole('button', { name: 'Speichern' }).click();
    await sheet.waitFor({ state: 'detached' });
    // Due in a week (the sheet's default), so not on Heute yet: it is in the case's tasks.
    await goto(page, `/faelle/${ids.caseId}`);
    await page.getByRole('list', { name: 'Aufgaben' }).getByText(title).waitFor();
  });

  it('a gap needs only its area', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 740 });
    await goto(page, '/luecken/neu');
    await page.getByLabel(/Bereich/).selectOption({ index: 1 });
    await step(page, width, 'gap-form');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL('**/luecken');
    await step(page, width, 'gap-list');
  });
});

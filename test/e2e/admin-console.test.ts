// Issue 14 item 6 end to end, at 320 and 360 px: an admin sets a team's privacy settings in the
// console (bad input refused inline, nothing stored) and resets a THM's password; the THM signs in
// with the one-time password and must set a new one before anything else (then the PIN).
// SCREENSHOT_DIR=/tmp/shots keeps a screenshot of every step for a look by eye.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { defaultAccounts, startE2eServer, type E2eServer } from '../support/e2e-server';
import { launchChromium, newDevice, type Device } from '../support/e2e-browser';
import { layoutProblems } from '../support/e2e-layout';
import { getTeamSettings } from '../../src/server/privacy/team-settings';
import { findTeam } from '../../src/server/auth/accounts';

const ADMIN = 'anton@e2e.feldakte';
const screenshotDir = process.env.SCREENSHOT_DIR;
let server: E2eServer;
let browser: Browser;
let admin: Device;

beforeAll(async () => {
  server = await startE2eServer({
    accounts: [
      ...defaultAccounts,
      { email: ADMIN, name: 'Anton Verwaltung', team: 'Verwaltung', role: 'admin' },
    ],
  });
  browser = await launchChromium();
  admin = await newDevice(browser, server.url);
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function look(page: Page, width: number, name: string): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (screenshotDir)
    await page.screenshot({ path: join(screenshotDir, `${width}-${name}.png`), fullPage: true });
  return (await layoutProblems(page)).map((problem) => `${width}px ${name}: ${problem}`);
}

describe('the admin console', () => {
  it("sets a team's privacy settings and resets a password; the THM must set a new one", async () => {
    const { page } = admin;
    const problems: string[] = [];
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/verwaltung');
    await page.getByLabel('E-Mail').fill(ADMIN);
    await page.getByLabel('Passwort').fill(server.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('heading', { name: 'Verwaltung', level: 2 }).waitFor();
    const team = page.locator('.admin-team', { hasText: 'Team E2E' });
    await team.getByText(/3 Jahre · Einwilligung/).waitFor();
    problems.push(...(await look(page, 320, 'verwaltung')));

    await team.getByRole('button', { name: 'Datenschutz-Einstellungen' }).click();
    const years = team.getByLabel(/Aufbewahrungsfrist in Jahren/);
    await years.fill('0');
    await team.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await team.getByText('Die Aufbewahrungsfrist beträgt mindestens 1 Jahr.').waitFor();
    expect(await years.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      problems.push(...(await look(page, width, 'team-settings-error')));
    }
    const teamId = (await findTeam(server.store, 'Team E2E'))!.id;
    expect((await getTeamSettings(server.store, teamId)).retentionYears).toBe(3);

    await years.fill('5');
    await team.getByLabel(/Rechtsgrundlage/).selectOption('public_task');
    await team.getByLabel('Berichte zählen nur Fälle mit Einwilligung für Berichte').check();
    await team.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByText('Einstellungen von „Team E2E“ gespeichert.').waitFor();
    await team.getByText(/5 Jahre · Öffentliche Aufgabe .* nur mit Einwilligung/).waitFor();
    expect(await getTeamSettings(server.store, teamId)).toMatchObject({
      retentionYears: 5,
      legalBasis: 'public_task',
      reportsNeedConsent: true,
    });

    const lena = page.locator('.admin-user', { hasText: 'lena@e2e.feldakte' });
    await lena.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const oneTime = (await dialog.locator('code').textContent())!.trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await dialog.getByText('muss ein eigenes Passwort festgelegt werden').waitFor();
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      problems.push(...(await look(page, width, 'one-time-password')));
    }
    await dialog.getByRole('button', { name: 'Verstanden, schließen' }).click();

    // A new account: the server's refusal (the e-mail exists) lands at its field.
    const newUser = page.locator('form', {
      has: page.getByRole('heading', { name: 'Neues Konto' }),
    });
    await newUser.getByLabel(/^Name/).fill('Mara Yilmaz');
    await newUser.getByLabel(/^E-Mail/).fill('lena@e2e.feldakte');
    await newUser.getByRole('button', { name: 'Konto anlegen' }).click();
    await newUser.getByText('Ein Konto mit lena@e2e.feldakte gibt es schon.').waitFor();
    expect(
      await newUser.getByLabel(/^E-Mail/).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      problems.push(...(await look(page, width, 'new-account-error')));
    }
    await newUser.getByLabel(/^E-Mail/).fill('mara@e2e.feldakte');
    await newUser.getByRole('button', { name: 'Konto anlegen' }).click();
    await page
      .getByRole('alertdialog', { name: 'Einmal-Passwort für mara@e2e.feldakte' })
      .waitFor();
    await page.getByRole('button', { name: 'Verstanden, schließen' }).click();
    await page.locator('.admin-user', { hasText: 'mara@e2e.feldakte' }).waitFor();

    // Lena's new phone: the one-time password leads to "Neues Passwort festlegen" first.
    const phone = await newDevice(browser, server.url);
    const p = phone.page;
    await p.setViewportSize({ width: 320, height: 740 });
    await p.goto('/');
    await p.getByLabel('E-Mail').fill('lena@e2e.feldakte');
    await p.getByLabel('Passwort').fill(oneTime);
    await p.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await p.getByRole('heading', { name: 'Neues Passwort festlegen' }).waitFor();
    await p.getByLabel(/^Neues Passwort \(/).fill('kurz');
    await p.getByRole('button', { name: 'Passwort speichern' }).click();
    await p.getByText('Das neue Passwort muss mindestens 10 Zeichen lang sein.').waitFor();
    for (const width of [320, 360]) {
      await p.setViewportSize({ width, height: 740 });
      problems.push(...(await look(p, width, 'new-password')));
    }
    // The server refuses everything else meanwhile, with a clear code.
    const refused = await p.evaluate(async () => {
      const response = await fetch('/api/team', { credentials: 'same-origin' });
      return { status: response.status, body: (await response.json()) as { error: string } };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: 'password_change_required' } });

    await p.getByLabel(/^Neues Passwort \(/).fill('lenas-eigenes-passwort');
    await p.getByLabel(/^Neues Passwort wiederholen/).fill('lenas-eigenes-passwort');
    await p.getByRole('button', { name: 'Passwort speichern' }).click();
    await p.getByRole('heading', { name: 'PIN für dieses Gerät festlegen' }).waitFor();
    const allowed = await p.evaluate(async () => {
      const response = await fetch('/api/team', { credentials: 'same-origin' });
      return response.status;
    });
    expect(allowed).toBe(200);
    await phone.context.close();

    // [S5] Lena's phone got the recovery secret only from its sign-in with her own password (the
    // one-time sign-in got none): the console's device list shows that one hand-out.
    await page.reload();
    const lenaAgain = page.locator('.admin-user', { hasText: 'lena@e2e.feldakte' });
    await lenaAgain.getByRole('button', { name: 'Geräte' }).click();
    await lenaAgain.getByText(/Wiederherstellungsschlüssel erhalten: 1×, zuletzt/).waitFor();
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      problems.push(...(await look(page, width, 'devices-recoveries')));
    }
    expect(problems).toEqual([]);
  });
});

// Issue 27 in the built app: what a new THM tripped over in the first week. A new team has no
// partners: the referral form says so and leads to a new partner and back (item 1). A task's done
// box takes a tap anywhere in its 44 px square and can be taken back (item 3). Every screen on the
// way is looked at in German and English at 320 and 360 px: no sideways scrolling, no clipped
// text, axe (WCAG 2.1 A/AA) at 0 violations.
// SCREENSHOT_DIR=/tmp/shots keeps a screenshot of every look for a look by eye.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import { E2E_PIN, launchChromium, newDevice, signIn, type Device } from '../support/e2e-browser';
import { layoutProblems } from '../support/e2e-layout';
import { axeViolations } from '../support/e2e-axe';

let server: E2eServer;
let browser: Browser;
let phone: Device;
let caseUrl: string;
const screenshotDir = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startE2eServer();
  const [lena] = server.accounts;
  browser = await launchChromium();
  // axe is injected as a script tag: the app's CSP would refuse it.
  phone = await newDevice(browser, server.url, { bypassCSP: true });
  await signIn(phone.page, lena!.email, server.password);
  const { page } = phone;
  await goto(page, '/faelle/neu');
  await page.getByLabel('Vorname').fill('Amina');
  await page.getByLabel('Nachname').fill('Zaraghani');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
  caseUrl = new URL(page.url()).pathname;
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** page.goto and unlock with the PIN, in either language. */
async function goto(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const locked = page.getByRole('heading', {
    name: /^(Feldakte ist gesperrt|Feldakte is locked)$/,
  });
  const shell = page.getByRole('navigation', { name: /^(Hauptnavigation|Main navigation)$/ });
  await locked.or(shell).first().waitFor();
  if (!(await locked.isVisible())) return;
  await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: /^(Entsperren|Unlock)$/ }).click();
  await shell.waitFor();
}

async function chooseLanguage(page: Page, language: 'Deutsch' | 'English'): Promise<void> {
  await goto(page, '/mehr');
  await page.getByRole('radio', { name: language }).check();
  await page.locator(`html[lang="${language === 'English' ? 'en' : 'de'}"]`).waitFor();
}

/**
 * The current screen at 320 and 360 px in German and English: what a person would see as broken
 * and what axe finds. `open` brings the screen back after the language changed.
 */
async function lookEverywhere(page: Page, name: string, open: () => Promise<void>) {
  const problems: string[] = [];
  for (const language of ['English', 'Deutsch'] as const) {
    await chooseLanguage(page, language);
    await open();
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      if (screenshotDir)
        await page.screenshot({
          path: join(screenshotDir, `${width}-${language}-${name}.png`),
          fullPage: true,
        });
      const where = `${name} ${language} ${width}px`;
      problems.push(...(await layoutProblems(page)).map((p) => `${where}: ${p}`));
      problems.push(...(await axeViolations(page)).map((p) => `${where}: axe ${p}`));
    }
  }
  expect(problems).toEqual([]);
}

describe('a new THM in the first week', () => {
  it('a team with no partners gets a way forward from "Vermittlung anlegen" (item 1)', async () => {
    const { page } = phone;
    const openForm = async () => {
      await goto(page, `${caseUrl}/vermittlungen/neu`);
      await page.getByRole('heading', { name: /^(Noch keine Partner|No partners yet)$/ }).waitFor();
    };
    await lookEverywhere(page, 'referral-no-partners', openForm);

    await page.setViewportSize({ width: 320, height: 740 });
    await openForm();
    await page.getByRole('button', { name: 'Startliste laden' }).waitFor();
    await page.getByRole('link', { name: 'Partner anlegen' }).click();
    await page.waitForURL(/\/netzwerk\/neu\?fall=/);
    await page.getByLabel('Name').fill('Nähwerkstatt Gemeinsam e. V.');
    await page.getByLabel(/^Art/).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Speichern' }).click();

    // Back at the referral form, the new partner chosen.
    await page.waitForURL((url) => url.pathname === `${caseUrl}/vermittlungen/neu`);
    const partner = page.getByLabel(/^Partner/, { exact: false }).first();
    await expect
      .poll(() => partner.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text))
      .toBe('Nähwerkstatt Gemeinsam e. V.');
    await page.getByRole('link', { name: 'Partner fehlt? Neuen Partner anlegen' }).waitFor();
    await page.getByLabel('Anlass').fill('Sucht einen Nähkurs am Vormittag');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/vermittlungen\/[0-9a-f-]{36}$/);
    await page.getByText('Nähwerkstatt Gemeinsam e. V.').first().waitFor();
  });

  it('a task ticks with a tap anywhere in its 44 px square and can be taken back (item 3)', async () => {
    const { page } = phone;
    await page.setViewportSize({ width: 320, height: 740 });
    await goto(page, caseUrl);
    await page.getByRole('button', { name: 'Aufgabe hinzufügen' }).first().click();
    const sheet = page.getByRole('dialog', { name: 'Aufgabe hinzufügen' });
    await sheet.getByLabel(/Was ist zu tun/).fill('Anmeldung beim Sprachkurs');
    await sheet.getByRole('button', { name: 'Speichern' }).click();
    await sheet.waitFor({ state: 'detached' });
    const box = page.getByRole('checkbox', { name: 'Erledigt: Anmeldung beim Sprachkurs' });
    await box.waitFor();

    // Every point of the 44 x 44 px square around the box's centre (a grid of 4 px, and its
    // edges) belongs to the box or to a label of it.
    const misses = await box.evaluate((input: HTMLInputElement) => {
      const { left, top, width, height } = input.getBoundingClientRect();
      const [cx, cy] = [left + width / 2, top + height / 2];
      const offsets = [-21.5, -20, -16, -12, -8, -4, 0, 4, 8, 12, 16, 20, 21.5];
      const missed: string[] = [];
      for (const dx of offsets)
        for (const dy of offsets) {
          const hit = document.elementFromPoint(cx + dx, cy + dy);
          const label = hit?.closest('label');
          if (hit !== input && label?.control !== input) missed.push(`${dx},${dy}`);
        }
      return missed;
    });
    expect(misses).toEqual([]);

    // A tap 18 px beside the box, inside its square, ticks it; "Rückgängig" opens it again.
    const { x, y, width, height } = (await box.boundingBox())!;
    await page.mouse.click(x + width / 2 - 18, y + height / 2 + 18);
    await expect.poll(() => box.count()).toBe(0); // done tasks fold away
    const undo = page.getByRole('button', { name: 'Rückgängig: Aufgabe erledigt.' });
    await undo.click();
    await page.getByText('Aufgabe wieder offen.').waitFor();
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);

    let n = 0;
    await lookEverywhere(page, 'case-task-undo', async () => {
      await goto(page, caseUrl);
      await page
        .getByRole('button', { name: /^(Aufgabe hinzufügen|Add task)$/ })
        .first()
        .click();
      const title = `Bewerbung nachfassen ${++n}`;
      await page.getByRole('dialog').getByRole('textbox').first().fill(title);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^(Speichern|Save)$/ })
        .click();
      await page.getByRole('checkbox', { name: new RegExp(title) }).click();
      await page.getByRole('button', { name: /^(Rückgängig|Undo)/ }).waitFor();
    });
  });
});

describe('what the person is shown', () => {
  it('texts with a placeholder warn first; the access export reads in words (items 2, 4)', async () => {
    const { page } = phone;
    await lookEverywhere(page, 'texts-placeholder-warning', async () => {
      await goto(page, `${caseUrl}/datenschutz`);
      await page
        .getByText(/^(Die Texte sind noch nicht vollständig|The texts are not complete yet)$/)
        .waitFor();
    });
    await lookEverywhere(page, 'consent-placeholder-warning', async () => {
      await goto(page, `${caseUrl}/einwilligungen/neu`);
      await page
        .getByText(/^(Die Texte sind noch nicht vollständig|The texts are not complete yet)$/)
        .waitFor();
    });
    await lookEverywhere(page, 'access-export', async () => {
      await goto(page, `${caseUrl}/auskunft`);
      await page
        .getByRole('heading', { name: /^(Angaben zur Person|About the person)$/ })
        .waitFor();
    });
  });
});

describe('words and small layout (items 7, 8, 11)', () => {
  it('the PIN screen says what the lock does and names a passphrase a passphrase', async () => {
    const [lena] = server.accounts;
    const problems: string[] = [];
    for (const language of ['de', 'en'] as const) {
      const device = await newDevice(browser, server.url, { bypassCSP: true });
      try {
        const { page } = device;
        await device.context.addInitScript(
          `localStorage.setItem('feldakte.language', '${language}')`,
        );
        await page.goto('/');
        await page.getByLabel(/^(E-Mail|E-mail)/).fill(lena!.email);
        await page.getByLabel(/^(Passwort|Password)/).fill(server.password);
        await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
        await page
          .getByRole('heading', {
            name: /^(PIN für dieses Gerät festlegen|Set a PIN for this device)$/,
          })
          .waitFor();
        for (const passphrase of [false, true]) {
          if (passphrase)
            await page
              .getByRole('button', { name: /Passwortsatz verwenden|passphrase instead/ })
              .click();
          await page.getByText(/^(Nach 10 falschen Eingaben|After 10 wrong entries)/).waitFor();
          for (const width of [320, 360]) {
            await page.setViewportSize({ width, height: 740 });
            const name = `pin-setup-${passphrase ? 'passphrase' : 'pin'}`;
            if (screenshotDir)
              await page.screenshot({
                path: join(screenshotDir, `${width}-${language}-${name}.png`),
              });
            const where = `${name} ${language} ${width}px`;
            problems.push(...(await layoutProblems(page)).map((p) => `${where}: ${p}`));
            problems.push(...(await axeViolations(page)).map((p) => `${where}: axe ${p}`));
          }
        }
        await page
          .getByRole('heading', {
            name: /^(Passwortsatz für dieses Gerät festlegen|Set a passphrase for this device)$/,
          })
          .waitFor();
      } finally {
        await device.context.close();
      }
    }
    expect(problems).toEqual([]);
  });

  it('the consent form names the language; the sync panel closes on Escape', async () => {
    const { page } = phone;
    await lookEverywhere(page, 'consent-form-language', async () => {
      await goto(page, `${caseUrl}/einwilligungen/neu?zweck=store_data&sprache=ar&version=2026-11`);
      await page.getByLabel(/^(Sprache des Formulars|Language of the form)/).waitFor();
    });
    const language = page.getByLabel(/^Sprache des Formulars/);
    expect(await language.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
      'العربية (Arabisch)',
    );
    await lookEverywhere(page, 'sync-panel', async () => {
      await goto(page, caseUrl);
      await page.locator('.sync-chip__button').click();
      await page.locator('#sync-chip-details').waitFor();
    });
    await page.keyboard.press('Escape');
    await page.locator('#sync-chip-details').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'sync-chip__button',
    );
  });
});

describe('the other changed screens (items 7, 9, 10)', () => {
  it('hygiene settings (off by default), conflicts, the case list and the offline line pass axe', async () => {
    const { page } = phone;
    await lookEverywhere(page, 'hygiene-settings', async () => {
      await goto(page, '/termine/hygiene');
      await page.getByText(/^(Aus: persönliche Termine|Off: in-person appointments)/).waitFor();
    });
    await lookEverywhere(page, 'conflicts', async () => {
      await goto(page, '/mehr/konflikte');
      await page.getByText(/^(Keine offenen Konflikte\.|No open conflicts\.)$/).waitFor();
    });
    await lookEverywhere(page, 'case-list', async () => {
      await goto(page, '/faelle');
      await page.getByText(/^(1 Fall|1 case)$/).waitFor();
    });
    // Offline: the one line with what waits (the service worker serves the app).
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller));
    await phone.context.setOffline(true);
    try {
      await lookEverywhere(page, 'offline-line', async () => {
        await goto(page, caseUrl);
        await page
          .getByRole('button', { name: /^(Aufgabe hinzufügen|Add task)$/ })
          .first()
          .click();
        await page.getByRole('dialog').getByRole('textbox').first().fill('Offline notiert');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /^(Speichern|Save)$/ })
          .click();
        await page.locator('.sync-chip__button').click();
        await page.getByRole('button', { name: /^(Jetzt synchronisieren|Sync now)$/ }).click();
        await page.locator('.offline-banner').waitFor();
        await page.keyboard.press('Escape');
      });
      expect(await page.locator('.offline-banner').textContent()).toMatch(
        /^Offline: \d+ Änderung(en)? wart(et|en) auf die Verbindung\.$/,
      );
    } finally {
      await phone.context.setOffline(false);
    }
  });
});

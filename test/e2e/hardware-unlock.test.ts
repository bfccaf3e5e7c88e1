// [K10] Unlock bound to the phone's hardware, in Chromium with the DevTools protocol's virtual
// authenticator (a platform authenticator: internal transport, CTAP2, user verification, PRF).
// "Mehr" offers it; setting it up wraps the data key with the authenticator's PRF output and
// deletes the PIN wrap (no key file the PIN opens stays); the lock screen then unlocks with it,
// also after a reload and offline. "Wieder eine PIN verwenden" brings the PIN back and removes the
// hardware wrap. An authenticator without PRF is refused and the PIN stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import {
  E2E_PIN,
  launchChromium,
  newDevice,
  setOffline,
  signIn,
  unlockIfLocked,
  waitForServiceWorker,
  type Device,
} from '../support/e2e-browser';
import { navigate } from '../support/profile-fillers';

let server: E2eServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  server = await startE2eServer();
  // A WebAuthn relying party is a domain; 127.0.0.1 is not one, localhost is (and is secure).
  baseUrl = server.url.replace('127.0.0.1', 'localhost');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone with a fingerprint sensor: the virtual authenticator of the DevTools protocol. */
async function phoneWithAuthenticator(hasPrf: boolean): Promise<Device> {
  const device = await newDevice(browser, baseUrl);
  const cdp = await device.context.newCDPSession(device.page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf,
      automaticPresenceSimulation: true,
    },
  });
  return device;
}

/** The names of the key files of the private file system ([K9]). */
function keyFileNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const directory = await root.getDirectoryHandle('feldakte-keys', { create: true });
    const names: string[] = [];
    for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys())
      names.push(name.replace(/^feldakte-[^.]+/, 'db'));
    return names.sort();
  });
}

async function lockNow(page: Page): Promise<void> {
  await navigate(page, '/mehr');
  await page.getByRole('button', { name: 'Jetzt sperren' }).click();
  await page.getByRole('heading', { name: 'Feldakte ist gesperrt' }).waitFor();
}

const shell = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

describe('[K10] unlock with fingerprint or face', () => {
  it('set up in "Mehr": the PIN wrap goes, the lock screen unlocks with the authenticator, offline too', async () => {
    const { page, context } = await phoneWithAuthenticator(true);
    await signIn(page, server.accounts[0]!.email, server.password);
    await waitForServiceWorker(page);
    expect(await keyFileNames(page)).toEqual(['db.pin']);

    await navigate(page, '/mehr');
    await page
      .getByRole('heading', { name: 'Mit Fingerabdruck oder Gesicht entsperren' })
      .waitFor();
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await page.getByText('Eingerichtet. Die PIN ist auf diesem Gerät gelöscht.').waitFor();
    expect(await keyFileNames(page)).toEqual(['db.hardware']);

    await lockNow(page);
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mit Fingerabdruck oder Gesicht entsperren' }).click();
    await shell(page).waitFor();

    // A reload offline: the key is gone from memory; the authenticator opens it again.
    await setOffline({ context, page, errors: [] }, true);
    await page.reload();
    await page.getByRole('button', { name: 'Mit Fingerabdruck oder Gesicht entsperren' }).click();
    await shell(page).waitFor();
    await setOffline({ context, page, errors: [] }, false);

    // Back to a PIN: the hardware wrap goes, the PIN opens the device.
    await navigate(page, '/mehr');
    await page.getByRole('button', { name: 'Wieder eine PIN verwenden' }).click();
    await page.getByLabel(/^Neue PIN/).fill(E2E_PIN);
    await page.getByLabel(/^Wiederholen/).fill(E2E_PIN);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText(/Die PIN gilt wieder/).waitFor();
    expect(await keyFileNames(page)).toEqual(['db.pin']);
    await lockNow(page);
    await unlockIfLocked(page);
    await context.close();
  }, 180_000);

  it('an authenticator without PRF: set-up is refused and the PIN stays', async () => {
    const { page, context } = await phoneWithAuthenticator(false);
    await signIn(page, server.accounts[1]!.email, server.password);
    await navigate(page, '/mehr');
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await page.getByText(/kann den Schlüssel nicht an Fingerabdruck oder Gesicht binden/).waitFor();
    expect(await keyFileNames(page)).toEqual(['db.pin']);
    await context.close();
  }, 120_000);
});

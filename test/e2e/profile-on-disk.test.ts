// Issue 22, tested from outside: what reaches the phone's disk. Chromium with a persistent profile
// (a real user data directory) signs in, fills every form of the app with marker strings
// (test/support/profile-fillers.ts: case, profile, needs, status, contact, partner, consent,
// referral, gap, appointment, conference), locks, and closes. Then every file of the profile is
// searched in UTF-8 and UTF-16LE: session-restore files, IndexedDB, caches, everything. Any marker
// found fails ([K7], [K1]). A probe typed into a control without autocomplete="off" must be found,
// so the search is known to see what Chromium keeps.
// After a wipe (sign-out with removal), the bytes of the wrapped data key are in no file ([K9]).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import {
  launchPersistentDevice,
  signIn,
  unlockIfLocked,
  waitForServiceWorker,
  type Device,
} from '../support/e2e-browser';
import { navigate, profileFillers, type FillContext } from '../support/profile-fillers';

let server: E2eServer;
let profileDir: string;
let device: Device | null = null;

beforeAll(async () => {
  server = await startE2eServer();
  profileDir = mkdtempSync(join(tmpdir(), 'feldakte-profile-'));
}, 120_000);

afterAll(async () => {
  await device?.context.close();
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

/** Every file of the profile that holds one of the needles: `needle label -> files`. */
function foundInProfile(needles: Map<string, Buffer[]>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const content = readFileSync(path);
        for (const [label, forms] of needles) {
          if (forms.some((form) => content.includes(form)))
            (found[label] ??= []).push(relative(profileDir, path));
        }
      }
    }
  };
  walk(profileDir);
  return found;
}

const asText = (marker: string) => [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];

let counter = 0;
const fillContext = (page: Device['page']): FillContext => ({
  page,
  ids: {},
  // Q, z and x: letters rare together, so no file holds such a run by chance.
  marker: () => `Qz${(counter++).toString(36)}x${Math.random().toString(36).slice(2, 8)}Qz`,
  digits: () => String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
});

async function lockAndClose(): Promise<void> {
  const { page, context } = device!;
  await navigate(page, '/mehr');
  await page.getByRole('button', { name: 'Jetzt sperren' }).click();
  await page.getByRole('heading', { name: 'Feldakte ist gesperrt' }).waitFor();
  await context.close();
  device = null;
}

describe('the phone’s disk after a working session', () => {
  it('[K7] no marker typed into any form is in any file of the profile, locked and closed', async () => {
    device = await launchPersistentDevice(profileDir, server.url);
    const { page } = device;
    await signIn(page, server.accounts[0]!.email, server.password);
    await waitForServiceWorker(page);
    const ctx = fillContext(page);

    const markers = new Map<string, Buffer[]>();
    for (const filler of profileFillers) {
      const typed = await filler.fill(ctx);
      expect(typed.length, `${filler.name} typed markers`).toBeGreaterThan(0);
      for (const marker of typed) markers.set(`${filler.name}: ${marker}`, asText(marker));
    }
    // The probe: a control as Chromium keeps it (no autocomplete="off"), left in the page.
    const probe = ctx.marker();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'probe';
      document.body.append(input);
    });
    await page.locator('#probe').fill(probe);
    await lockAndClose();

    const found = foundInProfile(new Map([...markers, ['probe', asText(probe)]]));
    expect(found.probe, 'the probe is found, so the search sees what Chromium keeps').toEqual(
      expect.arrayContaining([expect.stringMatching(/Sessions\//)]),
    );
    delete found.probe;
    expect(found).toEqual({});
  }, 240_000);

  it('[K9] after a wipe, the wrapped data key’s bytes are in no file of the profile', async () => {
    device = await launchPersistentDevice(profileDir, server.url);
    const { page } = device;
    await page.goto('/');
    await unlockIfLocked(page);
    const wrapped = await page.evaluate(readPinWrap);
    expect(wrapped.length).toBeGreaterThanOrEqual(32);

    await navigate(page, '/mehr');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('Daten von diesem Gerät entfernen').check();
    const confirm = page.getByRole('checkbox', { name: /auch nicht synchronisierte/ });
    if (await confirm.isVisible()) await confirm.check();
    await page.getByRole('dialog').getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('E-Mail').waitFor();
    await device.context.close();
    device = null;

    expect(foundInProfile(new Map([['wrapped key', [Buffer.from(wrapped)]]]))).toEqual({});
  }, 120_000);
});

/** In the page: the PIN wrap's ciphertext, from its key file in the private file system ([K9]). */
async function readPinWrap(): Promise<number[]> {
  const user = JSON.parse(localStorage.getItem('feldakte.user') ?? 'null') as { id: string };
  const directory = await (
    await navigator.storage.getDirectory()
  ).getDirectoryHandle('feldakte-keys');
  const file = await (await directory.getFileHandle(`feldakte-${user.id}.pin`)).getFile();
  const wrap = JSON.parse(await file.text()) as { wrapped: { bytes: string } };
  return [...atob(wrap.wrapped.bytes)].map((char) => char.charCodeAt(0));
}

// Documents end to end (issue 25, [D1]-[D5]), the built app, the real server, Chromium: a photo
// with EXIF GPS is taken with the app's camera input offline, stored encrypted (no page, no title,
// no EXIF in IndexedDB), survives a reload, uploads once online (ciphertext only on the wire),
// and opens on a colleague's phone without any EXIF left. A PDF upload whose connection drops
// mid-way resumes. The screens are walked at 320 and 360 px.
// SCREENSHOT_DIR=/tmp/shots keeps screenshots for a look by eye.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTwoPhones, type TwoPhones } from '../support/e2e-team';
import { goto, setOffline, syncNow } from '../support/e2e-browser';
import { layoutProblems } from '../support/e2e-layout';
import { EXIF_MAKE, withExifGps } from '../support/exif-jpeg';
import {
  decryptDocument,
  keyFromText,
  openThumb,
  splitDocumentFile,
} from '../../src/local/documents/file-cipher';

/**
 * What exifr reads that says something about the person, the place or the device: every EXIF
 * block, XMP and IPTC. (JFIF and the ICC colour profile only describe the pixels.)
 */
const PERSONAL_TAGS = {
  ifd0: true,
  ifd1: true,
  exif: true,
  gps: true,
  interop: true,
  makerNote: true,
  userComment: true,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
} as unknown as Parameters<typeof exifr.parse>[1];

/** The chunk names of a WebP file (RIFF): 'VP8 ' is the picture; EXIF and XMP would be metadata. */
function webpChunks(bytes: Buffer): string[] {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= bytes.length;) {
    chunks.push(bytes.subarray(at, at + 4).toString('latin1'));
    const size = bytes.readUInt32LE(at + 4);
    at += 8 + size + (size % 2);
  }
  return chunks;
}

const within = { timeout: 45_000, interval: 200 };
const screenshotDir = process.env.SCREENSHOT_DIR;
let team: TwoPhones | undefined;

beforeAll(async () => {
  team = await startTwoPhones();
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await team?.close();
});

/** A 3000 x 2000 px photo of a letter, made by the browser's own JPEG encoder. */
async function cameraPhoto(page: Page): Promise<Uint8Array> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 2000);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#f4f1e8';
    context.fillRect(0, 0, 3000, 2000);
    context.fillStyle = '#222';
    context.font = '64px serif';
    for (let line = 0; line < 18; line++) {
      context.fillText(
        `Bescheinigung über die Aussetzung der Abschiebung, Zeile ${line + 1}`,
        120,
        160 + line * 96,
      );
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return withExifGps(new Uint8Array(bytes));
}

/** Everything the phone's IndexedDB holds, as Latin-1 text. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((db) => db.name!)
      .filter((name) => name.startsWith('feldakte-'));
    let text = '';
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        text += JSON.stringify(rows, (_key, value: unknown) => {
          if (ArrayBuffer.isView(value)) {
            const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
            let out = '';
            for (const byte of bytes) out += String.fromCharCode(byte);
            return out;
          }
          return value;
        });
      }
      db.close();
    }
    return text;
  });
}

async function newCase(page: Page, family: string): Promise<string> {
  await goto(page, '/faelle/neu');
  await page.getByLabel('Vorname').fill('Amina');
  await page.getByLabel('Nachname').fill(family);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

async function walk(page: Page, name: string): Promise<void> {
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 720 });
    await page.waitForTimeout(50);
    expect(await layoutProblems(page), `${name} at ${width}px`).toEqual([]);
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'main a, main button, main select, main input:not([hidden]):not([type=checkbox]):not([type=radio])',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ el }) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
    );
    expect(small, `targets under 44 px on ${name} at ${width}px`).toEqual([]);
    if (screenshotDir)
      await page.screenshot({
        path: join(screenshotDir, `documents-${name}-${width}.png`),
        fullPage: true,
      });
  }
  await page.setViewportSize({ width: 390, height: 800 });
}

describe('documents in the case file', () => {
  it('[D1] [D3] [D4] [D5] a photo taken offline is stored encrypted without EXIF, uploads online and opens on a colleague’s phone', async () => {
    const { phoneA, phoneB } = team!;
    const a = phoneA.page;
    const caseUrl = await newCase(a, 'Haidari-Dokument');
    await syncNow(a);

    const photo = await cameraPhoto(a);
    expect((await exifr.gps(Buffer.from(photo)))?.latitude).toBeCloseTo(51.5, 2);
    expect(await exifr.parse(Buffer.from(photo), PERSONAL_TAGS)).toMatchObject({ Make: EXIF_MAKE });

    await setOffline(phoneA, true);
    await goto(a, caseUrl);
    await a.getByRole('heading', { name: 'Dokumente' }).waitFor();
    await walk(a, 'case');
    await a.getByRole('link', { name: 'Dokument hinzufügen' }).click();
    await a.waitForURL(`**${caseUrl}/dokumente/neu`);
    await a.getByLabel('Titel', { exact: false }).first().fill('Duldung Verlängerung Haidari');
    await a.setInputFiles('[data-testid=document-camera]', {
      name: 'IMG_2041.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(photo),
    });
    await a.getByRole('img', { name: 'Seite 1' }).waitFor();
    // A file that is no image and no PDF is refused by its content, whatever its name says.
    await a.setInputFiles('[data-testid=document-picker]', {
      name: 'scan.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('PK\u0003\u0004 kein Bild'),
    });
    await a.getByText('„scan.jpg“ ist kein Bild').waitFor();
    await walk(a, 'add');
    await a.getByRole('button', { name: 'Dokument speichern' }).click();
    await a.waitForURL((url) => url.pathname === caseUrl);
    await a.getByText('Wartet auf Upload').waitFor();

    // Nothing of the page, its title or its EXIF is in IndexedDB in clear.
    const stored = await storedText(a);
    for (const secret of ['Duldung Verlängerung', EXIF_MAKE, 'Exif\u0000\u0000', 'Bescheinigung']) {
      expect(stored).not.toContain(secret);
    }

    // Reload offline: still there, still waiting.
    await goto(a, caseUrl);
    await a.getByText('Wartet auf Upload').waitFor();

    // Online: the record syncs, the file uploads; what travels is the app's ciphertext.
    await setOffline(phoneA, false);
    await syncNow(a);
    await expect.poll(() => a.getByText('Hochgeladen', { exact: true }).count(), within).toBe(1);
    const [file] = await team!.server.store.query<{ id: string }>(
      'SELECT id FROM files WHERE completed_at IS NOT NULL',
    );
    const wire = readFileSync(join(team!.server.dataDir, 'files', file!.id));
    expect(wire.subarray(0, 4).toString('latin1')).toBe('FDOC');
    expect(wire.includes(Buffer.from(EXIF_MAKE))).toBe(false);
    expect(wire.includes(Buffer.from('Exif\0\0'))).toBe(false);

    // The colleague's phone: the record after a sync, the file when the document is opened.
    const b = phoneB.page;
    await syncNow(b);
    await goto(b, caseUrl);
    await b.getByRole('button', { name: 'Alle offline verfügbar machen' }).waitFor();
    await walk(b, 'case-with-document');
    await b.getByRole('link', { name: /Öffnen: Duldung Verlängerung Haidari/ }).click();
    const image = b.getByRole('img', { name: 'Duldung Verlängerung Haidari, Seite 1 von 1' });
    await image.waitFor();
    const shown = await image.evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
      src: img.src,
    }));
    expect(shown.src.startsWith('blob:')).toBe(true);
    expect(Math.max(shown.width, shown.height)).toBe(2000);

    // What the server holds opens with the document's key to a page without any EXIF.
    const [record] = await team!.server.store.query<{
      fields: { fileId: string; fileKey: string; thumb: string };
    }>("SELECT fields FROM records WHERE tbl = 'documents' AND fields ->> 'fileId' = $1", [
      file!.id,
    ]);
    const pages = await decryptDocument(
      file!.id,
      keyFromText(record!.fields.fileKey),
      splitDocumentFile(new Uint8Array(wire)),
    );
    expect(pages.map((page) => page.type)).toEqual(['image/webp']);
    const bytes = Buffer.from(pages[0]!.bytes);
    expect(bytes.length).toBeLessThanOrEqual(400 * 1024);
    // WebP (which exifr does not read): the RIFF container holds the picture and the canvas's
    // colour profile (sRGB), no EXIF and no XMP chunk.
    const chunks = webpChunks(bytes);
    expect(chunks).toContain('VP8 ');
    expect(chunks.filter((name) => !['VP8X', 'ICCP', 'VP8 '].includes(name))).toEqual([]);
    expect(bytes.includes(Buffer.from(EXIF_MAKE))).toBe(false);
    // The thumbnail that syncs with the record is a JPEG: exifr finds no tag at all.
    const thumb = Buffer.from(
      await openThumb(file!.id, keyFromText(record!.fields.fileKey), record!.fields.thumb),
    );
    expect(thumb.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    // Small, so documents do not weigh on a first sync.
    expect(thumb.length).toBeLessThanOrEqual(8 * 1024);
    expect(await exifr.parse(thumb, PERSONAL_TAGS)).toBeUndefined();
    expect(await exifr.gps(thumb)).toBeUndefined();
    await walk(b, 'view');
  });

  it('[D4] a PDF upload whose connection drops mid-way resumes where it stopped', async () => {
    const { phoneA } = team!;
    const a = phoneA.page;
    const caseUrl = await newCase(a, 'Haidari-PDF');
    await goto(a, `${caseUrl}/dokumente/neu`);
    await a.getByLabel('Art des Dokuments').selectOption('certificate');
    await a.getByLabel('Titel', { exact: false }).first().fill('Zeugnis Berufskolleg');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_600_000)]);
    await a.setInputFiles('[data-testid=document-picker]', {
      name: 'zeugnis.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await a.getByText(/PDF, 1,5 MB/).waitFor();
    // The second chunk's connection breaks once (page or service worker, whichever uploads).
    const offsets: number[] = [];
    await phoneA.context.route('**/api/files/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      offsets.push(Number(await route.request().headerValue('upload-offset')));
      if (offsets.length === 2) return route.abort('internetdisconnected');
      return route.continue();
    });
    await a.getByRole('button', { name: 'Dokument speichern' }).click();
    await a.waitForURL((url) => url.pathname === caseUrl);
    await syncNow(a);
    await expect.poll(() => a.getByText('Hochgeladen', { exact: true }).count(), within).toBe(1);
    await phoneA.context.unroute('**/api/files/*');
    // The broken chunk is sent again from its offset (asked with HEAD), never from the start.
    const chunk = 512 * 1024;
    expect(offsets).toEqual([0, chunk, chunk, 2 * chunk, 3 * chunk]);
  });

  it('[D4] a document saved offline uploads from the locked phone, with the app closed, by Background Sync', async () => {
    const { phoneA, server } = team!;
    const a = phoneA.page;
    const caseUrl = await newCase(a, 'Haidari-Gesperrt');
    await syncNow(a);
    await setOffline(phoneA, true);
    await goto(a, `${caseUrl}/dokumente/neu`);
    await a.getByLabel('Titel', { exact: false }).first().fill('Bescheid gesperrt');
    await a.setInputFiles('[data-testid=document-picker]', {
      name: 'bescheid.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]),
    });
    await a.getByText(/PDF, 293 KB/).waitFor();
    await a.getByRole('button', { name: 'Dokument speichern' }).click();
    await a.waitForURL((url) => url.pathname === caseUrl);
    await a.getByText('Wartet auf Upload').waitFor();
    // Lock, close the app, come back online: the worker syncs and uploads without the key.
    await goto(a, '/mehr');
    await a.getByRole('button', { name: 'Jetzt sperren' }).click();
    await a.getByRole('heading', { name: 'Feldakte ist gesperrt' }).waitFor();
    await a.goto('about:blank');
    await setOffline(phoneA, false);
    const cdp = await phoneA.context.newCDPSession(a);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) =>
          r.scopeURL.startsWith(server.url),
        );
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: server.url,
      registrationId: await registration,
      tag: 'feldakte-sync',
      lastChance: false,
    });
    const caseId = caseUrl.split('/').at(-1)!;
    await expect
      .poll(
        async () =>
          (
            await server.store.query(
              'SELECT id FROM files WHERE case_id = $1 AND completed_at IS NOT NULL',
              [caseId],
            )
          ).length,
        within,
      )
      .toBe(1);
  });
});

// Documents (issue 25), two budgets:
// 1. 20 photos of about 3 MB each (4000 x 3000 px, as a phone camera writes them) are prepared on
//    the phone and uploaded on the slow mobile profile (1.6 Mbit/s down, 750 kbit/s up, 150 ms):
//    bytes sent per photo <= 400 KB, and <= 90 s for preparing them plus the upload's time at
//    750 kbit/s (Chromium's emulation does not slow request bodies, so that part is computed from
//    the bytes sent and the round trips; the measured time is printed beside it).
// 2. Server memory while 10 phones upload 20 MB each at once: RSS growth <= 50 MB (the bytes
//    stream to disk; the uploads are sent by another process, so only the server is measured).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startE2eServer } from '../../test/support/e2e-server';
import { goto, launchChromium, newDevice, signIn } from '../../test/support/e2e-browser';
import {
  memoryStore,
  newRecordId,
  putCase,
  startTestServer,
  validCase,
} from '../support/server-harness';
import { diskFileStorage } from '../../src/server/files/file-storage';
import { SLOW_MOBILE } from './first-sync-run';
import { finish } from './budget';

const PHOTOS = 20;
const PHOTO_BUDGET_BYTES = 400 * 1024;
const TIME_BUDGET_MS = 90_000;
const PARALLEL = 10;
const UPLOAD_BYTES = 20 * 1024 * 1024;
const RSS_BUDGET_MB = 50;

async function photosOnSlowNetwork() {
  const server = await startE2eServer();
  const browser = await launchChromium();
  try {
    const device = await newDevice(browser, server.url);
    const page = device.page;
    page.setDefaultTimeout(10 * 60_000);
    await signIn(page, server.accounts[0]!.email, server.password);
    await goto(page, '/faelle/neu');
    await page.getByLabel('Vorname').fill('Amina');
    await page.getByLabel('Nachname').fill('Haidari');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(page.url()).pathname;
    // A camera photo of a letter: paper with a little grain and shading, lines of print.
    const photo = Buffer.from(
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(4000, 3000);
        const c = canvas.getContext('2d')!;
        const image = c.createImageData(4000, 3000);
        let seed = 7;
        for (let i = 0; i < image.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const shade = 226 + ((i / 4) % 4000) / 400 + (seed % 14);
          image.data[i] = shade;
          image.data[i + 1] = shade - 4;
          image.data[i + 2] = shade - 14;
          image.data[i + 3] = 255;
        }
        c.putImageData(image, 0, 0);
        c.fillStyle = '#1b1b1b';
        c.font = '58px serif';
        for (let line = 0; line < 40; line++)
          c.fillText(
            `Die Abschiebung wird vorübergehend ausgesetzt (Duldung), Zeile ${line + 1}, Auflage`,
            260,
            300 + line * 64,
          );
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.93 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      }),
      'base64',
    );
    console.log(`Foto: ${(photo.length / 1024 / 1024).toFixed(2)} MB, 4000 x 3000 px`);

    const photoDir = await mkdtemp(join(tmpdir(), 'feldakte-bench-photos-'));
    const photoFiles = await Promise.all(
      Array.from({ length: PHOTOS }, async (_, i) => {
        const path = join(photoDir, `IMG_${2000 + i}.jpg`);
        await writeFile(path, photo);
        return path;
      }),
    );
    await goto(page, `${caseUrl}/dokumente/neu`);
    await page.getByLabel('Titel', { exact: false }).first().fill('Bescheid, 20 Seiten');
    const cdp = await device.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_MOBILE.latencyMs,
      downloadThroughput: SLOW_MOBILE.downloadBytesPerSecond,
      uploadThroughput: SLOW_MOBILE.uploadBytesPerSecond,
    });
    const started = Date.now();
    await page.setInputFiles('[data-testid=document-picker]', photoFiles);
    await page.getByRole('img', { name: `Seite ${PHOTOS}` }).waitFor();
    const preparedMs = Date.now() - started;
    await page.getByRole('button', { name: 'Dokument speichern' }).click();
    await page.waitForURL((url) => url.pathname === caseUrl);
    await page.getByText('Hochgeladen', { exact: true }).waitFor();
    const totalMs = Date.now() - started;
    const [file] = await server.store.query<{ size: string }>(
      'SELECT size FROM files WHERE completed_at IS NOT NULL',
    );
    const fileBytes = Number(file!.size);
    const perPhoto = fileBytes / PHOTOS;
    // Chromium's emulation slows answers but not request bodies (the upload went at full speed):
    // the upload's time on the slow profile is its bytes at 750 kbit/s plus a round trip (HEAD
    // or POST, then each 512 KiB PATCH) of 2 x 150 ms each.
    const requests = 2 + Math.ceil(fileBytes / (512 * 1024));
    const uploadMs =
      (fileBytes / SLOW_MOBILE.uploadBytesPerSecond) * 1000 + requests * 2 * SLOW_MOBILE.latencyMs;
    const slowTotalMs = preparedMs + uploadMs;
    console.log(
      `${PHOTOS} Fotos: vorbereitet in ${(preparedMs / 1000).toFixed(1)} s, hier hochgeladen nach ` +
        `${(totalMs / 1000).toFixed(1)} s; ${(perPhoto / 1024).toFixed(0)} KB je Foto gesendet; ` +
        `Upload bei 750 kbit/s: ${(uploadMs / 1000).toFixed(1)} s, zusammen ${(slowTotalMs / 1000).toFixed(1)} s`,
    );
    return {
      preparedMs,
      measuredTotalMs: totalMs,
      uploadMsAt750kbit: Math.round(uploadMs),
      totalMs: Math.round(slowTotalMs),
      bytesPerPhoto: Math.round(perPhoto),
      photoBytes: photo.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function serverMemoryDuringUploads() {
  const dir = await mkdtemp(join(tmpdir(), 'feldakte-bench-files-'));
  const store = await memoryStore();
  const server = await startTestServer({ store, files: await diskFileStorage(dir) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  try {
    const member = await server.member(`Team ${randomUUID().slice(0, 6)}`);
    const caseId = newRecordId();
    await server.push(member, [putCase(member, 1, caseId, validCase())]);
    const meta = (value: string) => Buffer.from(value).toString('base64');
    const ids = Array.from({ length: PARALLEL }, () => randomBytes(16).toString('hex'));
    for (const fileId of ids) {
      const created = await fetch(`${base}/api/files`, {
        method: 'POST',
        headers: {
          cookie: member.cookie,
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(UPLOAD_BYTES),
          'Upload-Metadata': `fileId ${meta(fileId)},caseId ${meta(caseId)},documentId ${meta(newRecordId())}`,
        },
      });
      if (created.status !== 201) throw new Error(`POST ${created.status}`);
    }
    // The phones are another process: only the server's memory is measured here.
    const sender = `
      const [base, cookie, size, ...ids] = process.argv.slice(1);
      const chunk = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 255);
      chunk.set([0x46, 0x44, 0x4f, 0x43, 1, 0, 0, 0]);
      await Promise.all(ids.map(async (id) => {
        let sent = 0;
        const body = new ReadableStream({ pull(c) {
          if (sent >= Number(size)) return c.close();
          const part = chunk.subarray(0, Math.min(chunk.length, Number(size) - sent));
          sent += part.length; c.enqueue(part.slice());
        } });
        const r = await fetch(base + '/api/files/' + id, { method: 'PATCH', duplex: 'half', body,
          headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0',
                     'Content-Type': 'application/offset+octet-stream' } });
        if (r.status !== 204) { console.error('PATCH', r.status); process.exit(1); }
      }));`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--input-type=module', '-e', sender, base, member.cookie, String(UPLOAD_BYTES), ...ids],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sender ${code}`))));
    });
    clearInterval(sampler);
    const growthMb = (peak - baseline) / 1024 / 1024;
    console.log(
      `${PARALLEL} Uploads zu je ${UPLOAD_BYTES / 1024 / 1024} MB in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `Server-RSS +${growthMb.toFixed(1)} MB`,
    );
    return { growthMb };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const memory = await serverMemoryDuringUploads();
const photos = await photosOnSlowNetwork();
finish(
  'documents',
  { ...photos, serverRssGrowthMb: Number(memory.growthMb.toFixed(1)) },
  {
    figure: `${(photos.bytesPerPhoto / 1024).toFixed(0)} KB per photo`,
    budget: `<= ${PHOTO_BUDGET_BYTES / 1024} KB`,
    within: photos.bytesPerPhoto <= PHOTO_BUDGET_BYTES,
  },
  {
    figure: `${(photos.totalMs / 1000).toFixed(1)} s for ${PHOTOS} photos prepared + uploaded at 750 kbit/s`,
    budget: `<= ${TIME_BUDGET_MS / 1000} s`,
    within: photos.totalMs <= TIME_BUDGET_MS,
  },
  {
    figure: `server RSS +${memory.growthMb.toFixed(1)} MB during ${PARALLEL} x 20 MB uploads`,
    budget: `<= ${RSS_BUDGET_MB} MB`,
    within: memory.growthMb <= RSS_BUDGET_MB,
  },
);

// Starts the server: environment -> store (migrated) -> app -> listen.
//   PORT (8080), HOST (127.0.0.1), DATA_DIR (./data, PGlite), DATABASE_URL (PostgreSQL instead),
//   DATABASE_SCHEMA (optional schema in that database), STATIC_DIR (./dist), TRUST_PROXY (number of proxy hops in front).
//   Documents' files: DATA_DIR/files (or FILES_DIR); S3_BUCKET (+ S3_ENDPOINT, S3_REGION,
//   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX) puts finished files in an S3-compatible store.
import { resolve } from 'node:path';
import { openStoreFromEnv } from './store/open-store';
import { buildApp, fileServiceOf } from './app';
import type { AddressInfo } from 'node:net';
import { createDemoAccountIfEmpty } from './first-start';
import { newAdminToken, removeAdminChannel, writeAdminChannel } from './cli/admin-channel';
import { runAdmin, UsageError } from './cli/admin';
import { scheduleRetention } from './privacy/retention';
import { fileStorageFromEnv } from './files/file-storage';

async function main(): Promise<void> {
  const store = await openStoreFromEnv(process.env);
  const demo = await createDemoAccountIfEmpty(store);
  if (demo) {
    console.log(`\nErster Start: das Team „${demo.team}“ mit einem THM-Konto wurde angelegt.`);
    console.log(`  E-Mail:   ${demo.email}`);
    console.log(`  Passwort: ${demo.password}`);
    console.log(
      'Dieses Passwort wird nur jetzt angezeigt. Ändern mit: npm run admin -- user passwd ...\n',
    );
  }
  // On the embedded database the admin CLI must not open the directory too: it asks this process.
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const adminToken = store.kind === 'postgres' ? undefined : newAdminToken();
  const files = await fileStorageFromEnv(process.env);
  const app = await buildApp({
    store,
    files,
    ...(adminToken
      ? {
          adminChannel: {
            token: adminToken,
            run: (args, target) => runAdmin(args, target),
            isUsageError: (error) => error instanceof UsageError,
          },
        }
      : {}),
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist'),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: trustedHops(process.env.TRUST_PROXY),
  });
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const address = await app.listen({ port, host });
  // PORT=0 picks a free port: name the one bound.
  const { port: bound } = app.server.address() as AddressInfo;
  if (adminToken) {
    // The CLI connects over loopback; a server bound to one other address is asked there.
    const loopback = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(host)
      ? `http://127.0.0.1:${bound}`
      : address;
    writeAdminChannel(dataDir, { url: loopback, token: adminToken, pid: process.pid });
  }
  const where = store.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${dataDir}`;
  console.log(
    `Feldakte läuft auf http://${host === '0.0.0.0' ? 'localhost' : host}:${bound} (Daten: ${where})`,
  );

  // [X5] at start and once a day; only counts are printed, never what was erased.
  const stopRetention = scheduleRetention(
    store,
    (outcome) => {
      if (outcome.cases > 0) {
        console.log(`Aufbewahrungsfristen: ${outcome.cases} abgelaufene Fälle gelöscht.`);
        // [D6] their documents' bytes leave the file store now.
        fileServiceOf(app)?.sweepSoon();
      }
    },
    (error) =>
      console.error(
        'Die Aufbewahrungsprüfung ist fehlgeschlagen:',
        (error as { name?: string } | null)?.name ?? typeof error,
      ),
  );

  const stop = async () => {
    if (adminToken) removeAdminChannel(dataDir);
    stopRetention();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Der Server konnte nicht starten:', error instanceof Error ? error.message : error);
  process.exit(1);
});

/** TRUST_PROXY=<hops> (`true`/`yes` = 1 hop); anything else trusts no proxy. */
function trustedHops(value: string | undefined): number {
  const text = (value ?? '').trim().toLowerCase();
  if (text === 'true' || text === 'yes') return 1;
  return /^\d{1,2}$/.test(text) ? Number(text) : 0;
}

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
import closeWithGrace from 'close-with-grace';
import { useErasureJournal } from './ops/erasure-journal';
import { erasureJournalPath, scheduleDailyBackups } from './ops/backup-files';

async function main(): Promise<void> {
  const store = await openStoreFromEnv(process.env);
  // [B4] every erasure is journaled outside the database, for a restore of an older backup.
  useErasureJournal(erasureJournalPath(process.env));
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
    observability: {
      ...(process.env.METRICS_TOKEN ? { metricsToken: process.env.METRICS_TOKEN } : {}),
      metricsAllow: (process.env.METRICS_ALLOW ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
      backupEnv: process.env,
    },
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

  // The embedded default backs itself up once a day into DATA_DIR/backups (BACKUP_DIR), keeping
  // BACKUP_KEEP files; PostgreSQL is backed up by its own tools (docs/deploy.md).
  const stopBackups =
    store.kind === 'pglite'
      ? scheduleDailyBackups(
          store,
          process.env,
          (file) =>
            console.log(
              `Tägliche Sicherung geschrieben: ${file.path}${file.encrypted ? '' : ' (unverschlüsselt: BACKUP_KEY fehlt)'}`,
            ),
          (error) =>
            console.error(
              'Die tägliche Sicherung ist fehlgeschlagen:',
              // Only the name: a database error's message may quote a stored value.
              (error as { name?: string } | null)?.name ?? typeof error,
            ),
        )
      : () => undefined;

  // A deploy loses nothing in flight: on SIGTERM (or SIGINT) the server stops accepting
  // connections, lets running requests (pushes, uploads) finish, closes the poke channels and
  // the database, and exits 0. After GRACE_MS it gives up and exits 1; a push cut off then was
  // not committed, and the phone sends it again ([P3]).
  closeWithGrace(
    { delay: Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000) },
    async ({ signal, err }) => {
      if (err) console.error('Der Server wird wegen eines Fehlers beendet:', err.name);
      else
        console.log(
          `Signal ${signal ?? ''}: der Server nimmt nichts Neues mehr an und beendet sich.`,
        );
      if (adminToken) removeAdminChannel(dataDir);
      stopRetention();
      stopBackups();
      await app.close();
      await store.close();
    },
  );
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

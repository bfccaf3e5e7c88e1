// Starts the server: environment -> store (migrated) -> app -> listen.
//   PORT (8080), HOST (127.0.0.1), DATA_DIR (./data, PGlite), DATABASE_URL (PostgreSQL instead),
//   DATABASE_SCHEMA (optional schema in that database), STATIC_DIR (./dist), TRUST_PROXY (1 behind a proxy).
import { resolve } from 'node:path';
import { openStoreFromEnv } from './store/open-store';
import { buildApp } from './app';
import { createDemoAccountIfEmpty } from './first-start';

async function main(): Promise<void> {
  const store = await openStoreFromEnv(process.env);
  const demo = await createDemoAccountIfEmpty(store);
  if (demo) {
    console.log('\nErster Start: ein Demo-Team mit einem THM-Konto wurde angelegt.');
    console.log(`  E-Mail:   ${demo.email}`);
    console.log(`  Passwort: ${demo.password}`);
    console.log(
      'Dieses Passwort wird nur jetzt angezeigt. Ändern mit: npm run admin -- user passwd ...\n',
    );
  }
  const app = await buildApp({
    store,
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist'),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: ['1', 'true', 'yes'].includes((process.env.TRUST_PROXY ?? '').toLowerCase()),
  });
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const where =
    store.kind === 'postgres'
      ? 'PostgreSQL'
      : `PGlite in ${resolve(process.env.DATA_DIR || './data')}`;
  console.log(
    `Feldakte läuft auf http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (Daten: ${where})`,
  );

  const stop = async () => {
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

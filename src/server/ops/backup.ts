// Backups and restores of the whole server (issue 24). One file per backup:
//   FELDAKTE-BACKUP 1\n  a JSON header line (kind, when, encrypted, epoch)  the body
// The body is the PGlite data directory as a gzip tar (dumpDataDir, taken between two statements:
// what a crash would leave, which PostgreSQL recovers from) or pg_dump's custom format. With
// BACKUP_KEY it is AES-256-GCM encrypted under a key derived from BACKUP_KEY (scrypt, salt in the
// header); the key is never written anywhere. A restore fills only an empty data directory or
// database, applies the migrations, replays the erasures made since ([X1], erasure-journal.ts)
// and renews the data epoch, so phones send again what the backup lacks ([B1], [B2]).
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { Store } from '../store/store';
import { openPgliteStore } from '../store/pglite-store';
import { openPgStore } from '../store/pg-store';
import { migrate } from '../store/migrate';
import { readDataEpoch, renewDataEpoch } from './data-epoch';
import { replayErasures, type ErasureEntry } from './erasure-journal';

const MAGIC = 'FELDAKTE-BACKUP 1\n';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BackupHeader {
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** The data epoch the backup was taken in (phones that synced in it are asked to re-send). */
  epoch: string;
  encrypted: boolean;
  /** scrypt salt (base64) when encrypted. */
  salt?: string;
}

export interface DatabaseEnv {
  DATABASE_URL?: string;
  DATABASE_SCHEMA?: string;
  DATA_DIR?: string;
  BACKUP_KEY?: string;
}

/** A refusal the admin reads: what is wrong and what to do. German, as every CLI answer. */
export class BackupError extends Error {}

/** The whole database as one backup file's bytes; `key` encrypts it. */
export async function takeBackup(
  store: Store,
  env: DatabaseEnv,
  now: Date,
): Promise<{ bytes: Buffer; header: BackupHeader }> {
  const body = await dumpDatabase(store, env);
  const { epoch } = await readDataEpoch(store);
  return sealBackup(
    body,
    { kind: store.kind, createdAt: now.toISOString(), epoch },
    env.BACKUP_KEY,
  );
}

export function sealBackup(
  body: Uint8Array,
  meta: Omit<BackupHeader, 'encrypted' | 'salt'>,
  backupKey: string | undefined,
): { bytes: Buffer; header: BackupHeader } {
  if (!backupKey) {
    const header: BackupHeader = { ...meta, encrypted: false };
    return { bytes: Buffer.concat([headerBytes(header), body]), header };
  }
  const salt = randomBytes(16);
  const header: BackupHeader = { ...meta, encrypted: true, salt: salt.toString('base64') };
  const head = headerBytes(header);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(backupKey, salt), iv);
  // The header is authenticated too: a changed kind or date makes the file fail to open.
  cipher.setAAD(head);
  const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
  return { bytes: Buffer.concat([head, iv, sealed, cipher.getAuthTag()]), header };
}

/** The header and the (decrypted) body of a backup file. */
export function openBackup(
  bytes: Buffer,
  backupKey: string | undefined,
): { header: BackupHeader; body: Buffer } {
  const magic = Buffer.from(MAGIC);
  if (!bytes.subarray(0, magic.length).equals(magic))
    throw new BackupError('Diese Datei ist keine Feldakte-Sicherung.');
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0) throw new BackupError('Die Sicherung ist unvollständig.');
  let header: BackupHeader;
  try {
    header = JSON.parse(bytes.subarray(magic.length, end).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError('Die Sicherung ist beschädigt (Kopfzeile).');
  }
  const head = bytes.subarray(0, end + 1);
  const rest = bytes.subarray(end + 1);
  if (!header.encrypted) return { header, body: rest };
  if (!backupKey)
    throw new BackupError(
      'Die Sicherung ist verschlüsselt: bitte BACKUP_KEY mit dem Schlüssel setzen, mit dem sie geschrieben wurde.',
    );
  if (rest.length < IV_BYTES + TAG_BYTES) throw new BackupError('Die Sicherung ist unvollständig.');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(backupKey, Buffer.from(header.salt ?? '', 'base64')),
    rest.subarray(0, IV_BYTES),
  );
  decipher.setAAD(head);
  decipher.setAuthTag(rest.subarray(rest.length - TAG_BYTES));
  try {
    const body = Buffer.concat([
      decipher.update(rest.subarray(IV_BYTES, rest.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return { header, body };
  } catch {
    throw new BackupError(
      'Die Sicherung lässt sich nicht öffnen: falscher BACKUP_KEY, oder die Datei wurde verändert.',
    );
  }
}

function headerBytes(header: BackupHeader): Buffer {
  return Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
}

function deriveKey(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, KEY_BYTES, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** The database's bytes: PGlite's data directory, or pg_dump's custom format. */
export async function dumpDatabase(store: Store, env: DatabaseEnv): Promise<Uint8Array> {
  if (store.kind === 'pglite') {
    if (!store.dumpDataDir) throw new BackupError('Dieser Speicher kann nicht gesichert werden.');
    return store.dumpDataDir();
  }
  if (!env.DATABASE_URL) throw new BackupError('DATABASE_URL fehlt.');
  return run(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      ...(env.DATABASE_SCHEMA ? [`--schema=${env.DATABASE_SCHEMA}`] : []),
      `--dbname=${env.DATABASE_URL}`,
    ],
    'pg_dump ist nicht installiert (Paket postgresql-client); für große Installationen: pg_basebackup mit WAL-Archiv, siehe docs/deploy.md.',
  );
}

export interface RestoreOutcome {
  header: BackupHeader;
  epoch: string;
  erasuresReplayed: number;
}

/**
 * Fills the empty data directory (or database) of `env` from a backup file's bytes, migrates it,
 * replays the erasures made since ([X1]) and renews the epoch ([B1]). Refuses anything not empty.
 */
export async function restoreBackup(
  bytes: Buffer,
  env: DatabaseEnv,
  erasures: readonly ErasureEntry[],
  now: Date,
): Promise<RestoreOutcome> {
  const { header, body } = openBackup(bytes, env.BACKUP_KEY);
  const target = env.DATABASE_URL ? 'postgres' : 'pglite';
  if (header.kind !== target)
    throw new BackupError(
      header.kind === 'pglite'
        ? 'Diese Sicherung stammt aus der eingebetteten Datenbank (PGlite): bitte ohne DATABASE_URL in ein leeres DATA_DIR zurückspielen.'
        : 'Diese Sicherung stammt aus PostgreSQL: bitte DATABASE_URL auf eine leere Datenbank setzen.',
    );
  let store: Store;
  if (target === 'pglite') {
    const dir = env.DATA_DIR || './data';
    assertEmptyDataDir(dir);
    store = await openPgliteStore(dir, body);
  } else {
    await assertEmptyDatabase(env);
    await run(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${env.DATABASE_URL!}`,
      ],
      'pg_restore ist nicht installiert (Paket postgresql-client).',
      body,
    );
    store = await openPgStore({
      connectionString: env.DATABASE_URL!,
      ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    });
  }
  try {
    await migrate(store);
    const erasuresReplayed = await replayErasures(store, erasures, now);
    const { epoch } = await store.transaction((tx) => renewDataEpoch(tx, now));
    return { header, epoch, erasuresReplayed };
  } finally {
    await store.close();
  }
}

/** Files a data directory may hold and still count as empty: the backups kept in it. */
const ALLOWED_IN_EMPTY_DIR = new Set(['backups', '.DS_Store', 'lost+found']);

export function assertEmptyDataDir(dir: string): void {
  if (!existsSync(dir)) return;
  const found = readdirSync(dir).filter((name) => !ALLOWED_IN_EMPTY_DIR.has(name));
  if (found.length > 0)
    throw new BackupError(
      `DATA_DIR (${dir}) ist nicht leer: eine Sicherung wird nur in ein leeres Verzeichnis zurückgespielt. Bitte den Server anhalten und ein neues, leeres DATA_DIR angeben (das alte aufbewahren, bis die Wiederherstellung geprüft ist).`,
    );
}

async function assertEmptyDatabase(env: DatabaseEnv): Promise<void> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1`,
      [env.DATABASE_SCHEMA || 'public'],
    );
    if (Number(rows[0]!.n) > 0)
      throw new BackupError(
        'Die Datenbank ist nicht leer: eine Sicherung wird nur in eine leere Datenbank zurückgespielt. Bitte eine neue Datenbank anlegen (createdb) und DATABASE_URL auf sie setzen.',
      );
    // pg_restore creates the backup's own schema; an empty one of that name would refuse it.
    if (env.DATABASE_SCHEMA)
      await client.query(`DROP SCHEMA IF EXISTS "${env.DATABASE_SCHEMA.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], missing: string, input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new BackupError(missing) : error),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      // pg's own message names tables and the connection, never row values.
      else reject(new BackupError(`${command} ist fehlgeschlagen: ${err.trim().slice(0, 500)}`));
    });
    child.stdin.end(input);
  });
}

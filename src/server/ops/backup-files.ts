// Backup files on disk: where they go (BACKUP_DIR; by default DATA_DIR/backups on the embedded
// database, ./backups with PostgreSQL), their names (the time they were taken, so they sort), the
// daily backup of the embedded default and how many are kept (BACKUP_KEEP, default 14).
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/store';
import { takeBackup, type DatabaseEnv } from './backup';

export interface BackupEnv extends DatabaseEnv {
  BACKUP_DIR?: string;
  BACKUP_KEEP?: string;
  ERASURE_JOURNAL?: string;
}

const NAME = /^feldakte-(\d{8}T\d{6}Z)\.backup$/;
export const DEFAULT_KEEP = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupDir(env: BackupEnv): string {
  if (env.BACKUP_DIR) return resolve(env.BACKUP_DIR);
  return env.DATABASE_URL ? resolve('backups') : resolve(env.DATA_DIR || './data', 'backups');
}

/** [B4] the erasure journal: ERASURE_JOURNAL, or erasures.jsonl in the backup directory. */
export function erasureJournalPath(env: BackupEnv): string {
  return env.ERASURE_JOURNAL
    ? resolve(env.ERASURE_JOURNAL)
    : join(backupDir(env), 'erasures.jsonl');
}

export function keepCount(env: BackupEnv): number {
  const keep = Number(env.BACKUP_KEEP ?? DEFAULT_KEEP);
  return Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP;
}

export interface BackupFile {
  path: string;
  takenAt: Date;
  size: number;
}

/** Writes one backup file into `dir` (owner-readable only, complete or not at all). */
export async function writeBackupFile(
  store: Store,
  env: BackupEnv,
  dir: string,
  now: Date,
): Promise<BackupFile & { encrypted: boolean }> {
  const { bytes, header } = await takeBackup(store, env, now);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const path = join(dir, `feldakte-${stamp}.backup`);
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  return { path, takenAt: now, size: bytes.length, encrypted: header.encrypted };
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => NAME.test(name))
    .sort()
    .reverse()
    .map((name) => {
      const stamp = NAME.exec(name)![1]!;
      const takenAt = new Date(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
      );
      return { path: join(dir, name), takenAt, size: statSync(join(dir, name)).size };
    });
}

/** Removes all but the newest `keep` backups; returns the removed paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) rmSync(file.path, { force: true });
  return old.map((file) => file.path);
}

/**
 * The embedded default's daily backup: one at start when the newest is older than a day, then
 * checked every hour. Returns a function that stops it.
 */
export function scheduleDailyBackups(
  store: Store,
  env: BackupEnv,
  report: (file: BackupFile & { encrypted: boolean }) => void,
  fail: (error: unknown) => void,
  now: () => Date = () => new Date(),
): () => void {
  const dir = backupDir(env);
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const newest = listBackups(dir)[0];
      if (newest && now().getTime() - newest.takenAt.getTime() < DAY_MS) return;
      report(await writeBackupFile(store, env, dir, now()));
      pruneBackups(dir, keepCount(env));
    } catch (error) {
      fail(error);
    } finally {
      running = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

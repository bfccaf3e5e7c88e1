// What an administrator asks first (issue 24, item 6): which version runs, which data epoch
// ([B1]), and the last backup with its age and size. `admin status` prints it; /metrics exports
// the backup's age.
import { readFileSync } from 'node:fs';
import type { Store } from '../store/store';
import { readDataEpoch } from './data-epoch';
import { backupDir, listBackups, type BackupEnv } from './backup-files';

export interface ServerStatus {
  version: string;
  store: Store['kind'];
  epoch: string;
  epochSince: string;
  backupDir: string;
  lastBackup: { file: string; takenAt: string; ageSeconds: number; bytes: number } | null;
}

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export async function serverStatus(store: Store, env: BackupEnv, now: Date): Promise<ServerStatus> {
  const { epoch, since } = await readDataEpoch(store);
  const dir = backupDir(env);
  const newest = listBackups(dir)[0];
  return {
    version: SERVER_VERSION,
    store: store.kind,
    epoch,
    epochSince: since.toISOString(),
    backupDir: dir,
    lastBackup: newest
      ? {
          file: newest.path,
          takenAt: newest.takenAt.toISOString(),
          ageSeconds: Math.max(0, Math.round((now.getTime() - newest.takenAt.getTime()) / 1000)),
          bytes: newest.size,
        }
      : null,
  };
}

import { defineCommand } from '../admin-command';
import { serverStatus } from '../../ops/server-status';
import { megabytes } from './backup';

export const statusCommand = defineCommand({
  name: 'status',
  usage: 'status',
  async run(_input, { store, now, env = process.env }) {
    const status = await serverStatus(store, env, now);
    const backup = status.lastBackup;
    return [
      `Version:         ${status.version}`,
      `Datenbank:       ${status.store === 'pglite' ? 'eingebettet (PGlite)' : 'PostgreSQL'}`,
      `Datenepoche:     ${status.epoch} (seit ${status.epochSince})`,
      backup
        ? `Letzte Sicherung: ${backup.takenAt}, vor ${hours(backup.ageSeconds)}, ${megabytes(backup.bytes)} (${backup.file})`
        : `Letzte Sicherung: keine in ${status.backupDir}`,
    ].join('\n');
  },
});

function hours(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1).replace('.', ',')} h`;
}

import { defineCommand } from '../admin-command';
import { backupDir, writeBackupFile } from '../../ops/backup-files';

export const backupCommand = defineCommand({
  name: 'backup',
  usage: 'backup [--to <Verzeichnis>]   (letzte Zeile: die Sicherungsdatei)',
  options: ['to'],
  async run({ options: { to } }, { store, now, env = process.env }) {
    const file = await writeBackupFile(store, env, to ?? backupDir(env), now);
    const lines = [
      `Sicherung geschrieben (${megabytes(file.size)}${file.encrypted ? ', verschlüsselt mit BACKUP_KEY' : ''}).`,
    ];
    if (!file.encrypted)
      lines.push(
        'Warnung: BACKUP_KEY ist nicht gesetzt. Die Sicherung enthält die Falldaten so lesbar wie das Datenverzeichnis selbst; bitte BACKUP_KEY setzen (docs/deploy.md).',
      );
    lines.push(file.path);
    return lines.join('\n');
  },
});

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

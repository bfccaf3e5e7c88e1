import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCommand, required, UsageError } from '../admin-command';
import { restoreBackup } from '../../ops/backup';
import { erasureJournalPath } from '../../ops/backup-files';
import { readErasureJournal, type ErasureEntry } from '../../ops/erasure-journal';
import { readAdminChannel } from '../admin-channel';

export const restoreCommand = defineCommand({
  name: 'restore',
  usage: 'restore --from <Datei>   (nur in ein leeres DATA_DIR bzw. eine leere Datenbank)',
  options: ['from'],
  run() {
    return Promise.reject(new UsageError('restore läuft nur im Admin-Programm selbst.'));
  },
  async withoutStore({ options }, env, now) {
    const file = required(options, 'from');
    if (!env.DATABASE_URL && readAdminChannel(env.DATA_DIR || './data'))
      throw new Error('Ein Server läuft auf diesem DATA_DIR: bitte erst den Server anhalten.');
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new Error(`Die Datei „${file}“ lässt sich nicht lesen.`);
    }
    // [B4] the erasures made since: from the journal beside the backup and from the configured one.
    const erasures = new Map<string, ErasureEntry>();
    for (const path of new Set([join(dirname(file), 'erasures.jsonl'), erasureJournalPath(env)]))
      for (const entry of readErasureJournal(path))
        erasures.set(`${entry.teamId}/${entry.caseId}`, entry);
    const outcome = await restoreBackup(bytes, env, [...erasures.values()], now);
    return [
      `Sicherung vom ${outcome.header.createdAt} zurückgespielt (${outcome.header.kind === 'pglite' ? 'eingebettete Datenbank' : 'PostgreSQL'}).`,
      `Löschungen seit der Sicherung erneut angewendet: ${outcome.erasuresReplayed}.`,
      `Neue Datenepoche: ${outcome.epoch}. Jedes Telefon sendet bei seiner nächsten Synchronisierung, was dem Server fehlt.`,
    ].join('\n');
  },
});

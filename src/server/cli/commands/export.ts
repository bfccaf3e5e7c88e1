// `npm run admin -- export --team <name> --to <datei.zip>` (issue 26 item 4): the whole team as one
// ZIP (JSON with every field, XLSX and CSV per table; server/export/team-export.ts). The file holds
// the team's case data in clear: the command says so, and writes it only where it is told to.
import { writeFile } from 'node:fs/promises';
import { findTeam } from '../../auth/accounts';
import { readTeamExport, teamExportZip } from '../../export/team-export';
import { tableNames } from '../../../shared/domain/tables';
import { defineCommand, required, UsageError } from '../admin-command';

export const exportCommand = defineCommand({
  name: 'export',
  usage: 'export --team <name> --to <datei.zip>',
  options: ['team', 'to'],
  async run({ options }, { store, now }) {
    const teamName = required(options, 'team');
    const path = required(options, 'to');
    if (!/\.zip$/i.test(path))
      throw new UsageError('Bitte eine Datei mit der Endung .zip angeben.');
    const team = await findTeam(store, teamName);
    if (!team) throw new UsageError(`Das Team „${teamName}“ gibt es nicht.`);
    const at = now;
    const { bytes, counts } = await store.transaction(async (db) => {
      const data = await readTeamExport(db, team.id, at);
      return {
        bytes: await teamExportZip(db, team.id, at),
        counts: tableNames.map(
          (table) => [table, data.tables[table].filter((r) => !r.deleted).length] as const,
        ),
      };
    });
    await writeFile(path, bytes, { mode: 0o600 }).catch(() => {
      throw new UsageError(`Die Datei ${path} kann nicht geschrieben werden.`);
    });
    return [
      `Export des Teams „${teamName}“ nach ${path} geschrieben (${Math.round(bytes.length / 1024)} KB).`,
      counts.map(([table, n]) => `${table} ${n}`).join(', '),
      'Die Datei enthält Falldaten im Klartext: verschlüsselt ablegen, nur an Berechtigte geben.',
    ].join('\n');
  },
});

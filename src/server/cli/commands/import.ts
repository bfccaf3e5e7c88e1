// `npm run admin -- import --team <name> --file <path> [--dry-run]` (issue 26): the console's
// import for IT staff. The dry run lists every refused row (row, column, the app's message) and
// every probable duplicate; without --dry-run the new rows are written like the console's import
// (a job of the team, with its saved column mapping or, without one, the field labels). The last
// line is always `new <n>, duplicate <n>, refused <n>`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { findTeam } from '../../auth/accounts';
import { HttpError } from '../../http/api-error';
import { checkImport, discardImport, runImport, type JobView } from '../../import/import-job';
import { MAX_IMPORT_BYTES, UnreadableFile } from '../../import/read-file';
import { defineCommand, required, UsageError } from '../admin-command';
import {
  ExportUnreadable,
  importTeamExport,
  isTeamExport,
  readExportFile,
  type RestoreOutcome,
} from '../../export/team-restore';
import type { Store } from '../../store/store';

export const importCommand = defineCommand({
  name: 'import',
  usage: 'import --team <name> --file <datei.csv|datei.xlsx> [--dry-run]',
  options: ['team', 'file', 'dry-run'],
  flags: ['dry-run'],
  async run({ options }, { store, now }) {
    const teamName = required(options, 'team');
    const path = required(options, 'file');
    const team = await findTeam(store, teamName);
    if (!team) throw new UsageError(`Das Team „${teamName}“ gibt es nicht.`);
    const bytes = await readFile(path).catch(() => {
      throw new UsageError(`Die Datei ${path} kann nicht gelesen werden.`);
    });
    // A Feldakte team export (`export --to`): read back whole into an empty team.
    if (await isTeamExport(bytes))
      return restoreExport(store, team.id, bytes, now, !!options['dry-run']);
    if (bytes.length > MAX_IMPORT_BYTES)
      throw new UsageError(
        `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
      );
    let checked: JobView;
    try {
      checked = await checkImport(store, {
        teamId: team.id,
        userId: null,
        fileName: basename(path),
        bytes,
        now,
      });
    } catch (error) {
      if (error instanceof UnreadableFile) throw new UsageError(error.message);
      throw error;
    }
    const lines = report(checked);
    if (!options['dry-run']) {
      try {
        const done = await runImport(store, team.id, checked.id, () => new Date());
        lines.push(
          `Import ${done.id}: ${done.counts.imported ?? 0} Fälle angelegt${done.counts.failed ? `, ${done.counts.failed} beim Schreiben abgelehnt` : ''}.`,
        );
      } catch (error) {
        if (error instanceof HttpError) throw new UsageError(error.message);
        throw error;
      }
    } else {
      await discardImport(store, team.id, checked.id);
      lines.push('Probelauf: nichts wurde geschrieben.');
    }
    const { counts } = checked;
    lines.push(`new ${counts.new}, duplicate ${counts.duplicate}, refused ${counts.refused}`);
    return lines.join('\n');
  },
});

/** The team export of another server, read back ([G4] tombstones and all); nothing on refusal. */
async function restoreExport(
  store: Store,
  teamId: string,
  bytes: Uint8Array,
  now: Date,
  dryRun: boolean,
): Promise<string> {
  const lines: string[] = [];
  let outcome: RestoreOutcome;
  try {
    const data = await readExportFile(bytes);
    lines.push(`Teamexport „${data.team?.name ?? ''}“ vom ${data.exportedAt}.`);
    outcome = await store
      .transaction(async (db) => {
        const result = await importTeamExport(db, teamId, data, now);
        // A dry run checks everything and writes nothing: its transaction is rolled back.
        if (dryRun) throw new DryRunDone(result);
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof DryRunDone) return error.outcome;
        throw error;
      });
  } catch (error) {
    if (error instanceof ExportUnreadable) throw new UsageError(error.message);
    throw error;
  }
  for (const problem of outcome.refused)
    lines.push(`abgelehnt  ${problem.table} ${problem.id}: ${problem.text}`);
  if (outcome.unmatchedMembers.length > 0)
    lines.push(
      `Ohne Konto in diesem Team (die Einträge behalten ihre Kennung): ${outcome.unmatchedMembers.join(', ')}`,
    );
  const total = outcome.refused.length > 0 ? 0 : outcome.written;
  lines.push(dryRun ? 'Probelauf: nichts wurde geschrieben.' : `${total} Einträge geschrieben.`);
  lines.push(`new ${total}, duplicate 0, refused ${outcome.refused.length}`);
  return lines.join('\n');
}

class DryRunDone extends Error {
  constructor(readonly outcome: RestoreOutcome) {
    super('dry run');
  }
}

function report(job: JobView): string[] {
  const lines: string[] = [];
  for (const sheet of job.sheets) {
    if (sheet.headerRow === null) {
      lines.push(`Blatt „${sheet.name}“: keine Überschriftenzeile erkannt, übersprungen.`);
      continue;
    }
    const mapped = sheet.headings
      .map((heading, c) =>
        sheet.choices[c] !== 'ignore' ? `${heading} → ${sheet.choices[c]}` : null,
      )
      .filter(Boolean);
    lines.push(
      `Blatt „${sheet.name}“, Überschriften in Zeile ${sheet.headerRow}: ${mapped.join('; ')}`,
    );
  }
  for (const row of job.rows ?? []) {
    const where = `Zeile ${row.row}${job.sheets.length > 1 ? ` (${row.sheet})` : ''}`;
    if (row.status === 'refused')
      for (const problem of row.problems)
        lines.push(
          `abgelehnt  ${where}${problem.column ? `, Spalte ${problem.column}` : ''}: ${problem.text}`,
        );
    else if (row.status === 'duplicate') {
      const of = row.duplicateOf;
      const target = !of
        ? 'einer früheren Zeile'
        : 'caseId' in of
          ? `einem bestehenden Fall${of.createdOn ? ` (angelegt ${of.createdOn})` : ''}${of.assignedTo ? `, zuständig ${of.assignedTo}` : ''}`
          : `Zeile ${of.row}`;
      lines.push(
        `doppelt    ${where}: ${row.name} ist wahrscheinlich dieselbe Person wie in ${target}`,
      );
    }
  }
  if (job.counts.unchanged > 0)
    lines.push(`unverändert ${job.counts.unchanged} (schon importiert)`);
  return lines;
}

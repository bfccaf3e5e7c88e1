import { runRetention } from '../../privacy/retention';
import { defineCommand, UsageError } from '../admin-command';

export const retentionRun = defineCommand({
  name: 'retention run',
  usage: 'retention run [--today YYYY-MM-DD]',
  options: ['today'],
  async run({ options: { today } }, { store, now }) {
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new UsageError('Bitte das Datum als JJJJ-MM-TT angeben, z. B. --today 2030-01-31.');
    if (today !== undefined && !isCalendarDay(today))
      throw new UsageError(`„${today}“ ist kein gültiges Datum.`);
    const outcome = await runRetention(store, { now, ...(today ? { today } : {}) });
    if (!outcome.ran)
      return 'Die Aufbewahrungsprüfung läuft gerade auf einer anderen Server-Instanz; nichts getan.';
    const cases = outcome.cases === 1 ? '1 Fall' : `${outcome.cases} Fälle`;
    const records = outcome.records === 1 ? '1 Eintrag' : `${outcome.records} Einträge`;
    return `Aufbewahrungsfristen geprüft${today ? ` (Stichtag ${today})` : ''}: ${cases} gelöscht (${records}).`;
  },
});

/** `Date.parse` rolls 2030-02-31 over to March; a real day survives the round trip. */
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

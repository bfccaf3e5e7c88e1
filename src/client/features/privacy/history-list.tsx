// One list of change-log entries, newest first: when, who (by name), what (table, fields).
import { formatDateTime, t } from '../../../shared/i18n/t';
import { fieldLabel, tableLabel } from '../sync/change-labels';
import type { HistoryEntry } from './privacy-api';

export function HistoryList({
  entries,
  names,
}: {
  entries: readonly HistoryEntry[];
  /** Colleagues' names by id, for entries whose account the server no longer names. */
  names: ReadonlyMap<string, string>;
}) {
  // The first entry of a record (entries come oldest first) is its creation.
  const seen = new Set<string>();
  const created = new Set<HistoryEntry>();
  for (const entry of entries) {
    if (!seen.has(entry.recordId) && entry.op === 'put') created.add(entry);
    seen.add(entry.recordId);
  }
  const newestFirst = [...entries].reverse();
  return (
    <ul class="history-list">
      {newestFirst.map((entry, index) => (
        <li key={`${entry.at}-${entry.recordId}-${index}`}>
          <span class="history-when">
            {formatDateTime(entry.at)} · {whoOf(entry, names)}
          </span>
          {tableLabel(entry.table)}:{' '}
          {created.has(entry) ? t('privacy.history.created') : whatOf(entry)}
        </li>
      ))}
    </ul>
  );
}

function whoOf(entry: HistoryEntry, names: ReadonlyMap<string, string>): string {
  if (!entry.userId) return t('privacy.history.server');
  return entry.userName ?? names.get(entry.userId) ?? t('privacy.history.formerUser');
}

function whatOf(entry: HistoryEntry): string {
  if (entry.op === 'delete') return t('privacy.history.deleted');
  const fields = entry.fields.map((field) => fieldLabel(entry.table, field)).join(', ');
  return fields ? t('privacy.history.changed', { fields }) : t('privacy.history.created');
}

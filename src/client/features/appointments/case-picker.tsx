// Picks the case of an appointment by searching names (the case list's search), or none for a
// group event. Shows at most a handful of matches: the THM types until the person is there.
import { useState } from 'preact/hooks';
import { searchCases } from '../../../local/case-search';
import { fullName } from '../../../shared/domain/case';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { useLiveQuery } from '../../ui/use-live-query';

const MATCHES = 6;

export interface CasePickerProps {
  value: string;
  onValue(caseId: string): void;
  error?: string | undefined;
  /** Default "Fall" / "Ohne Fall (Gruppentermin)" (an appointment's). */
  label?: string;
  noCase?: string;
}

export function CasePicker({
  value,
  onValue,
  error,
  label = t('appointments.form.case'),
  noCase = t('appointments.form.noCase'),
}: CasePickerProps) {
  const db = useDb();
  const [query, setQuery] = useState('');
  const selected = useLiveQuery(
    async () => (value ? ((await db.cases.get(value)) ?? null) : null),
    [db, value],
  );
  const matches = useLiveQuery(
    async () =>
      query.trim() ? (await searchCases(db, { query, status: 'open', limit: MATCHES })).cases : [],
    [db, query],
  );

  if (value) {
    return (
      <div class="field">
        <span class="field__label">{label}</span>
        <div class="filter-bar">
          <strong>{selected ? fullName(selected) : '…'}</strong>
          <Button variant="ghost" onClick={() => onValue('')}>
            {noCase}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <TextField
        name="caseSearch"
        type="search"
        inputMode="search"
        label={label}
        hint={noCase}
        value={query}
        error={error}
        onValue={setQuery}
      />
      {matches && matches.length > 0 && (
        <ul class="rows" aria-label={label}>
          {matches.map((c) => (
            <li key={c.id} class="row">
              <button type="button" class="row__link" onClick={() => onValue(c.id)}>
                <span class="row__main">
                  <span class="row__title">{fullName(c)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// "Vielleicht schon erfasst": while a THM types a new case, the cases that are probably the same
// person appear right under the name and birth date (issue 26). The person matcher
// (shared/domain/person-match.ts) runs over the case search's in-memory index, so it knows other
// spellings, swapped given and family names and a missing birth date. A hint, never a block: the
// THM opens the case found or goes on with the new one.
import { useEffect, useState } from 'preact/hooks';
import { findProbableDuplicates } from '../../../local/case-search';
import { fullName } from '../../../shared/domain/case';
import { ageOn } from '../../../shared/domain/case-age';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { ListRow, RowList } from '../../ui/list-row';
import { StatusPill } from '../../ui/status-pill';
import { caseStatusLabel, caseStatusTone } from './labels';
import type { CaseDraft } from './case-draft';

/** Wait this long after the last key stroke before looking (one search per pause, not per key). */
const PAUSE_MS = 250;

type Typed = Pick<CaseDraft, 'givenName' | 'familyName' | 'birthDate' | 'otherNames' | 'gender'>;

function usePaused<T>(value: T, key: string): T {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(value), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return paused;
}

export function DuplicateHints({ draft, today }: { draft: Typed; today: string }) {
  const db = useDb();
  const typed = usePaused(
    draft,
    [draft.givenName, draft.familyName, draft.birthDate, draft.otherNames, draft.gender].join('\n'),
  );
  const ready = typed.givenName.trim().length >= 2 && typed.familyName.trim().length >= 2;
  const found = useLiveQuery(
    () =>
      ready
        ? findProbableDuplicates(db, {
            givenName: typed.givenName,
            familyName: typed.familyName,
            otherNames: typed.otherNames.split(','),
            birthDate: typed.birthDate || null,
            gender: typed.gender || null,
          })
        : [],
    [db, ready, typed],
  );
  return (
    <div class="duplicate-hints" role="status" aria-live="polite">
      {found && found.length > 0 && (
        <>
          <p class="duplicate-hints__title">
            {t(found.length === 1 ? 'cases.duplicates.titleOne' : 'cases.duplicates.title')}
          </p>
          <p class="duplicate-hints__hint">{t('cases.duplicates.hint')}</p>
          <RowList label={t('cases.duplicates.listLabel')}>
            {found.map(({ case: record, match }) => {
              const age = ageOn(record.birthDate, today);
              const meta = [
                record.birthDate
                  ? `${formatDay(record.birthDate)}${age !== null ? ` (${t('cases.age.years', { age })})` : ''}`
                  : t('cases.duplicates.noBirthDate'),
                match.swapped ? t('cases.duplicates.swapped') : null,
                record.otherNames?.length ? record.otherNames.join(', ') : null,
              ].filter(Boolean);
              return (
                <ListRow
                  key={record.id}
                  href={`/faelle/${record.id}`}
                  title={fullName(record)}
                  meta={meta.join(' · ')}
                  trailing={
                    <StatusPill tone={caseStatusTone[record.status]}>
                      {caseStatusLabel(record.status)}
                    </StatusPill>
                  }
                />
              );
            })}
          </RowList>
        </>
      )}
    </div>
  );
}

// "Verlauf": who changed which fields of the case and its records when, from the server's change
// log. Fetched when the screen opens online and kept on the device for offline reading.
import { useEffect, useState } from 'preact/hooks';
import { storeCaseHistory } from '../../../local/history-copy';
import { formatDateTime, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { HistoryList } from './history-list';
import { fetchCaseHistory } from './privacy-api';
import { useTeamMembers } from '../team/use-team-members';
import './privacy.css';

export function HistoryPage({ id }: { id: string }) {
  usePageTitle(t('privacy.history.title'), `/faelle/${id}`);
  const db = useDb();
  const members = useTeamMembers(db);
  const names = new Map((members ?? []).map((member) => [member.id, member.name]));
  const stored = useLiveQuery(() => db.caseHistory.get(id).then((row) => row ?? null), [db, id]);
  const [status, setStatus] = useState<'loading' | 'done' | 'offline' | 'gone'>('loading');

  const load = async () => {
    setStatus('loading');
    const outcome = await fetchCaseHistory(id);
    if (outcome.ok) {
      await storeCaseHistory(db, id, outcome.value.entries);
      setStatus('done');
    } else setStatus(outcome.kind === 'notFound' ? 'gone' : 'offline');
  };
  useEffect(() => {
    void load();
  }, [db, id]);

  return (
    <div>
      <p class="page-intro">{t('privacy.history.intro')}</p>
      {status === 'loading' && <p class="hint">{t('privacy.history.loading')}</p>}
      {status === 'offline' && <p class="privacy-banner">{t('privacy.history.offline')}</p>}
      {status === 'gone' && <p class="privacy-banner">{t('privacy.export.notFound')}</p>}
      {stored && (
        <p class="hint">
          {t('privacy.history.fetchedAt', { date: formatDateTime(stored.fetchedAt) })}
        </p>
      )}
      {stored === null && status !== 'loading' && (
        <EmptyState>{t('privacy.history.never')}</EmptyState>
      )}
      {stored && stored.entries.length === 0 && (
        <EmptyState>{t('privacy.history.empty')}</EmptyState>
      )}
      {stored && stored.entries.length > 0 && (
        <HistoryList entries={stored.entries} names={names} />
      )}
      <div class="privacy-actions">
        <Button disabled={status === 'loading'} onClick={() => void load()}>
          {t('privacy.history.refresh')}
        </Button>
      </div>
    </div>
  );
}

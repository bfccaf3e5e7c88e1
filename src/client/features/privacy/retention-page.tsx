// "Löschfristen": closed cases whose retention ends within 30 days, from this device's records
// (works offline). Extending one needs the server, which logs the reason ([X5]).
import { useState } from 'preact/hooks';
import { fullName, type Case } from '../../../shared/domain/case';
import { addYears, daysBetween, toLocalDate } from '../../../shared/domain/common';
import { teamSettingsOf } from '../../../shared/domain/team-settings';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, TextAreaField } from '../../ui/field';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { ListRow, RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { Sheet } from '../../ui/sheet';
import { showToast } from '../../state/toast';
import { useLiveQuery } from '../../ui/use-live-query';
import { requestSync } from '../../state/sync-run';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import type { FieldErrors } from '../../../local/record-errors';
import { extendRetentionOnServer } from './privacy-api';

export const RETENTION_WARNING_DAYS = 30;

/** The last day a closed case is kept, as the server's retention job reads it ([X5]). */
export function retentionEndOf(record: Case, retentionYears: number): string | null {
  if (record.status !== 'closed') return null;
  if (record.retainUntil) return record.retainUntil;
  return record.closedOn ? addYears(record.closedOn, retentionYears) : null;
}

export function RetentionPage() {
  usePageTitle(t('privacy.retention.title'), '/mehr');
  const db = useDb();
  const years = useSession((state) => teamSettingsOf(state.user?.team).retentionYears);
  const today = toLocalDate(new Date());
  const due = useLiveQuery(async () => {
    const closed = (await db.cases.where('status').equals('closed').toArray()) as Case[];
    return closed
      .map((record) => ({ record, end: retentionEndOf(record, years) }))
      .filter(
        (item): item is { record: Case; end: string } =>
          item.end !== null && daysBetween(today, item.end) <= RETENTION_WARNING_DAYS,
      )
      .sort((a, b) => a.end.localeCompare(b.end));
  }, [db, years, today]);
  const [extending, setExtending] = useState<{ record: Case; end: string } | null>(null);

  return (
    <div>
      <p class="page-intro">{t('privacy.retention.intro', { years })}</p>
      {due && due.length === 0 && <EmptyState>{t('privacy.retention.empty')}</EmptyState>}
      {due && due.length > 0 && (
        <RowList label={t('privacy.retention.title')}>
          {due.map((item) => (
            <ListRow
              key={item.record.id}
              title={<a href={`/faelle/${item.record.id}`}>{fullName(item.record)}</a>}
              meta={
                item.end < today
                  ? t('privacy.retention.overdue', { date: formatDay(item.end) })
                  : t('privacy.retention.due', { date: formatDay(item.end) })
              }
              trailing={
                <Button onClick={() => setExtending(item)}>{t('privacy.retention.extend')}</Button>
              }
            />
          ))}
        </RowList>
      )}
      {extending && (
        <ExtendSheet
          record={extending.record}
          end={extending.end}
          onClose={() => setExtending(null)}
        />
      )}
    </div>
  );
}

function ExtendSheet({ record, end, onClose }: { record: Case; end: string; onClose(): void }) {
  const form = useDraftForm({
    initial: { until: '', reason: '' },
    // The toast names the new date (below).
    savedMessage: null,
    async save(draft) {
      const errors: FieldErrors = {};
      if (!draft.until || draft.until <= end) errors.until = t('privacy.retention.untilMissing');
      if (!draft.reason.trim()) errors.reason = t('privacy.retention.reasonMissing');
      if (Object.keys(errors).length > 0) return refused(null, errors);
      const outcome = await extendRetentionOnServer(record.id, draft.until, draft.reason.trim());
      if (outcome.ok) return { ok: true as const, retainUntil: outcome.value.retainUntil };
      if (outcome.kind === 'invalid' && outcome.message && outcome.field)
        return refused(null, { [outcome.field]: outcome.message });
      return refused(
        outcome.kind === 'offline'
          ? t('privacy.retention.offline')
          : (outcome.message ?? t('privacy.erase.server')),
      );
    },
    onSaved(result) {
      void requestSync();
      showToast(t('privacy.retention.saved', { date: formatDay(result.retainUntil) }));
      onClose();
    },
  });

  return (
    <Sheet
      open
      title={`${t('privacy.retention.extendTitle')}: ${fullName(record)}`}
      onClose={onClose}
    >
      <form class="form" {...form.formProps}>
        <FormAlert message={form.message} />
        <DateField
          {...form.field('until')}
          label={t('privacy.retention.until')}
          min={end}
          required
        />
        <TextAreaField
          {...form.field('reason')}
          label={t('privacy.retention.reason')}
          hint={t('privacy.erase.reasonHint')}
          rows={3}
          required
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" disabled={form.saving}>
            {t('privacy.retention.save')}
          </Button>
        </div>
      </form>
    </Sheet>
  );
}

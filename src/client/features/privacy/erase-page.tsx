// "Person löschen" (Art. 17): a reason for the log and a typed confirmation, then the server
// erases ([X1]); this device removes the person at once, the others at their next pull ([X4]).
// Online only: an erasure that waited in an outbox could be overtaken by other devices' edits.
import { useLocation } from 'preact-iso';
import { fullName } from '../../../shared/domain/case';
import { t } from '../../../shared/i18n/t';
import { eraseCaseLocally } from '../../../local/erase-locally';
import { useDb } from '../../state/session';
import { Button, LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { TextAreaField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../state/page-title';
import { showToast } from '../../state/toast';
import { useLiveQuery } from '../../ui/use-live-query';
import { requestSync } from '../../state/sync-run';
import { eraseCaseOnServer } from './privacy-api';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import type { FieldErrors } from '../../../local/record-errors';

/** Typed the confirmation word? Case and the umlaut spelled out ("LOESCHEN") do not matter. */
export function confirmsErasure(typed: string, word: string): boolean {
  const norm = (text: string) => text.trim().toLocaleUpperCase('de-DE').replaceAll('Ö', 'OE');
  return norm(typed) === norm(word);
}

export function ErasePage({ id }: { id: string }) {
  const db = useDb();
  const { route } = useLocation();
  const record = useLiveQuery(() => db.cases.get(id).then((row) => row ?? null), [db, id]);
  usePageTitle(t('privacy.erase.title'), `/faelle/${id}`);
  const word = t('privacy.erase.confirmWord');
  const form = useDraftForm({
    initial: { reason: '', confirm: '' },
    // The toast says how many entries were erased (below).
    savedMessage: null,
    async save(draft) {
      const errors: FieldErrors = {};
      if (!draft.reason.trim()) errors.reason = t('privacy.erase.reasonMissing');
      if (!confirmsErasure(draft.confirm, word))
        errors.confirm = t('privacy.erase.confirmWrong', { word });
      if (Object.keys(errors).length > 0) return refused(null, errors);
      const outcome = await eraseCaseOnServer(id, draft.reason.trim());
      if (!outcome.ok) {
        if (outcome.kind === 'invalid')
          return refused(null, { reason: outcome.message ?? t('privacy.erase.reasonMissing') });
        return refused(
          outcome.kind === 'offline'
            ? t('privacy.erase.offline')
            : (outcome.message ?? t('privacy.erase.server')),
        );
      }
      // The server erased; this device removes the person now.
      try {
        await eraseCaseLocally(db, id);
      } catch {
        // Erased on the server; the next sync erases it here too (purged records come down).
        void requestSync();
        return refused(t('privacy.erase.localFailed'));
      }
      return { ok: true as const, erased: outcome.value.erased };
    },
    onSaved(result) {
      void requestSync();
      showToast(t('privacy.erase.done', { count: result.erased }), 5000);
      route('/faelle', true);
    },
  });

  if (record === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (record === null)
    return (
      <EmptyState action={<LinkButton href="/faelle">{t('cases.detail.backToList')}</LinkButton>}>
        {t('cases.detail.notFound')}
      </EmptyState>
    );

  return (
    <form class="form" {...form.formProps}>
      <p>
        <strong>{fullName(record)}</strong>
      </p>
      <p>{t('privacy.erase.intro')}</p>
      <p>
        {t('privacy.erase.exportFirst')}{' '}
        <a href={`/faelle/${id}/auskunft`}>{t('privacy.export.title')}</a>
      </p>
      <FormAlert message={form.message} />
      <TextAreaField
        {...form.field('reason')}
        label={t('privacy.erase.reason')}
        hint={t('privacy.erase.reasonHint')}
        required
        rows={3}
      />
      <TextField
        {...form.field('confirm')}
        label={t('privacy.erase.confirm', { word })}
        autoComplete="off"
        required
      />
      <div class="form-actions">
        <Button type="submit" variant="danger" disabled={form.saving}>
          {form.saving ? t('privacy.erase.submitting') : t('privacy.erase.submit')}
        </Button>
        <LinkButton href={`/faelle/${id}`}>{t('common.actions.cancel')}</LinkButton>
      </div>
    </form>
  );
}

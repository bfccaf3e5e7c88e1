// "Person löschen" (Art. 17): a reason for the log and a typed confirmation, then the server
// erases ([X1]); this device removes the person at once, the others at their next pull ([X4]).
// Online only: an erasure that waited in an outbox could be overtaken by other devices' edits.
import { useRef, useState } from 'preact/hooks';
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
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const word = t('privacy.erase.confirmWord');

  if (record === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (record === null)
    return (
      <EmptyState action={<LinkButton href="/faelle">{t('cases.detail.backToList')}</LinkButton>}>
        {t('cases.detail.notFound')}
      </EmptyState>
    );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!reason.trim()) next.reason = t('privacy.erase.reasonMissing');
    if (!confirmsErasure(typed, word)) next.confirm = t('privacy.erase.confirmWrong', { word });
    setErrors(next);
    setMessage(null);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const outcome = await eraseCaseOnServer(id, reason.trim());
    setBusy(false);
    if (!outcome.ok) {
      if (outcome.kind === 'invalid') return setErrors({ reason: outcome.message ?? '' });
      return setMessage(
        outcome.kind === 'offline'
          ? t('privacy.erase.offline')
          : (outcome.message ?? t('privacy.erase.server')),
      );
    }
    try {
      await eraseCaseLocally(db, id);
    } catch {
      // Erased on the server; the next sync erases it here too (purged records come down).
      void requestSync();
      return setMessage(t('privacy.erase.localFailed'));
    }
    void requestSync();
    showToast(t('privacy.erase.done', { count: outcome.value.erased }), 5000);
    route('/faelle', true);
  };

  return (
    <form ref={form} class="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p>
        <strong>{fullName(record)}</strong>
      </p>
      <p>{t('privacy.erase.intro')}</p>
      <p>
        {t('privacy.erase.exportFirst')}{' '}
        <a href={`/faelle/${id}/auskunft`}>{t('privacy.export.title')}</a>
      </p>
      <TextAreaField
        name="reason"
        label={t('privacy.erase.reason')}
        hint={t('privacy.erase.reasonHint')}
        value={reason}
        onValue={setReason}
        error={errors.reason}
        required
        rows={3}
      />
      <TextField
        name="confirm"
        label={t('privacy.erase.confirm', { word })}
        value={typed}
        onValue={setTyped}
        error={errors.confirm}
        autoComplete="off"
        required
      />
      <FormAlert message={message} />
      <div class="form-actions">
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? t('privacy.erase.submitting') : t('privacy.erase.submit')}
        </Button>
        <LinkButton href={`/faelle/${id}`}>{t('common.actions.cancel')}</LinkButton>
      </div>
    </form>
  );
}

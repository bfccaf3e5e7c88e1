// Withdrawing a consent: asks once more and for the date of the withdrawal (default today; earlier
// when it arrived by letter; never in the future, never before the consent). The date rule is the
// shared one (withdrawalDateProblem), also run by the write path and the server. After the
// withdrawal "Rückgängig" writes the previous values back for 10 s.
import { useDb } from '../../state/session';
import { toLocalDate } from '../../../shared/domain/common';
import { withdrawalDateProblem, type Consent } from '../../../shared/domain/consent';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { undoConsentWithdrawal, withdrawConsent } from '../../../local/withdrawals';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { Sheet } from '../../ui/sheet';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { offerUndo } from '../../ui/write-action';

export interface WithdrawConsentSheetProps {
  consent: Consent;
  /** What the consent is ("Weitergabe an einen Partner: Nähwerkstatt e. V."). */
  title: string;
  onClose(): void;
}

export function WithdrawConsentSheet({ consent, title, onClose }: WithdrawConsentSheetProps) {
  const db = useDb();
  const today = toLocalDate(new Date());
  const { field, message, saving, formProps } = useDraftForm({
    initial: { withdrawnOn: today },
    save: async ({ withdrawnOn }) => {
      const problem = withdrawalDateProblem(consent, withdrawnOn, toLocalDate(new Date()));
      if (problem) return refused(null, { withdrawnOn: renderMessage(problem) });
      return withdrawConsent(db, consent, withdrawnOn);
    },
    savedMessage: null,
    onSaved: () => {
      onClose();
      offerUndo(
        t('network.consent.withdrawn'),
        () => undoConsentWithdrawal(db, consent),
        t('network.consent.withdrawal.undone'),
      );
    },
    // The date rule of the write path (and any other refusal of the record) shows at the date.
    errorField: (key) => (key === '_record' ? 'withdrawnOn' : key),
  });

  return (
    <Sheet open title={t('network.consent.withdrawal.title')} onClose={onClose}>
      <form {...formProps}>
        <FormAlert message={message} />
        <p>{t('network.consent.withdrawal.explain', { title })}</p>
        <DateField
          {...field('withdrawnOn')}
          label={t('network.consent.withdrawal.date')}
          hint={t('network.consent.withdrawal.dateHint')}
          required
          min={consent.givenOn}
          max={today}
        />
        <div class="form-actions">
          <Button type="submit" variant="danger" block disabled={saving}>
            {t('network.consent.withdrawal.confirm')}
          </Button>
          <Button variant="ghost" block onClick={onClose}>
            {t('common.actions.cancel')}
          </Button>
        </div>
      </form>
    </Sheet>
  );
}

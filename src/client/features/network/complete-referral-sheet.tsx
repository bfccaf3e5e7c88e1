// Completing a referral: the outcome in a sentence, and whether the linked need is now met.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import type { Need } from '../../../shared/domain/need';
import { Sheet } from '../../ui/sheet';
import { CheckboxField, TextAreaField } from '../../ui/field';
import { Button } from '../../ui/button';
import { needLabel, referralActionLabel } from './network-labels';
import { textOrNull } from '../../ui/form-values';

export function CompleteReferralSheet({
  open,
  need,
  busy,
  onClose,
  onComplete,
}: {
  open: boolean;
  need: Need | null;
  busy: boolean;
  onClose(): void;
  onComplete(options: { outcome: string | null; markNeedMet: boolean }): void;
}) {
  const [outcome, setOutcome] = useState('');
  const [markNeedMet, setMarkNeedMet] = useState(true);
  const openNeed = need && need.status !== 'met' ? need : null;
  return (
    <Sheet open={open} title={referralActionLabel('completed')} onClose={onClose}>
      <form
        autoComplete="off"
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          onComplete({ outcome: textOrNull(outcome), markNeedMet: !!openNeed && markNeedMet });
        }}
      >
        <TextAreaField
          name="outcome"
          label={t('network.referral.outcome')}
          value={outcome}
          onValue={setOutcome}
        />
        {openNeed && (
          <CheckboxField
            name="markNeedMet"
            label={t('network.referral.markNeedMet', { need: needLabel(openNeed) })}
            checked={markNeedMet}
            onValue={setMarkNeedMet}
          />
        )}
        <Button type="submit" variant="primary" block disabled={busy}>
          {referralActionLabel('completed')}
        </Button>
      </form>
    </Sheet>
  );
}

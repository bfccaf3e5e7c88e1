// Shown on a referral that cannot be sent yet: why (the rule's reason, rendered) and the one-tap way
// to record the missing consent, which returns to the referral afterwards.
import { t } from '../../../shared/i18n/t';
import { LinkButton } from '../../ui/button';

export function consentFormHref(
  caseId: string,
  purpose: 'share_with_partner' | 'case_conference',
  partnerId: string | null,
  referralId?: string,
): string {
  const params = new URLSearchParams({ zweck: purpose });
  if (partnerId) params.set('partner', partnerId);
  if (referralId) params.set('vermittlung', referralId);
  return `/faelle/${caseId}/einwilligungen/neu?${params.toString()}`;
}

export function ConsentGate({
  reason,
  caseId,
  partnerId,
  referralId,
}: {
  reason: string;
  caseId: string;
  partnerId: string;
  referralId: string;
}) {
  return (
    <div class="notice notice--warning" role="status">
      <h2 class="notice__title">{t('network.gate.title')}</h2>
      <p>{reason}</p>
      <p>{t('network.gate.explain')}</p>
      <LinkButton
        variant="primary"
        block
        href={consentFormHref(caseId, 'share_with_partner', partnerId, referralId)}
      >
        {t('network.gate.record')}
      </LinkButton>
    </div>
  );
}

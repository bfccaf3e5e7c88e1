// Case detail section "Einwilligungen": each consent with its state today. Withdrawing asks once
// more and for the date of the withdrawal (today or earlier, e.g. a letter), then offers
// "Rückgängig" for 10 s. A withdrawal stops new sharing from its date; every open referral to that
// partner then shows a warning.
import { useState } from 'preact/hooks';
import './network.css';
import { t, formatDay } from '../../../shared/i18n/t';
import { toLocalDate } from '../../../shared/domain/common';
import { consentState, type Consent } from '../../../shared/domain/consent';
import { WithdrawConsentSheet } from './withdraw-consent-sheet';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { Section } from '../../ui/section';
import { RowList } from '../../ui/list-row';
import { EmptyState } from '../../ui/empty-state';
import { Button, LinkButton } from '../../ui/button';
import { StatusPill, type PillTone } from '../../ui/status-pill';
import { consentStateLabel, purposeLabel } from './network-labels';
import { LinkedDocuments } from '../documents/linked-documents';

const stateTones: Record<ReturnType<typeof consentState>, PillTone> = {
  valid: 'success',
  withdrawn: 'danger',
  expired: 'warning',
  not_yet: 'info',
};

export function CaseConsents({ caseId }: { caseId: string }) {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const consents = await db.consents.where('caseId').equals(caseId).toArray();
    const partnerIds = [...new Set(consents.flatMap((c) => (c.partnerId ? [c.partnerId] : [])))];
    const partners = await db.partners.bulkGet(partnerIds);
    consents.sort((a, b) => b.givenOn.localeCompare(a.givenOn) || b.id.localeCompare(a.id));
    return {
      consents,
      names: new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : []))),
    };
  }, [db, caseId]);
  const [withdrawing, setWithdrawing] = useState<{ consent: Consent; title: string } | null>(null);
  const today = toLocalDate(new Date());

  return (
    <Section
      title={t('network.consent.sectionTitle')}
      action={
        <LinkButton href={`/faelle/${caseId}/einwilligungen/neu`} variant="ghost">
          {t('network.consent.add')}
        </LinkButton>
      }
    >
      {data && data.consents.length === 0 && <EmptyState>{t('network.consent.none')}</EmptyState>}
      {data && data.consents.length > 0 && (
        <RowList label={t('network.consent.sectionTitle')}>
          {data.consents.map((consent) => {
            const state = consentState(consent, today);
            const partner = consent.partnerId ? data.names.get(consent.partnerId) : undefined;
            const title = [purposeLabel(consent.purpose), partner].filter(Boolean).join(': ');
            return (
              <li key={consent.id} class="row">
                <div class="row__link">
                  <span class="row__main">
                    <span class="row__title">{title}</span>
                    <span class="row__meta">
                      {consent.withdrawnOn
                        ? `${t('network.consent.withdrawnOn')} ${formatDay(consent.withdrawnOn)}`
                        : [
                            t('network.consent.since', { date: formatDay(consent.givenOn) }),
                            consent.validUntil
                              ? t('network.consent.until', { date: formatDay(consent.validUntil) })
                              : null,
                          ]
                            .filter(Boolean)
                            .join(' ')}
                    </span>
                  </span>
                  <span class="row__trailing">
                    <StatusPill tone={stateTones[state]}>{consentStateLabel(state)}</StatusPill>
                    {!consent.withdrawnOn && (
                      <Button
                        variant="danger"
                        onClick={() => setWithdrawing({ consent, title })}
                        aria-label={`${t('network.consent.withdraw')}: ${title}`}
                      >
                        {t('network.consent.withdraw')}
                      </Button>
                    )}
                  </span>
                </div>
                <LinkedDocuments
                  caseId={caseId}
                  field="consentId"
                  recordId={consent.id}
                  context={title}
                />
              </li>
            );
          })}
        </RowList>
      )}
      {withdrawing && (
        <WithdrawConsentSheet
          key={withdrawing.consent.id}
          consent={withdrawing.consent}
          title={withdrawing.title}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Section>
  );
}

// "/faelle/:caseId/vermittlungen/:referralId": one referral, its status actions through the
// machine, the consent gate before sending ("Senden" stays disabled and points at the reason) and
// the warning once a consent is gone. Withdrawing asks once more and offers "Rückgängig" for 10 s.
import { LinkedDocuments } from '../documents/linked-documents';
import { useState } from 'preact/hooks';
import { formatDay, t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { toLocalDate } from '../../../shared/domain/common';
import {
  allowedReferralTransitions,
  isOpenReferral,
  isSharedReferral,
  type Referral,
  type ReferralStatus,
} from '../../../shared/domain/referral';
import {
  referralConsentGate,
  sharedReferralWarning,
} from '../../../shared/domain/referral-consent';
import { fullName } from '../../../shared/domain/case';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { Button, LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { StatusPill } from '../../ui/status-pill';
import { showToast } from '../../state/toast';
import { Sheet } from '../../ui/sheet';
import { offerUndo, useWriteAction } from '../../ui/write-action';
import { undoReferralWithdrawal, withdrawReferral } from '../../../local/withdrawals';
import {
  directionLabel,
  needLabel,
  referralActionLabel,
  referralStatusLabel,
  referralStatusTone,
} from './network-labels';
import { ConsentGate } from './consent-gate';
import { changeReferralStatus } from '../../../local/change-referral-status';
import { CompleteReferralSheet } from './complete-referral-sheet';

export function ReferralDetail({ caseId, referralId }: { caseId: string; referralId: string }) {
  const db = useDb();
  usePageTitle(t('network.referral.detailTitle'), `/faelle/${caseId}`);
  const data = useLiveQuery(async () => {
    const referral = await db.referrals.get(referralId);
    if (!referral || referral.caseId !== caseId) return null;
    const [person, partner, offer, need, consents] = await Promise.all([
      db.cases.get(caseId),
      db.partners.get(referral.partnerId),
      referral.offerId ? db.offers.get(referral.offerId) : undefined,
      referral.needId ? db.needs.get(referral.needId) : undefined,
      db.consents.where('caseId').equals(caseId).toArray(),
    ]);
    return { referral, person, partner, offer, need, consents };
  }, [db, caseId, referralId]);
  const action = useWriteAction();
  const [completing, setCompleting] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);

  if (data === undefined) return null;
  if (data === null) return <EmptyState>{t('network.referral.notFound')}</EmptyState>;
  const { referral, person, partner, offer, need, consents } = data;
  const today = toLocalDate(new Date());
  const unsent =
    referral.direction === 'out' && ['draft', 'consent_pending'].includes(referral.status);
  const gateReason = unsent ? referralConsentGate(referral, consents, today) : null;
  const warning = isSharedReferral(referral)
    ? sharedReferralWarning(referral, consents, today)
    : null;
  const warningText = warning && renderMessage(warning);
  const gateText = gateReason && renderMessage(gateReason);
  // A summary goes to the partner: only while the referral is open (not after withdrawing it).
  const canSummarise =
    referral.direction === 'out' && isOpenReferral(referral.status) && !gateReason && !warning;

  const move = async (to: ReferralStatus, options?: Parameters<typeof changeReferralStatus>[3]) => {
    const result = await action.run(() =>
      changeReferralStatus(db, referral as Referral, to, options),
    );
    if (!result) return;
    setCompleting(false);
    showToast(
      result.followUpOn
        ? t('network.referral.followUpCreated', { date: formatDay(result.followUpOn) })
        : t('network.referral.statusChanged', { status: referralStatusLabel(to) }),
    );
  };

  const withdraw = async () => {
    const before = referral as Referral;
    const result = await action.run(() => withdrawReferral(db, before));
    setConfirmWithdraw(false);
    if (!result) return;
    offerUndo(
      t('network.referral.withdrawal.done'),
      () => undoReferralWithdrawal(db, before),
      t('network.referral.withdrawal.undone'),
    );
  };

  // A refusal that says what the gate or the warning already says is not shown a second time.
  const message =
    action.message && action.message !== gateText && action.message !== warningText
      ? action.message
      : null;
  const sendBlocked = gateReason !== null;

  return (
    <div class="network-page">
      {person && (
        <p class="page-intro">
          <a href={`/faelle/${caseId}`}>
            {t('network.referral.forPerson', { name: fullName(person) })}
          </a>
        </p>
      )}
      <h2 class="page__heading">{partner?.name ?? '–'}</h2>
      <p>
        <StatusPill tone={referralStatusTone(referral.status)}>
          {referralStatusLabel(referral.status)}
        </StatusPill>{' '}
        {directionLabel(referral.direction)}
      </p>
      {warning && (
        <p class="notice notice--danger" role="alert">
          {warningText}
        </p>
      )}
      <dl class="facts">
        {offer && (
          <>
            <dt>{t('network.referral.offer')}</dt>
            <dd>{offer.title}</dd>
          </>
        )}
        {need && (
          <>
            <dt>{t('network.referral.need')}</dt>
            <dd>{needLabel(need)}</dd>
          </>
        )}
        {referral.reason && (
          <>
            <dt>{t('network.referral.reason')}</dt>
            <dd class="pre-line">{referral.reason}</dd>
          </>
        )}
        {referral.followUpOn && (
          <>
            <dt>{t('network.referral.followUpOn')}</dt>
            <dd>{formatDay(referral.followUpOn)}</dd>
          </>
        )}
        {referral.outcome && (
          <>
            <dt>{t('network.referral.outcome')}</dt>
            <dd class="pre-line">{referral.outcome}</dd>
          </>
        )}
      </dl>
      <p class="network-meta">
        {referral.sentOn && (
          <span>{t('network.referral.sentOn', { date: formatDay(referral.sentOn) })} </span>
        )}
        {referral.receivedOn && (
          <span>{t('network.referral.receivedOn', { date: formatDay(referral.receivedOn) })} </span>
        )}
        {referral.closedOn && (
          <span>{t('network.referral.closedOn', { date: formatDay(referral.closedOn) })}</span>
        )}
      </p>
      {gateReason && (
        <ConsentGate
          reason={gateText ?? ''}
          caseId={caseId}
          partnerId={referral.partnerId}
          referralId={referral.id}
        />
      )}
      <FormAlert message={message} />
      <div class="status-actions" role="group" aria-label={t('network.referral.nextStep')}>
        {allowedReferralTransitions(referral.status).map((to) => (
          <Button
            key={to}
            variant={to === 'withdrawn' ? 'danger' : to === 'sent' ? 'primary' : 'secondary'}
            disabled={action.busy || (to === 'sent' && sendBlocked)}
            aria-describedby={to === 'sent' && sendBlocked ? 'referral-send-blocked' : undefined}
            onClick={() =>
              to === 'completed'
                ? setCompleting(true)
                : to === 'withdrawn'
                  ? setConfirmWithdraw(true)
                  : void move(to)
            }
          >
            {referralActionLabel(to)}
          </Button>
        ))}
      </div>
      {sendBlocked && allowedReferralTransitions(referral.status).includes('sent') && (
        <p class="hint" id="referral-send-blocked">
          {t('network.referral.sendBlocked')}
        </p>
      )}
      {canSummarise && (
        <LinkButton href={`/faelle/${caseId}/vermittlungen/${referral.id}/zusammenfassung`}>
          {t('network.referral.summary')}
        </LinkButton>
      )}
      <section class="section" aria-label={t('cases.documents.title')}>
        <h2 class="section__title">{t('cases.documents.title')}</h2>
        <LinkedDocuments caseId={caseId} field="referralId" recordId={referral.id} />
      </section>
      <CompleteReferralSheet
        open={completing}
        need={need ?? null}
        busy={action.busy}
        onClose={() => setCompleting(false)}
        onComplete={(options) => move('completed', options)}
      />
      <Sheet
        open={confirmWithdraw}
        title={t('network.referral.withdrawal.title')}
        onClose={() => setConfirmWithdraw(false)}
      >
        <p>{t('network.referral.withdrawal.explain', { partner: partner?.name ?? '–' })}</p>
        <div class="form-actions">
          <Button variant="danger" block disabled={action.busy} onClick={() => void withdraw()}>
            {t('network.referral.withdrawal.confirm')}
          </Button>
          <Button variant="ghost" block onClick={() => setConfirmWithdraw(false)}>
            {t('common.actions.cancel')}
          </Button>
        </div>
      </Sheet>
    </div>
  );
}

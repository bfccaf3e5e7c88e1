// "/faelle/:caseId/vermittlungen/:referralId/zusammenfassung": a print-ready German summary for a
// partner without an account. It shows only data the consent to share covers AND the THM ticks;
// the route carries ids only, and nothing is rendered without a valid consent.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { de as messagesDe } from '../../../shared/i18n/messages';
import { toLocalDate } from '../../../shared/domain/common';
import { germanDay } from '../../../shared/domain/german-day';
import { currentResidenceStatus } from '../../../shared/domain/residence-status';
import type { SharedDataKind } from '../../../shared/domain/consent';
import { consentForSending } from '../../../shared/domain/referral-consent';
import { summaryDataKinds } from '../../../shared/domain/referral-summary';
import { fullName } from '../../../shared/domain/case';
import { useDb, useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { compareDocuments } from '../../../shared/domain/document';
import { usePageTitle } from '../../state/page-title';
import { CheckboxField } from '../../ui/field';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { sharedDataLabel } from './network-labels';
import { summaryValues } from './summary-values';
import './network.css';

// The summary goes to a German office whatever language the app is in.
const de = messagesDe.network.summary;
/** On <body> while the summary is shown: network.css then prints the sheet alone. */
export const PRINTS_SHEET = 'prints-referral-sheet';

export function ReferralSummary({ caseId, referralId }: { caseId: string; referralId: string }) {
  const db = useDb();
  const user = useSession((state) => state.user);
  usePageTitle(t('network.referral.summary'), `/faelle/${caseId}/vermittlungen/${referralId}`);
  const today = toLocalDate(new Date());
  const data = useLiveQuery(async () => {
    const referral = await db.referrals.get(referralId);
    const person = await db.cases.get(caseId);
    if (!referral || referral.caseId !== caseId || !person) return null;
    const [partner, offer, need, consents, statuses, documents] = await Promise.all([
      db.partners.get(referral.partnerId),
      referral.offerId ? db.offers.get(referral.offerId) : undefined,
      referral.needId ? db.needs.get(referral.needId) : undefined,
      db.consents.where('caseId').equals(caseId).toArray(),
      db.statuses.where('caseId').equals(caseId).toArray(),
      db.documents.where('caseId').equals(caseId).toArray(),
    ]);
    const consent = consentForSending(consents, referral.partnerId, today);
    return {
      referral,
      person,
      partner,
      offer,
      need,
      consent,
      status: currentResidenceStatus(statuses),
      documents: documents
        .filter((document) => document.referralId === referralId)
        .sort(compareDocuments),
    };
  }, [db, caseId, referralId, today]);
  const [picked, setPicked] = useState<SharedDataKind[]>(['reason']);
  const sheetShown = Boolean(data?.consent);
  useEffect(() => {
    if (!sheetShown) return;
    // The print rule that hides all but the sheet applies only while the sheet is on screen;
    // every other page (the privacy documents, the console's report) prints as it is.
    document.body.classList.add(PRINTS_SHEET);
    return () => document.body.classList.remove(PRINTS_SHEET);
  }, [sheetShown]);

  if (data === undefined) return null;
  if (data === null) return <EmptyState>{t('network.referral.notFound')}</EmptyState>;
  if (!data.consent) {
    return (
      <p class="notice notice--danger" role="alert">
        {t('network.summary.noConsent')}
      </p>
    );
  }
  const covered = summaryDataKinds(data.consent, data.consent.sharedData ?? []);
  const shown = summaryDataKinds(data.consent, picked);
  const values = summaryValues(shown, data);
  const toggle = (kind: SharedDataKind, on: boolean) =>
    setPicked((current) => (on ? [...current, kind] : current.filter((k) => k !== kind)));

  return (
    <div class="network-page">
      <p class="page-intro no-print">
        {t('network.summary.forPerson', { name: fullName(data.person) })}
      </p>
      <fieldset class="checks no-print">
        <legend>{t('network.summary.pick')}</legend>
        <p class="hint">{t('network.summary.pickHint')}</p>
        {covered.map((kind) => (
          <CheckboxField
            key={kind}
            name={`pick-${kind}`}
            label={sharedDataLabel(kind)}
            checked={picked.includes(kind)}
            onValue={(on) => toggle(kind, on)}
          />
        ))}
      </fieldset>
      <div class="no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {t('network.summary.print')}
        </Button>
      </div>
      <article class="print-sheet" lang="de" aria-label={de.title}>
        <h1>{de.title}</h1>
        <dl class="facts">
          <dt>{de.to}</dt>
          <dd>{[data.partner?.name, data.partner?.contactPerson].filter(Boolean).join(', ')}</dd>
          <dt>{de.from}</dt>
          <dd>{[user?.name, user?.team.name].filter(Boolean).join(', ')}</dd>
          <dt>{de.date}</dt>
          <dd>{germanDay(today)}</dd>
          {data.offer && (
            <>
              <dt>{de.offer}</dt>
              <dd>{data.offer.title}</dd>
            </>
          )}
          {values.map(({ kind, value }) => (
            <Fragment key={kind}>
              <dt>{de.field[kind]}</dt>
              <dd class="pre-line">{value}</dd>
            </Fragment>
          ))}
        </dl>
        <p class="print-sheet__small">
          {de.consentLine.replace('{date}', germanDay(data.consent.givenOn))}
        </p>
        <p class="print-sheet__small">{de.confidential}</p>
      </article>
    </div>
  );
}

// "Übergabepaket" (issue 26 item 4): a printable summary of a case for the body that takes it over
// (Jobcenter, KIM, ...), limited to what the person's valid consent to share with that body
// covers, and naming what was left out. The sheet is German (it goes to a German office) whatever
// the app's language; the route carries ids only; nothing is shown without a valid consent.
import { useEffect, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { toLocalDate } from '../../../shared/domain/common';
import { germanDay } from '../../../shared/domain/german-day';
import { fullName } from '../../../shared/domain/case';
import { sharedDataKinds, type SharedDataKind } from '../../../shared/domain/consent';
import { consentForSending } from '../../../shared/domain/referral-consent';
import { currentResidenceStatus } from '../../../shared/domain/residence-status';
import { de as messagesDe } from '../../../shared/i18n/messages';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { usePageTitle } from '../../state/page-title';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { SelectField } from '../../ui/field';
import { useLiveQuery } from '../../ui/use-live-query';
import { summaryValues } from '../network/summary-values';
import { PRINTS_SHEET } from '../network/referral-summary';
import '../network/network.css';

const de = messagesDe.cases.handoverPack;
const fieldDe = messagesDe.network.summary.field;
/** A handover has no referral, so no "reason"; its needs are listed whole below. */
const packKinds = sharedDataKinds.filter((kind) => kind !== 'reason' && kind !== 'need');

export function HandoverPackPage({ id }: { id: string }) {
  usePageTitle(t('cases.handoverPack.title'), `/faelle/${id}`);
  const db = useDb();
  const user = useSession((state) => state.user);
  const today = toLocalDate(new Date());
  const [partnerId, setPartnerId] = useState('');
  const data = useLiveQuery(async () => {
    const person = await db.cases.get(id);
    if (!person) return null;
    const [partners, consents, statuses, needs] = await Promise.all([
      db.partners.toArray(),
      db.consents.where('caseId').equals(id).toArray(),
      db.statuses.where('caseId').equals(id).toArray(),
      db.needs.where('caseId').equals(id).toArray(),
    ]);
    return {
      person,
      partners: partners.sort((a, b) => a.name.localeCompare(b.name, 'de')),
      consents,
      status: currentResidenceStatus(statuses),
      needs: needs.filter((need) => need.status === 'open' || need.status === 'in_progress'),
    };
  }, [db, id]);
  const partner = data?.partners.find((p) => p.id === partnerId);
  const consent = data && partner ? consentForSending(data.consents, partner.id, today) : undefined;
  useEffect(() => {
    if (!consent) return;
    document.body.classList.add(PRINTS_SHEET);
    return () => document.body.classList.remove(PRINTS_SHEET);
  }, [consent]);

  if (data === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (data === null) return <EmptyState>{t('cases.detail.notFound')}</EmptyState>;
  if (data.partners.length === 0)
    return <EmptyState>{t('cases.handoverPack.noPartners')}</EmptyState>;

  const covered = new Set<SharedDataKind>(consent?.sharedData ?? []);
  const shown = packKinds.filter((kind) => covered.has(kind));
  const leftOut = sharedDataKinds.filter((kind) => kind !== 'reason' && !covered.has(kind));
  const values = summaryValues(shown, { person: data.person, status: data.status });
  const needs = covered.has('need') ? data.needs : [];

  return (
    <div class="network-page">
      <p class="page-intro no-print">{t('cases.handoverPack.intro')}</p>
      <div class="no-print">
        <SelectField
          name="handover-partner"
          label={t('cases.handoverPack.partner')}
          value={partnerId}
          onValue={setPartnerId}
          options={[
            { value: '', label: t('cases.handoverPack.choose') },
            ...data.partners.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      </div>
      {partner && !consent && (
        <p class="notice notice--danger" role="alert">
          {t('cases.handoverPack.noConsent')}
        </p>
      )}
      {partner && consent && (
        <>
          <div class="no-print">
            <Button variant="primary" onClick={() => window.print()}>
              {t('cases.handoverPack.print')}
            </Button>
          </div>
          <article class="print-sheet" lang="de" aria-label={de.sheetTitle}>
            <h1>{de.sheetTitle}</h1>
            <dl class="facts">
              <dt>{de.to}</dt>
              <dd>{[partner.name, partner.contactPerson].filter(Boolean).join(', ')}</dd>
              <dt>{de.from}</dt>
              <dd>{[user?.name, user?.team.name].filter(Boolean).join(', ')}</dd>
              <dt>{de.date}</dt>
              <dd>{germanDay(today)}</dd>
              {values.map(({ kind, value }) => (
                <Fragment key={kind}>
                  <dt>{fieldDe[kind]}</dt>
                  <dd class="pre-line">{value}</dd>
                </Fragment>
              ))}
              {needs.length > 0 && (
                <>
                  <dt>{de.needs}</dt>
                  <dd class="pre-line">
                    {needs
                      .map((need) =>
                        [messagesDe.cases.needCategory[need.category], need.description]
                          .filter(Boolean)
                          .join(': '),
                      )
                      .join('\n')}
                  </dd>
                </>
              )}
            </dl>
            {leftOut.length > 0 && (
              <p class="print-sheet__small">
                {de.leftOut} {leftOut.map((kind) => fieldDe[kind]).join(', ')}.
              </p>
            )}
            <p class="print-sheet__small">{de.never}</p>
            <p class="print-sheet__small">
              {de.consentLine.replace('{date}', germanDay(consent.givenOn))}
            </p>
            <p class="print-sheet__small">{de.confidential}</p>
          </article>
          <p class="hint no-print">
            {t('network.summary.forPerson', { name: fullName(data.person) })}
          </p>
        </>
      )}
    </div>
  );
}

// Before a case conference ("Fallkonferenz"): every invited partner checked against the case's
// consents, with a warning and a one-tap way to record the missing consent per partner.
import './network.css';
import { useId } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { toLocalDate } from '../../../shared/domain/common';
import { conferenceConsentCheck } from '../../../shared/domain/conference-consent';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { LinkButton } from '../../ui/button';
import { StatusPill } from '../../ui/status-pill';
import { consentFormHref } from './consent-gate';

export function ConferenceConsentCheck({
  caseId,
  partnerIds,
}: {
  caseId: string;
  partnerIds: readonly string[];
}) {
  const db = useDb();
  const titleId = useId();
  const key = partnerIds.join(',');
  const data = useLiveQuery(async () => {
    const [consents, partners] = await Promise.all([
      db.consents.where('caseId').equals(caseId).toArray(),
      db.partners.bulkGet([...partnerIds]),
    ]);
    return {
      results: conferenceConsentCheck(partnerIds, consents, toLocalDate(new Date())),
      names: new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : []))),
    };
  }, [db, caseId, key]);
  if (!data) return null;
  const missing = data.results.filter((r) => !r.ok);

  return (
    <section class="conference-check" aria-labelledby={titleId}>
      <h3 id={titleId} class="section__title">
        {t('network.conference.title')}
      </h3>
      {data.results.length === 0 && <p>{t('network.conference.noParticipants')}</p>}
      {data.results.length > 0 && missing.length === 0 && (
        <p class="notice notice--success">{t('network.conference.allOk')}</p>
      )}
      <ul class="rows">
        {data.results.map((result) => (
          <li key={result.partnerId} class="row">
            <div class="row__link">
              <span class="row__main">
                <span class="row__title">{data.names.get(result.partnerId) ?? '–'}</span>
                {result.message && (
                  <span class="row__meta row__warning" role="alert">
                    {renderMessage(result.message)}
                  </span>
                )}
              </span>
              <span class="row__trailing">
                {result.ok ? (
                  <StatusPill tone="success">{t('network.conference.ok')}</StatusPill>
                ) : (
                  <LinkButton
                    href={consentFormHref(caseId, 'case_conference', result.partnerId)}
                    aria-label={`${t('network.conference.record')}: ${data.names.get(result.partnerId) ?? ''}`}
                  >
                    {t('network.conference.record')}
                  </LinkButton>
                )}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

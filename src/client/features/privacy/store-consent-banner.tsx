// Purposes that matter (issue 12): when the team's legal basis is consent and the case has no
// valid store_data consent, the case asks for it. Under a public task (Art. 6(1)(e)) it does not.
import { findValidConsent } from '../../../shared/domain/consent';
import { toLocalDate } from '../../../shared/domain/common';
import { needsStoreConsent, teamSettingsOf } from '../../../shared/domain/team-settings';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { useLiveQuery } from '../../ui/use-live-query';
import './privacy.css';

export function StoreConsentBanner({ caseId }: { caseId: string }) {
  const db = useDb();
  const settings = teamSettingsOf(useSession((state) => state.user?.team));
  const consents = useLiveQuery(
    () => db.consents.where('caseId').equals(caseId).toArray(),
    [db, caseId],
  );
  if (!needsStoreConsent(settings) || consents === undefined) return null;
  if (findValidConsent(consents, { purpose: 'store_data' }, toLocalDate(new Date()))) return null;
  return (
    <section class="privacy-banner" aria-labelledby={`store-consent-${caseId}`}>
      <h2 id={`store-consent-${caseId}`}>{t('privacy.banner.title')}</h2>
      <p>{t('privacy.banner.body')}</p>
      <div class="privacy-actions">
        <LinkButton
          href={`/faelle/${caseId}/einwilligungen/neu?zweck=store_data`}
          variant="primary"
        >
          {t('network.consent.add')}
        </LinkButton>
        <LinkButton href={`/faelle/${caseId}/datenschutz?text=store_data`}>
          {t('privacy.banner.texts')}
        </LinkButton>
      </div>
    </section>
  );
}

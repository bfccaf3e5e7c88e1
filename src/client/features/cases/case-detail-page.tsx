// The case: profile first, then everything that belongs to it, in the order the team agreed on.
// Each section reads its own records live, so sync or another tab updates it in place.
import { fullName } from '../../../shared/domain/case';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { EmptyState } from '../../ui/empty-state';
import { LinkButton } from '../../ui/button';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { CaseAppointments } from '../appointments/case-appointments';
import { CaseConsents } from '../network/case-consents';
import { CaseReferrals } from '../network/case-referrals';
import { CaseOfferHints } from '../network/case-offer-hints';
import { CaseProfile } from './case-profile';
import { ResidenceStatusSection } from './residence-status-section';
import { NeedsSection } from './needs-section';
import { ContactLog } from './contact-log';
import { TasksSection } from './tasks-section';
import { DocumentsSection } from '../documents/documents-section';
import { StoreConsentBanner } from '../privacy/store-consent-banner';
import { CasePrivacySection } from '../privacy/case-privacy-section';
import { MergedAwayNotice, MergedSection } from './merged-section';

export function CaseDetailPage({ id }: { id: string }) {
  const db = useDb();
  const record = useLiveQuery(() => db.cases.get(id).then((row) => row ?? null), [db, id]);
  usePageTitle(record ? fullName(record) : t('cases.detail.title'), '/faelle');

  if (record === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (record === null) {
    return (
      <>
        <MergedAwayNotice caseId={id} />
        <EmptyState action={<LinkButton href="/faelle">{t('cases.detail.backToList')}</LinkButton>}>
          {t('cases.detail.notFound')}
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <StoreConsentBanner caseId={id} />
      <CaseProfile record={record} />
      <ResidenceStatusSection caseId={id} />
      <NeedsSection caseId={id} />
      <CaseAppointments caseId={id} />
      <ContactLog caseId={id} />
      <TasksSection caseId={id} />
      <DocumentsSection caseId={id} />
      <CaseConsents caseId={id} />
      <CaseReferrals caseId={id} />
      <CaseOfferHints caseId={id} />
      <MergedSection caseId={id} />
      <CasePrivacySection caseId={id} />
    </>
  );
}

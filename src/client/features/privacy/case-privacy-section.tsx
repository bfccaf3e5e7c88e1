// "Datenschutz" in the case: texts for the person, access export, history, erasure.
import { t } from '../../../shared/i18n/t';
import { ListRow, RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';

export function CasePrivacySection({ caseId }: { caseId: string }) {
  return (
    <Section title={t('privacy.section.title')}>
      <RowList>
        <ListRow href={`/faelle/${caseId}/datenschutz`} title={t('privacy.section.texts')} />
        <ListRow href={`/faelle/${caseId}/auskunft`} title={t('privacy.section.export')} />
        <ListRow href={`/faelle/${caseId}/verlauf`} title={t('privacy.section.history')} />
        <ListRow href={`/faelle/${caseId}/loeschen`} title={t('privacy.section.erase')} />
      </RowList>
    </Section>
  );
}

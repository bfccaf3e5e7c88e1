// "Startliste laden": one tap adds typical partners with example offers; the team edits them after.
import { useWriteAction } from '../../ui/write-action';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { Section } from '../../ui/section';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../state/toast';
import { loadStarterNetwork } from './load-starter-network';

export function StarterNetworkLoader() {
  const db = useDb();
  const action = useWriteAction();

  const load = async () => {
    const result = await action.run(() => loadStarterNetwork(db));
    if (!result) return;
    showToast(
      result.partners === 0
        ? t('network.starter.nothing')
        : t('network.starter.loaded', { partners: result.partners, offers: result.offers }),
    );
  };

  return (
    <Section title={t('network.starter.title')}>
      <p>{t('network.starter.intro')}</p>
      <FormAlert message={action.message} />
      <Button onClick={() => void load()} disabled={action.busy}>
        {t('network.starter.load')}
      </Button>
    </Section>
  );
}

// "Startliste laden": one tap adds typical partners with example offers; the team edits them after.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { Section } from '../../ui/section';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../state/toast';
import { loadStarterNetwork } from './load-starter-network';

export function StarterNetworkLoader() {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setBusy(true);
    const result = await loadStarterNetwork(db);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    showToast(
      result.partners === 0
        ? t('network.starter.nothing')
        : t('network.starter.loaded', { partners: result.partners, offers: result.offers }),
    );
  };

  return (
    <Section title={t('network.starter.title')}>
      <p>{t('network.starter.intro')}</p>
      <FormAlert message={error} />
      <Button onClick={load} disabled={busy}>
        {t('network.starter.load')}
      </Button>
    </Section>
  );
}

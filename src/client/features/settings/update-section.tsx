// Version and update on the "Mehr" page. An update is offered, never forced: the person decides
// when the app reloads, so nothing half-typed is lost.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { Section } from '../../ui/section';
import { appVersion, checkForUpdate, useServiceWorker } from '../../sw-bridge';
import { UpdateOffer } from './update-offer';

export function UpdateSection() {
  const { supported, updateAvailable } = useServiceWorker();
  const [checked, setChecked] = useState(false);

  return (
    <Section title={t('sync.settings.app')}>
      <p>{t('sync.settings.version', { version: appVersion() })}</p>
      {!supported && <p class="hint">{t('sync.settings.update.offline')}</p>}
      {supported && updateAvailable && <UpdateOffer />}
      {supported && !updateAvailable && (
        <>
          {checked && <p role="status">{t('sync.settings.update.current')}</p>}
          <Button onClick={() => void checkForUpdate().then(() => setChecked(true))}>
            {t('sync.settings.update.check')}
          </Button>
        </>
      )}
    </Section>
  );
}

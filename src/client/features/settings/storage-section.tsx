// Storage use and persistence on the "Mehr" page, with a button to ask for persistence.
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { Section } from '../../ui/section';
import {
  formatBytes,
  readStorageState,
  requestPersistence,
  type StorageState,
} from './storage-estimate';

export function StorageSection() {
  const [state, setState] = useState<StorageState | null>(null);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    void readStorageState().then(setState);
  }, []);

  async function askForPersistence() {
    const granted = await requestPersistence();
    setDenied(granted === false);
    setState(await readStorageState());
  }

  const language = getLanguage();
  return (
    <Section title={t('sync.settings.storage.title')}>
      {state && (
        <>
          <p>
            {state.usage !== null && state.quota !== null
              ? t('sync.settings.storage.used', {
                  used: formatBytes(state.usage, language),
                  quota: formatBytes(state.quota, language),
                })
              : t('sync.settings.storage.unknown')}
          </p>
          {state.persisted === null && <p>{t('sync.settings.storage.unsupported')}</p>}
          {state.persisted === true && <p>{t('sync.settings.storage.persisted')}</p>}
          {state.persisted === false && (
            <>
              <p>{t('sync.settings.storage.notPersisted')}</p>
              <FormAlert message={denied ? t('sync.settings.storage.denied') : null} />
              <Button onClick={() => void askForPersistence()}>
                {t('sync.settings.storage.request')}
              </Button>
            </>
          )}
        </>
      )}
    </Section>
  );
}

// Storage use and persistence on the "Mehr" page, with a button to ask for persistence. A browser
// may evict non-persistent storage under pressure, unsynced changes included.
import { useEffect, useState } from 'preact/hooks';
import {
  formatBytes,
  requestPersistentStorage,
  storageUse,
  type StorageUse,
} from '../../../local/persist-storage';
import { getLanguage, t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { Section } from '../../ui/section';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';

interface StorageState {
  use: StorageUse | null;
  /** null where the browser cannot tell or protect the data. */
  persisted: boolean | null;
}

async function readStorageState(): Promise<StorageState> {
  const persisted = navigator.storage?.persisted
    ? await navigator.storage.persisted().catch(() => null)
    : null;
  return { use: await storageUse(), persisted };
}

export function StorageSection() {
  const [state, setState] = useState<StorageState | null>(null);
  const [denied, setDenied] = useState(false);
  const db = useDb();
  // Documents are the big part of what a phone holds (issue 25): their files' bytes here.
  const documentBytes = useLiveQuery(
    async () => (await db.documentFiles.toArray()).reduce((sum, row) => sum + row.size, 0),
    [db],
  );

  useEffect(() => {
    void readStorageState().then(setState);
  }, []);

  async function askForPersistence() {
    setDenied((await requestPersistentStorage()) === 'denied');
    setState(await readStorageState());
  }

  const language = getLanguage();
  return (
    <Section title={t('sync.settings.storage.title')}>
      {state && (
        <>
          <p>
            {state.use
              ? t('sync.settings.storage.used', {
                  used: formatBytes(state.use.usedBytes, language),
                  quota: formatBytes(state.use.quotaBytes, language),
                })
              : t('sync.settings.storage.unknown')}
          </p>
          {documentBytes !== undefined && documentBytes > 0 && (
            <p>{t('cases.documents.storage', { size: formatBytes(documentBytes, language) })}</p>
          )}
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

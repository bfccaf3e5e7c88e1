// "Mehr": account, sync status details, language, storage, app version and update, sign-out.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { ListRow, RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { Section } from '../../ui/section';
import { SignOutDialog } from '../session/sign-out-dialog';
import { SyncDetails } from '../sync/sync-details';
import { useSyncStatus } from '../sync/use-sync-status';
import { LanguageSection } from './language-section';
import { AutoLockSection } from './auto-lock-section';
import { HardwareUnlockSection } from './hardware-unlock-section';
import { StorageSection } from './storage-section';
import { UpdateSection } from './update-section';
import './settings.css';

export function MorePage() {
  usePageTitle(t('sync.settings.title'));
  const db = useDb();
  const user = useSession((state) => state.user);
  const status = useSyncStatus(db);
  const [signingOut, setSigningOut] = useState(false);

  return (
    <div class="more-page">
      <Section title={t('sync.settings.account')}>
        {user && (
          <p>
            <strong>{user.name}</strong>
            <br />
            {user.email}
            <br />
            {t('sync.settings.team', { team: user.team.name })}
          </p>
        )}
        <Button onClick={() => setSigningOut(true)}>{t('sync.signOut.action')}</Button>
      </Section>

      <Section title={t('sync.settings.sync')}>
        {status && <SyncDetails status={status} />}
        <RowList>
          <ListRow
            href="/mehr/konflikte"
            title={t('sync.settings.conflictsLink', { count: status?.unresolvedConflicts ?? 0 })}
          />
          <ListRow
            href="/mehr/abgelehnt"
            title={t('sync.settings.rejectionsLink', { count: status?.rejections ?? 0 })}
          />
        </RowList>
      </Section>

      <Section title={t('cases.gaps.list')}>
        <RowList>
          <ListRow href="/luecken" title={t('cases.gaps.listLink')} />
        </RowList>
      </Section>

      <AutoLockSection />
      <HardwareUnlockSection />
      <Section title={t('privacy.section.title')}>
        <RowList>
          <ListRow href="/mehr/loeschfristen" title={t('privacy.retention.title')} />
          <ListRow href="/datenschutz" title={t('privacy.texts.title')} />
        </RowList>
      </Section>

      <LanguageSection />
      <StorageSection />
      <UpdateSection />

      <SignOutDialog open={signingOut} onClose={() => setSigningOut(false)} />
    </div>
  );
}

// Loads the console (coordinators and admins) as a chunk of its own, so the THM's first screen
// never carries it (kept this small on purpose: it is in the first bundle). The console is online
// only: it says so itself when offline; if even its code cannot be loaded, this says so.
import { ErrorBoundary, lazy } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { SessionUser } from '../../../shared/sync/protocol';
import { t } from '../../../shared/i18n/t';

const Console = lazy(() => import('../../console/console-app').then((m) => m.ConsoleApp));

export function ConsoleLoader({ user }: { user: SessionUser }) {
  const [failed, setFailed] = useState(false);
  return failed ? (
    <p role="alert">{t('common.shell.loadFailed')}</p>
  ) : (
    <ErrorBoundary onError={() => setFailed(true)}>
      <Console user={user} />
    </ErrorBoundary>
  );
}

// The console: the team's second face for coordinators and admins. Online only, nothing stored on
// the device (no database is opened for these roles, see state/session.ts). Its own header and
// tabs; the report is the start page.
import '../../shared/i18n/messages-console';
import { Route, Router, useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/sync/protocol';
import { t } from '../../shared/i18n/t';
import { sessionEnded, signOutConsole } from './session-end';
import { handleSessionProblems } from '../features/session/online-request';
import { useAuthUi } from '../state/auth-ui';
import { ct } from './console-texts';
import { ReportPage } from './report-page';
import { GapsPage } from './gaps-page';
import { AdminPage } from './admin-page';
import { ImportPage } from './import/import-page';
import { useOnline } from './use-online';
import './console.css';

interface Tab {
  href: string;
  label: () => string;
  admin?: boolean;
}

const tabs: Tab[] = [
  { href: '/', label: () => ct('nav.report') },
  { href: '/luecken', label: () => ct('nav.gaps') },
  { href: '/import', label: () => ct('nav.import') },
  { href: '/verwaltung', label: () => ct('nav.admin'), admin: true },
];

export function ConsoleApp({ user }: { user: SessionUser }) {
  const { path, route } = useLocation();
  const online = useOnline();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const visibleTabs = tabs.filter((tab) => !tab.admin || user.role === 'admin');

  // The console ends its session itself: back to the sign-in, nothing to wipe (no data here). A
  // session that must set its password first gets the step (the sign-in gate shows it).
  useEffect(
    () =>
      handleSessionProblems((problem) =>
        problem === 'password_change_required'
          ? useAuthUi.setState({ passwordChangeFor: { user } })
          : sessionEnded(),
      ),
    [user],
  );

  // A path of the phone app (a bookmark, the last screen) has no meaning here: go to the report.
  useEffect(() => {
    if (!visibleTabs.some((tab) => tab.href === path)) route('/', true);
  }, [path]);

  return (
    <div class="console">
      <a class="skip-link" href="#console-main">
        {t('common.shell.skipToContent')}
      </a>
      <header class="console-header">
        <div class="console-header__who">
          <h1 class="console-header__title" tabIndex={-1} ref={titleRef}>
            {t('common.appName')} · {ct('title')}
          </h1>
          <p class="console-header__meta">
            {user.name} · {ct(`role.${user.role}`)} · {user.team.name}
          </p>
        </div>
        <button
          type="button"
          class="button button--secondary console-header__signout"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void signOutConsole();
          }}
        >
          {ct('signOut')}
        </button>
      </header>
      <nav class="console-tabs" aria-label={ct('nav.label')}>
        {visibleTabs.map((tab) => (
          <a
            key={tab.href}
            href={tab.href}
            class="console-tabs__item"
            aria-current={path === tab.href ? 'page' : undefined}
          >
            {tab.label()}
          </a>
        ))}
      </nav>
      <p class={online ? 'console-note' : 'console-note console-note--offline'} role="status">
        {online ? ct('onlineOnly') : ct('offline')}
      </p>
      <main id="console-main" class="console-main">
        <Router>
          <Route path="/" component={() => <ReportPage user={user} />} />
          <Route path="/luecken" component={() => <GapsPage />} />
          <Route path="/import" component={() => <ImportPage user={user} />} />
          <Route
            path="/verwaltung"
            component={() => (user.role === 'admin' ? <AdminPage user={user} /> : null)}
          />
          <Route default component={() => null} />
        </Router>
      </main>
    </div>
  );
}

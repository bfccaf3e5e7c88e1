// The signed-in, unlocked app: header (page title, back link, sync status), the routes of every
// feature, and the bottom navigation for one thumb. Feature screens are lazy; "Heute" is not.
// A chunk of its own: the lock screen (the first screen of every start, [K2]) does not wait for
// it, and it loads while the PIN is typed (app.tsx).
// The German catalogues of the screens join before any screen renders (messages.ts).
import '../shared/i18n/messages-behind-lock';
import { Route, Router, useLocation } from 'preact-iso';
import { useRef } from 'preact/hooks';
import { t } from '../shared/i18n/t';
import { OfflineBanner, SyncStatusChip } from './features/sync/sync-status-chip';
import { caseRoutes } from './features/cases/routes';
import { appointmentRoutes } from './features/appointments/routes';
import { AppointmentReminders } from './features/appointments/appointment-reminders';
import { networkRoutes } from './features/network/routes';
import { settingsRoutes } from './features/settings/routes';
import { gapRoutes } from './features/gaps/routes';
import { privacyRoutes } from './features/privacy/routes';
import { documentRoutes } from './features/documents/routes';
import { BottomNav } from './ui/bottom-nav';
import { EmptyState } from './ui/empty-state';
import { Icon } from './ui/icon';
import { usePageTitleStore } from './state/page-title';
import { Toasts } from './ui/toast';
import { ScreenBoundary } from './ui/screen-boundary';
import type { FeatureRoute } from './ui/feature-route';

const routes: FeatureRoute[] = [
  ...caseRoutes,
  ...appointmentRoutes,
  ...networkRoutes,
  ...settingsRoutes,
  ...gapRoutes,
  ...privacyRoutes,
  ...documentRoutes,
];

function NotFound() {
  return (
    <EmptyState action={<a href="/">{t('common.shell.toStart')}</a>}>
      {t('common.shell.pageNotFound')}
    </EmptyState>
  );
}

function Header({ titleRef }: { titleRef: { current: HTMLHeadingElement | null } }) {
  const { title, backHref } = usePageTitleStore();
  return (
    <header class="app-header">
      {backHref && (
        <a class="icon-button" href={backHref} aria-label={t('common.actions.back')}>
          <Icon name="back" />
        </a>
      )}
      <h1 class="app-header__title" tabIndex={-1} ref={titleRef}>
        {title || t('common.appName')}
      </h1>
      <SyncStatusChip />
    </header>
  );
}

function Shell() {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { path, route } = useLocation();
  // After navigating, start at the top and put focus on the new page's title (screen readers
  // announce it; keyboard users continue from there).
  const onRouteChange = () => {
    window.scrollTo?.(0, 0);
    requestAnimationFrame(() => titleRef.current?.focus());
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('common.shell.skipToContent')}
      </a>
      <Header titleRef={titleRef} />
      <OfflineBanner />
      <main class="app-main" id="main">
        <ScreenBoundary path={path} onOverview={() => route('/')}>
          <Router onRouteChange={onRouteChange}>
            {[
              ...routes.map((route) => (
                <Route key={route.path} path={route.path} component={route.component} />
              )),
              <Route key="404" default component={NotFound} />,
            ]}
          </Router>
        </ScreenBoundary>
      </main>
      <BottomNav path={path} />
      <Toasts />
      <AppointmentReminders />
    </>
  );
}

/** The outer boundary: a failure in the header or the navigation (outside a screen's own). */
export function GuardedShell() {
  const { path, route } = useLocation();
  return (
    <ScreenBoundary path={path} onOverview={() => route('/')}>
      <Shell />
    </ScreenBoundary>
  );
}

// The five tabs, always in reach of the thumb. Each target is at least 48 px; the current one is
// marked with aria-current (and bolder, not only by colour).
import { t } from '../../shared/i18n/t';
import { Icon, type IconName } from './icon';

interface Tab {
  href: string;
  icon: IconName;
  label: () => string;
}

const tabs: Tab[] = [
  { href: '/', icon: 'today', label: () => t('common.nav.today') },
  { href: '/faelle', icon: 'cases', label: () => t('common.nav.cases') },
  { href: '/termine', icon: 'appointments', label: () => t('common.nav.appointments') },
  { href: '/netzwerk', icon: 'network', label: () => t('common.nav.network') },
  { href: '/mehr', icon: 'more', label: () => t('common.nav.more') },
];

export function isTabActive(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function BottomNav({ path }: { path: string }) {
  return (
    <nav class="bottom-nav" aria-label={t('common.shell.mainNav')}>
      {tabs.map((tab) => (
        <a
          key={tab.href}
          href={tab.href}
          class="bottom-nav__item"
          aria-current={isTabActive(tab.href, path) ? 'page' : undefined}
        >
          <Icon name={tab.icon} />
          <span>{tab.label()}</span>
        </a>
      ))}
    </nav>
  );
}

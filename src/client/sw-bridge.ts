// The ONLY page-side module that touches navigator.serviceWorker / workbox-window. It registers the
// service worker, offers updates (never forces them: a half-written note must survive), asks for
// Background Sync and shows local notifications.
import type { Workbox } from 'workbox-window';
import { BACKGROUND_SYNC_TAG } from '../local/sync/background-sync-tag';
import { create } from './state/create-store';
import { errorName } from '../shared/error-name';

export interface ServiceWorkerState {
  /** false in dev mode and in browsers without service workers. */
  supported: boolean;
  /** A new version is installed and waits for the person to accept it. */
  updateAvailable: boolean;
  /** The page is controlled by a service worker (so it opens offline). */
  controlled: boolean;
}

export const useServiceWorker = create<ServiceWorkerState>(() => ({
  supported: false,
  updateAvailable: false,
  controlled: false,
}));

let workbox: Workbox | undefined;
let registering = false;
let updateAccepted = false;

const UPDATE_CHECK_INTERVAL_MS = 60 * 60_000;

/** Registers /sw.js once (a second call is a no-op). Does nothing in dev mode. */
export function registerServiceWorker(): void {
  if (registering || !hasServiceWorker() || import.meta.env.DEV) return;
  registering = true;
  // workbox-window is loaded after the first screen: registering can wait a moment, reading cannot.
  void import('workbox-window')
    .then(({ Workbox }) => register(new Workbox('/sw.js', { scope: '/', type: 'module' })))
    .catch((error: unknown) => console.warn('Service worker not registered', errorName(error)));
}

function register(wb: Workbox): void {
  workbox = wb;
  useServiceWorker.setState({
    supported: true,
    controlled: Boolean(navigator.serviceWorker.controller),
  });

  // 'waiting' also fires at start when a version was already waiting from an earlier visit.
  wb.addEventListener('waiting', () => useServiceWorker.setState({ updateAvailable: true }));
  wb.addEventListener('controlling', (event) => {
    useServiceWorker.setState({ controlled: true });
    // What this page loaded before the worker took over (the English catalogue, say) did not pass
    // through it: the worker keeps what it does not precache, so it works offline too.
    wb.messageSW({ type: 'KEEP_LOADED_FILES', urls: loadedScriptUrls() }).catch(() => undefined);
    // Reload only when the person asked for the update; the first install just takes control.
    if (event.isUpdate && updateAccepted) window.location.reload();
  });
  navigator.serviceWorker.addEventListener('controllerchange', () =>
    useServiceWorker.setState({ controlled: Boolean(navigator.serviceWorker.controller) }),
  );

  void wb
    .register()
    .catch((error: unknown) => console.warn('Service worker not registered', errorName(error)));

  // Phones keep a PWA open for days: look for a new version now and then, and on return.
  setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
}

function loadedScriptUrls(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${location.origin}/assets/`));
}

/** The person accepted "Neue Version verfügbar": activate the waiting version, then reload. */
export function acceptUpdate(): void {
  if (!workbox) return;
  updateAccepted = true;
  workbox.messageSkipWaiting();
}

export async function checkForUpdate(): Promise<void> {
  try {
    await workbox?.update();
  } catch {
    // Offline: the next check will try again.
  }
}

/** Resolves once a service worker controls the page (never in dev mode). */
export async function serviceWorkerReady(): Promise<ServiceWorkerRegistration | undefined> {
  if (!hasServiceWorker()) return undefined;
  return navigator.serviceWorker.ready;
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser to run a sync in the service worker when the device is online again, even if
 * the app is closed by then. Returns false where Background Sync is missing (Safari, Firefox):
 * the page's own triggers cover those.
 */
export async function requestBackgroundSync(): Promise<boolean> {
  const registration = workbox ? await activeRegistration() : undefined;
  const syncManager = (registration as { sync?: SyncManagerLike } | undefined)?.sync;
  if (!syncManager) return false;
  try {
    await syncManager.register(BACKGROUND_SYNC_TAG);
    return true;
  } catch {
    // Permission denied or the registration is being replaced: page triggers still run.
    return false;
  }
}

/** Asks for permission to show notifications; returns whether they may be shown. */
export async function requestNotificationPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

/**
 * Shows a notification through the service worker (the only way on Android). The title must not
 * contain personal data: lock screens show it to anyone. The tag replaces an earlier notification
 * with the same tag, so a reminder is shown once. Returns false when it could not be shown.
 */
export async function showLocalNotification(title: string, tag: string): Promise<boolean> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  const registration = await activeRegistration();
  if (!registration) return false;
  try {
    await registration.showNotification(title, {
      tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: document.documentElement.lang || 'de',
    });
    return true;
  } catch {
    return false;
  }
}

/** The build's version (the service worker's precache changes with every build). */
export function appVersion(): string {
  return import.meta.env.VITE_APP_VERSION ?? import.meta.env.MODE;
}

function hasServiceWorker(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

async function activeRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  if (!hasServiceWorker()) return undefined;
  return (await navigator.serviceWorker.getRegistration('/')) ?? undefined;
}

/// <reference lib="webworker" />
// The service worker only wires events: the precached app shell, the offline navigation fallback,
// Background Sync and update messages. /api is never cached: case data live only in IndexedDB.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BACKGROUND_SYNC_TAG } from '../local/sync/background-sync-tag';
import { runBackgroundSync } from './background-sync';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's webworker lib yet). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page path (/faelle/<id>, /termine, ...) opens the app shell offline; the router takes over.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api(\/|$)/] }),
);

// The first install takes control of the open page so it works offline at once. An update waits
// until the person accepts it (SKIP_WAITING from sw-bridge.ts); it is never forced.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag === BACKGROUND_SYNC_TAG) syncEvent.waitUntil(runBackgroundSync());
});

// A reminder tapped on the lock screen opens (or focuses) the app; the notification itself
// carries no personal data, so the app shows the details after unlocking.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[0];
      if (open) await open.focus();
      else await self.clients.openWindow('/');
    })(),
  );
});

/// <reference lib="webworker" />
// The service worker only wires events: the precached app shell, the offline navigation fallback,
// Background Sync and update messages. /api is never cached: case data live only in IndexedDB.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { BACKGROUND_SYNC_TAG } from '../local/sync/background-sync-tag';
import { runBackgroundSync } from './background-sync';

declare const self: ServiceWorkerGlobalScope & {
  /** Files left out of the precache, written in by the build (vite.config.ts LOADED_ON_DEMAND). */
  __FELDAKTE_ON_DEMAND: string[];
};

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

// The console, the English catalogue and the person texts in other languages are not precached
// (first install budget): each is kept the first time it is loaded, so it works offline after one
// use online. Only this build's files of that list are kept; an update drops the old ones.
const ON_DEMAND_CACHE = 'feldakte-on-demand';
const onDemandUrls = new Set(
  self.__FELDAKTE_ON_DEMAND.map((path) => new URL(path, self.location.origin).href),
);
const onDemand = new CacheFirst({ cacheName: ON_DEMAND_CACHE });
registerRoute(({ url }) => onDemandUrls.has(url.href), onDemand);

async function dropOldOnDemandFiles(): Promise<void> {
  const cache = await caches.open(ON_DEMAND_CACHE);
  for (const request of await cache.keys()) {
    if (!onDemandUrls.has(request.url)) await cache.delete(request);
  }
}

/** Files the page loaded before this worker controlled it (sw-bridge.ts sends their URLs). */
async function keepLoadedFiles(event: ExtendableMessageEvent, urls: unknown): Promise<void> {
  if (!Array.isArray(urls)) return;
  const wanted = urls.filter(
    (url): url is string => typeof url === 'string' && onDemandUrls.has(url),
  );
  await Promise.all(
    wanted.map((url) =>
      onDemand.handle({ event, request: new Request(url) }).catch(() => undefined),
    ),
  );
}

// The first install takes control of the open page so it works offline at once. An update waits
// until the person accepts it (SKIP_WAITING from sw-bridge.ts); it is never forced.
self.addEventListener('activate', (event) =>
  event.waitUntil(Promise.all([self.clients.claim(), dropOldOnDemandFiles()])),
);

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'KEEP_LOADED_FILES') {
    event.waitUntil(
      keepLoadedFiles(event, data.urls).then(() => event.ports[0]?.postMessage({ kept: true })),
    );
  }
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

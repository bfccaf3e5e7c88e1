/** Tag of the Background Sync registration: the page registers it (client/sw-bridge.ts), the
 * service worker listens for it (sw/sw.ts). */
export const BACKGROUND_SYNC_TAG = 'feldakte-sync';

// Two phones of one team, each signed in as its own THM, controlled by the service worker and
// synced once: the starting point of every two-device e2e test.
import type { Browser } from 'playwright-core';
import { startE2eServer, type E2eServer } from './e2e-server';
import {
  launchChromium,
  newDevice,
  signIn,
  waitForServiceWorker,
  waitForSynced,
  type Device,
} from './e2e-browser';

export interface TwoPhones {
  server: E2eServer;
  browser: Browser;
  phoneA: Device;
  phoneB: Device;
  close(): Promise<void>;
}

export async function startTwoPhones(): Promise<TwoPhones> {
  const server = await startE2eServer();
  const browser = await launchChromium();
  const phoneA = await newDevice(browser, server.url);
  const phoneB = await newDevice(browser, server.url);
  const [lena, omar] = server.accounts;
  await signIn(phoneA.page, lena!.email, server.password);
  await signIn(phoneB.page, omar!.email, server.password);
  for (const phone of [phoneA, phoneB]) {
    await waitForServiceWorker(phone.page);
    await waitForSynced(phone.page);
  }
  return {
    server,
    browser,
    phoneA,
    phoneB,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

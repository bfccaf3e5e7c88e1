// The real server for end-to-end tests: the built app (vite build, made once per run when dist/ is
// older than the sources: e2e-build.ts) served by buildApp over HTTP on a free port, with a fresh
// PGlite directory and known accounts. Every e2e file has its own (files run in parallel):
//
//   const server = await startE2eServer();            // team "Team E2E" with lena + omar
//   const { browser } = await launchChromium();        // see e2e-browser.ts
//   ...
//   await server.close();
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app';
import { diskFileStorage } from '../../src/server/files/file-storage';
import { openStoreFromEnv } from '../../src/server/store/open-store';
import type { Store } from '../../src/server/store/store';
import { createTeam, createUser } from '../../src/server/auth/accounts';
import type { Role } from '../../src/shared/domain/account';
import { distDir, ensureBuilt } from './e2e-build';

export { ensureBuilt };

export const E2E_PASSWORD = 'e2e-geheim-passwort';
export const E2E_TEAM = 'Team E2E';

export interface E2eAccount {
  email: string;
  name: string;
  team: string;
  /** thm unless named (the console e2e test signs in a coordinator). */
  role?: Role;
}

export const defaultAccounts: readonly E2eAccount[] = [
  { email: 'lena@e2e.feldakte', name: 'Lena Berger', team: E2E_TEAM },
  { email: 'omar@e2e.feldakte', name: 'Omar Said', team: E2E_TEAM },
  { email: 'jana@anderes-team.feldakte', name: 'Jana Roth', team: 'Anderes Team' },
];

export interface E2eServer {
  url: string;
  accounts: readonly E2eAccount[];
  password: string;
  dataDir: string;
  /** The server's store, for admin commands during a test (device revoke). */
  store: Store;
  close(): Promise<void>;
}

export async function startE2eServer(
  options: { accounts?: readonly E2eAccount[] } = {},
): Promise<E2eServer> {
  ensureBuilt();
  const accounts = options.accounts ?? defaultAccounts;
  const dataDir = mkdtempSync(join(tmpdir(), 'feldakte-e2e-'));
  const store = await openStoreFromEnv({ DATA_DIR: dataDir });
  for (const team of new Set(accounts.map((account) => account.team)))
    await createTeam(store, team);
  for (const account of accounts) {
    await createUser(store, {
      teamName: account.team,
      email: account.email,
      name: account.name,
      role: account.role ?? 'thm',
      password: E2E_PASSWORD,
    });
  }
  const files = await diskFileStorage(join(dataDir, 'files'));
  const app = await buildApp({ store, staticDir: distDir, files });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    password: E2E_PASSWORD,
    dataDir,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

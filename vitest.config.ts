import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Test files are named by what they need: test/client/** runs in happy-dom, test/e2e/** drives the
// built app in real Chromium (one file at a time), everything else runs in plain Node.
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/{house,shared,local,server,sync}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/setup-indexeddb.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['test/client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/support/setup-indexeddb.ts', 'test/support/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: Boolean(process.env.E2E_PAR),
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
// Shown on the "Mehr" page; the build time tells two builds of one version apart.
const appVersion = `${version} (${new Date().toISOString().slice(0, 16).replace('T', ' ')})`;

// The service worker is ours (injectManifest): vite-plugin-pwa only injects the precache list.
// registerType 'prompt' + injectRegister false: src/client/sw-bridge.ts registers it and asks the
// user before an update, so a half-written note is never lost to a forced reload.
export default defineConfig({
  plugins: [
    preact(),
    // zustand's React binding needs only three hooks: resolve its 'react' to a preact/hooks shim
    // instead of preact/compat (about 3.4 KB gzipped less on the first screen).
    {
      name: 'zustand-react-shim',
      enforce: 'pre',
      resolveId: (id: string, importer?: string) =>
        (id === 'react' || id === 'preact/compat') && importer?.includes('/zustand/')
          ? new URL('./src/client/react-for-zustand.ts', import.meta.url).pathname
          : null,
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        id: '/',
        name: 'Feldakte – Teilhabemanagement',
        short_name: 'Feldakte',
        description: 'Fallakten für das Teilhabemanagement, auch ohne Netz.',
        lang: 'de',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4f91',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // A classic worker script: every browser that has service workers can run it.
        rollupFormat: 'iife',
      },
      devOptions: { enabled: false },
    }),
  ],
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion),
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});

import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
    precompress(),
  ],
  resolve: {
    // Dexie's package entry wraps its ES5 UMD build (dist/dexie.js); its ES2018 module build is
    // smaller and tree-shakes. One alias, so app and service worker still share one Dexie.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion),
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2022',
    // A lazy screen's CSS still loads with it; its JS dependencies are no longer listed for
    // preloading in every import() (hashed names in each route table cost the first screen over
    // 1 KB gz). They load from the service worker's cache, where a waterfall costs next to nothing.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_filename, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
    sourcemap: true,
  },
});

/**
 * Writes `x.br` (brotli 11) and `x.gz` (gzip 9) beside every text file of the build, the service
 * worker included, so the server sends them as they are (@fastify/static `preCompressed`) instead
 * of compressing on every request. Runs after vite-plugin-pwa has written sw.js (closeBundle,
 * order post); the precache list only names the originals. A variant that would not be smaller is
 * not written.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
  let outDir = 'dist';
  return {
    name: 'feldakte-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const files = (dir: string): string[] =>
          readdirSync(dir).flatMap((name) => {
            const path = join(dir, name);
            return statSync(path).isDirectory() ? files(path) : [path];
          });
        for (const path of files(outDir).filter((file) => TEXT.test(file))) {
          const source = readFileSync(path);
          const br = brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          });
          const gz = gzipSync(source, { level: 9 });
          if (br.length < source.length) writeFileSync(`${path}.br`, br);
          if (gz.length < source.length) writeFileSync(`${path}.gz`, gz);
        }
      },
    },
  };
}

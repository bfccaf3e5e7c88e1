import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { injectManifest } from 'workbox-build';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  chunkFileName,
  chunkGroups,
  filesLoadedOnDemand,
  keysBeforeTheirCatalogue,
} from './build/chunking.ts';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
// Shown on the "Mehr" page; the build time tells two builds of one version apart.
const appVersion = `${version} (${new Date().toISOString().slice(0, 16).replace('T', ' ')})`;

// The service worker (src/sw/sw.ts) is a second entry of the app's own build, an ES module: it
// imports the same chunks as the app (Dexie, the sync engine, the rules) instead of bundling its
// own copies, which halves the first install. workbox-build then injects the precache list.
// src/client/sw-bridge.ts registers it (type module) and asks the user before an update, so a
// half-written note is never lost to a forced reload. The web app manifest is public/.
export default defineConfig({
  plugins: [preact(), precacheManifest(), precompress()],
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
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./src/sw/sw.ts', import.meta.url)),
      },
      output: {
        // sw.js at the root: its scope is the whole app; every other entry is hashed.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: chunkFileName,
        codeSplitting: { groups: chunkGroups() },
      },
    },
    // A lazy screen's CSS still loads with it; its JS dependencies are no longer listed for
    // preloading in every import() (hashed names in each route table cost the first screen over
    // 1 KB gz). They load from the service worker's cache, where a waterfall costs next to nothing.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_filename, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
    // No source maps in production: they would hand out the whole source (issue 9, item 10).
    sourcemap: false,
  },
});

/**
 * Puts the precache list into sw.js (its `self.__WB_MANIFEST`): every file the app shell needs
 * offline (filesLoadedOnDemand() names the ones left to the runtime cache), with a revision for
 * the files whose name carries no hash. Runs after the bundle is written and before precompress().
 */
function precacheManifest(): Plugin {
  let outDir = 'dist';
  let onDemand: string[] = [];
  // closeBundle runs after a failed build too; then there is no sw.js, and its error would hide
  // the build's.
  let generated = false;
  return {
    name: 'feldakte-precache-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      // The page must never import the worker's entry (it would run the worker's code in the page).
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.imports.includes('sw.js')) {
          this.error(`${file.fileName} imports sw.js: see build/chunking.ts`);
        }
      }
      // A key of a catalogue the first screen does not carry would show as the key itself.
      const keys = keysBeforeTheirCatalogue(bundle);
      if (keys.length > 0) {
        this.error(
          `Code that runs before messages-behind-lock.ts names ${keys.join(', ')}: see src/shared/i18n/messages.ts`,
        );
      }
      onDemand = filesLoadedOnDemand(bundle);
      generated = true;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!generated) return;
        const sw = join(outDir, 'sw.js');
        const { count, size, warnings } = await injectManifest({
          swSrc: sw,
          swDest: sw,
          globDirectory: outDir,
          // Of the icons only the one notifications show offline; the others are fetched once by
          // the browser when the app is installed (first-install budget).
          globPatterns: ['**/*.{js,css,html,svg,webmanifest}', 'icons/icon-192.png'],
          globIgnores: ['sw.js', ...onDemand],
          // Hashed file names are their own revision.
          dontCacheBustURLsMatching: /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z]+$/,
        });
        for (const warning of warnings) this.warn(warning);
        // The files left out, so the worker keeps each one the first time it is loaded.
        const code = readFileSync(sw, 'utf8');
        const placeholder = 'self.__FELDAKTE_ON_DEMAND';
        if (!code.includes(placeholder)) this.error(`sw.js does not read ${placeholder}`);
        writeFileSync(sw, code.replace(placeholder, JSON.stringify(onDemand.map((f) => `/${f}`))));
        this.info?.(
          `precache: ${count} files, ${(size / 1024).toFixed(1)} KiB; ${onDemand.length} loaded on demand`,
        );
      },
    },
  };
}

/**
 * Writes `x.br` (brotli 11) and `x.gz` (gzip 9) beside every text file of the build, the service
 * worker included, so the server sends them as they are (@fastify/static `preCompressed`) instead
 * of compressing on every request. Runs after precacheManifest() has written sw.js (closeBundle,
 * order post, listed after it); the precache list only names the originals. A variant that would not be smaller is
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

import { defineConfig, type Plugin, type Rolldown } from 'vite';
import preact from '@preact/preset-vite';
import { injectManifest } from 'workbox-build';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
      preserveEntrySignatures: false,
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./src/sw/sw.ts', import.meta.url)),
      },
      output: {
        // sw.js at the root: its scope is the whole app; every other entry is hashed.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            { name: featureScreens, priority: 2, includeDependenciesRecursively: false },
            { name: sharedByScreens, priority: 1, includeDependenciesRecursively: false },
          ],
        },
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
 * One chunk per feature for its lazy screens (src/client/features/<feature>/), instead of one per
 * screen: gzip compresses a feature's screens together far better than apart (they share names,
 * imports and markup), and the first install carries every screen anyway. What the first screen
 * imports statically stays where it is.
 */
function featureScreens(
  id: string,
  context: { getModuleInfo(id: string): Rolldown.ModuleInfo | null },
): string | null {
  const feature = /\/src\/client\/features\/([a-z-]+)\//.exec(id)?.[1];
  if (!feature || loadedAtStart(id, context)) return null;
  return `screens-${feature}`;
}

/** What several lazy screens share (write path, rules, form helper): one chunk, not twenty. */
function sharedByScreens(
  id: string,
  context: { getModuleInfo(id: string): Rolldown.ModuleInfo | null },
): string | null {
  if (!id.includes('/src/') || loadedAtStart(id, context) || !neededOffline(id, context)) {
    return null;
  }
  return 'screens-shared';
}

const offlineModules = new Map<string, boolean>();
/** Reachable from an entry without passing through a module LOADED_ON_DEMAND. */
function neededOffline(
  id: string,
  context: { getModuleInfo(id: string): Rolldown.ModuleInfo | null },
): boolean {
  const known = offlineModules.get(id);
  if (known !== undefined) return known;
  offlineModules.set(id, false);
  const info = context.getModuleInfo(id);
  const needed = Boolean(
    info &&
    !LOADED_ON_DEMAND.some((pattern) => pattern.test(id)) &&
    (info.isEntry ||
      [...info.importers, ...info.dynamicImporters].some((from) => neededOffline(from, context))),
  );
  offlineModules.set(id, needed);
  return needed;
}

const startModules = new Map<string, boolean>();
function loadedAtStart(
  id: string,
  context: { getModuleInfo(id: string): Rolldown.ModuleInfo | null },
): boolean {
  const known = startModules.get(id);
  if (known !== undefined) return known;
  startModules.set(id, false); // an import cycle does not make a module load at start
  const info = context.getModuleInfo(id);
  const atStart = Boolean(
    info && (info.isEntry || info.importers.some((importer) => loadedAtStart(importer, context))),
  );
  startModules.set(id, atStart);
  return atStart;
}

/**
 * Modules whose chunks are not precached (first install budget): what only the online console
 * uses, the English catalogue (loaded only when English is chosen) and the person texts in the
 * languages other than German (loaded when the screen asks for one). The service worker caches
 * each of them the first time it is loaded (src/sw/sw.ts, `lazyAssets`), so after one use online
 * they work offline too. Everything a THM can reach without passing through one of these is
 * precached, whatever it is called.
 */
const LOADED_ON_DEMAND = [
  /\/src\/client\/console\/console-app\.tsx$/,
  /\/src\/shared\/i18n\/messages-en\.ts$/,
  /\/src\/shared\/texts\/(?!de\.ts$|person-texts\.ts$)[a-z]+\.ts$/,
];

/**
 * The output files a THM needs offline: every chunk reachable from the entries (the app and the
 * service worker) through static and dynamic imports without entering a chunk that one of
 * LOADED_ON_DEMAND starts, and the CSS of those chunks. Returns the chunks and CSS left out.
 */
function filesLoadedOnDemand(bundle: Rolldown.OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const onDemand = (chunk: Rolldown.OutputChunk) =>
    chunk.facadeModuleId !== null &&
    LOADED_ON_DEMAND.some((pattern) => pattern.test(chunk.facadeModuleId!));
  const needed = new Set<string>();
  const queue = chunks.filter((chunk) => chunk.isEntry);
  while (queue.length) {
    const chunk = queue.pop()!;
    if (needed.has(chunk.fileName)) continue;
    needed.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) needed.add(css);
    for (const name of chunk.imports) queue.push(byName.get(name)!);
    for (const name of chunk.dynamicImports) {
      const next = byName.get(name);
      if (next && !onDemand(next)) queue.push(next);
    }
  }
  const css = Object.values(bundle)
    .filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
    .map((file) => file.fileName);
  return [...chunks.map((chunk) => chunk.fileName), ...css].filter((name) => !needed.has(name));
}

/**
 * Puts the precache list into sw.js (its `self.__WB_MANIFEST`): every file the app shell needs
 * offline (filesLoadedOnDemand() names the ones left to the runtime cache), with a revision for
 * the files whose name carries no hash. Runs after the bundle is written and before precompress().
 */
function precacheManifest(): Plugin {
  let outDir = 'dist';
  let onDemand: string[] = [];
  return {
    name: 'feldakte-precache-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      onDemand = filesLoadedOnDemand(bundle);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
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

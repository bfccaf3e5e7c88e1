// How the build splits the app into chunks, and which of them the first install carries (issue 15:
// first screen <= 70 KB gz, first install <= 160 KB gz). Used by vite.config.ts.
//
// - The first screen (lock screen or sign-in, [K2]) loads only what the page entry imports
//   statically; the shell and every screen behind the lock are lazy.
// - The shell (src/client/shell.tsx) is one chunk with everything it imports statically that the
//   first screen does not: "Heute", the header, the bottom navigation and the small UI parts the
//   lazy screens share with it.
// - The lazy screens of every feature (src/client/features/<feature>/) are one chunk, and what
//   the screens, the unlock step and the console share is one more: gzip packs the screens together
//   far better than apart (they share names, imports and markup), the first install carries every
//   screen anyway, and the features import each other (a case's page shows its appointments,
//   referrals, conflicts and privacy links), so a chunk per feature loaded most of them at once.
// - What the service worker loads at its start and the page only later is shared by both instead
//   of being built twice, in two chunks: what the shell also starts with (rules, schemas, the
//   German catalogues behind the lock) is `sync-rules`; what the page loads only lazily, after
//   Heute (the sync engine, the documents' tus uploads), is `sync-engine`, so it does not count
//   against the JS to reach Heute (issue 28). What only the worker loads (workbox) stays in sw.js.
// - Chunks are named after what they hold (chunkFileName): rolldown names an ungrouped chunk after
//   one of its modules, so the first screen's Dexie, encryption middleware and database layer came
//   out as `wipe-database-*.js` or `write-failure-*.js`; that chunk is `store`.
// - Only what a THM can reach without passing through LOADED_ON_DEMAND is precached.
// - Code that can run before the German catalogues behind the lock join must not name their keys
//   (keysBeforeTheirCatalogue; vite.config.ts refuses the build).
import type { Rolldown } from 'vite';

/**
 * Modules whose chunks are not precached: what only the online console uses, the English
 * catalogue (loaded only when English is chosen) and the person texts in the languages other than
 * German (loaded when their screen asks for one). The service worker keeps each the first time it
 * is loaded (src/sw/sw.ts, `onDemand`), so after one use online they work offline too.
 */
export const LOADED_ON_DEMAND = [
  /\/src\/client\/console\/console-app\.tsx$/,
  // Replacing a one-time password needs the server anyway.
  /\/src\/client\/features\/session\/new-password-step\.tsx$/,
  /\/src\/shared\/i18n\/messages-en\.ts$/,
  /\/src\/shared\/texts\/(?!de\.ts$|person-texts\.ts$)[a-z]+\.ts$/,
];

const WORKER_ENTRY = /\/src\/sw\/sw\.ts$/;
/** The app behind the lock: its chunk is named `shell`, so the bundle-size bench can find it. */
const SHELL = /\/src\/client\/shell\.tsx$/;
/** Adds the German catalogues the first screen does not carry (keysBeforeTheirCatalogue). */
const BEHIND_LOCK = /\/src\/shared\/i18n\/messages-behind-lock\.ts$/;

interface ChunkingContext {
  getModuleInfo(id: string): Rolldown.ModuleInfo | null;
}

/** Rolldown's `output.codeSplitting.groups`; the higher priority takes a module first. */
export function chunkGroups(): Rolldown.CodeSplittingGroup[] {
  const graph = new ModuleGraph();
  // An entry module (sw.ts!) in a group would make that group's chunk the entry: the page would
  // import the service worker's code. Each module LOADED_ON_DEMAND stays a chunk of its own (a
  // group would take it into the install). The shell (a dynamic import) may head its group.
  const group = (
    name: (id: string, context: ChunkingContext) => string | null,
    priority: number,
  ): Rolldown.CodeSplittingGroup => ({
    debugName: `feldakte-${priority}`,
    name: (id, context) =>
      context.getModuleInfo(id)?.isEntry || LOADED_ON_DEMAND.some((pattern) => pattern.test(id))
        ? null
        : name(id, context),
    priority,
    includeDependenciesRecursively: false,
  });
  return [
    group((id, context) => {
      const feature = /\/src\/client\/features\/[a-z-]+\//.test(id);
      const start = graph.startsWith(id, context);
      return feature && !start.page && !start.shell ? 'screens' : null;
    }, 4),
    group((id, context) => {
      const start = graph.startsWith(id, context);
      // What only the worker ever loads (workbox) stays in sw.js: the page would load it with
      // the sync engine for nothing. What the shell does not start with (the sync engine, the
      // documents' tus uploads) is a chunk of its own, so it is not part of the JS to reach Heute.
      if (!start.worker || start.page || !graph.pageLoads(id, context)) return null;
      return start.shell ? 'sync-rules' : 'sync-engine';
    }, 3),
    group((id, context) => {
      const start = graph.startsWith(id, context);
      return start.shell && !start.page ? 'shell' : null;
    }, 2),
    group((id, context) => {
      const start = graph.startsWith(id, context);
      const lazy = !start.page && !start.worker && !start.shell;
      return lazy && graph.neededOffline(id, context) ? 'screens-shared' : null;
    }, 1),
  ];
}

/**
 * Rolldown's `output.chunkFileNames`: a chunk's file says what it holds. The chunk that carries the
 * device database (Dexie, src/local/db.ts and the encryption middleware) is `store`; a person text
 * in one language is `texts-<language>`; every other chunk keeps its group's or module's name.
 */
export function chunkFileName(chunk: { name: string; moduleIds: readonly string[] }): string {
  const holds = (pattern: RegExp) => chunk.moduleIds.some((id) => pattern.test(id));
  let name = chunk.name;
  if (holds(/\/node_modules\/dexie\//) && holds(/\/src\/local\/db\.ts$/)) name = 'store';
  else {
    const text =
      chunk.moduleIds.length === 1 &&
      /\/src\/shared\/texts\/([a-z]+)\.ts$/.exec(chunk.moduleIds[0]!);
    if (text) name = `texts-${text[1]}`;
  }
  return `assets/${name}-[hash].js`;
}

interface Starts {
  page: boolean;
  worker: boolean;
  shell: boolean;
}

/**
 * Answers about the module graph, remembered per module (the graph does not change in a build).
 * Each answer walks the module's importers upwards with a set of the modules seen, so an import
 * cycle neither loops nor leaves a half-made answer behind for a module on the cycle.
 */
class ModuleGraph {
  private readonly starts = new Map<string, Starts>();
  private readonly offline = new Map<string, boolean>();
  private readonly fromPage = new Map<string, boolean>();

  /** Which of page, worker and shell load the module at their start (static imports only). */
  startsWith(id: string, context: ChunkingContext): Starts {
    let known = this.starts.get(id);
    if (!known) {
      const found = this.above(id, context, { dynamic: false });
      known = {
        page: found.some((from) => this.isPageEntry(from, context)),
        worker: found.some((from) => WORKER_ENTRY.test(from)),
        shell: found.some((from) => SHELL.test(from)),
      };
      this.starts.set(id, known);
    }
    return known;
  }

  /** Reachable from the page's entry through static and dynamic imports. */
  pageLoads(id: string, context: ChunkingContext): boolean {
    let known = this.fromPage.get(id);
    if (known === undefined) {
      known = this.above(id, context, { dynamic: true }).some((from) =>
        this.isPageEntry(from, context),
      );
      this.fromPage.set(id, known);
    }
    return known;
  }

  /** Reachable from an entry without passing through a module LOADED_ON_DEMAND. */
  neededOffline(id: string, context: ChunkingContext): boolean {
    let known = this.offline.get(id);
    if (known === undefined) {
      known = this.above(id, context, { dynamic: true, onDemand: false }).some(
        (from) => context.getModuleInfo(from)?.isEntry,
      );
      this.offline.set(id, known);
    }
    return known;
  }

  private isPageEntry(id: string, context: ChunkingContext): boolean {
    return Boolean(context.getModuleInfo(id)?.isEntry) && !WORKER_ENTRY.test(id);
  }

  /**
   * The module and every module that imports it, directly or not: through static imports only,
   * or dynamic ones too; `onDemand: false` neither starts at nor passes a module LOADED_ON_DEMAND.
   */
  private above(
    id: string,
    context: ChunkingContext,
    { dynamic, onDemand = true }: { dynamic: boolean; onDemand?: boolean },
  ): string[] {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length) {
      const next = queue.pop()!;
      if (seen.has(next)) continue;
      if (!onDemand && LOADED_ON_DEMAND.some((pattern) => pattern.test(next))) continue;
      seen.add(next);
      const info = context.getModuleInfo(next);
      queue.push(...(info?.importers ?? []), ...(dynamic ? (info?.dynamicImporters ?? []) : []));
    }
    return [...seen];
  }
}

/**
 * The output files a THM needs offline: every chunk reachable from the entries (the app and the
 * service worker) through static and dynamic imports without entering a chunk that one of
 * LOADED_ON_DEMAND starts, and the CSS of those chunks. Returns the chunks and CSS left out.
 */
export function filesLoadedOnDemand(bundle: Rolldown.OutputBundle): string[] {
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
 * The first screen carries only some of the German catalogues (src/shared/i18n/messages.ts); the
 * others join when messages-behind-lock.ts runs, so one of their keys would show as the key itself
 * in code that can run before. Returns the keys of those catalogues named by a chunk the page can
 * load without (static imports) loading messages-behind-lock.ts: the first screen and what it
 * loads lazily before the shell. Template literals (`cases.status.${s}`) count too.
 */
export function keysBeforeTheirCatalogue(bundle: Rolldown.OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const staticClosure = (start: Rolldown.OutputChunk) => {
    const seen = new Set<Rolldown.OutputChunk>();
    const queue = [start];
    while (queue.length) {
      const chunk = queue.pop()!;
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      for (const name of chunk.imports) queue.push(byName.get(name)!);
    }
    return [...seen];
  };
  const holds = (chunk: Rolldown.OutputChunk, pattern: RegExp) =>
    Object.keys(chunk.modules).some((id) => pattern.test(id));
  const attaches = (chunk: Rolldown.OutputChunk) =>
    staticClosure(chunk).some((each) => holds(each, BEHIND_LOCK));
  const page = chunks.find(
    (chunk) => chunk.isEntry && !WORKER_ENTRY.test(chunk.facadeModuleId ?? ''),
  );
  if (!page) return [];
  const first = staticClosure(page);
  const GERMAN = /\/src\/shared\/i18n\/catalogues\/([a-z]+)\.ts$/;
  const cataloguesIn = (list: Rolldown.OutputChunk[]) =>
    new Set(
      list.flatMap((chunk) =>
        Object.keys(chunk.modules).flatMap((id) => GERMAN.exec(id)?.[1] ?? []),
      ),
    );
  const carried = cataloguesIn(first);
  const later = [...cataloguesIn(chunks)].filter((name) => !carried.has(name));
  if (later.length === 0) return [];
  // Every chunk the page reaches (static and dynamic imports) before one that attaches.
  const before = new Set<Rolldown.OutputChunk>();
  const queue = [page];
  while (queue.length) {
    const chunk = queue.pop()!;
    if (before.has(chunk) || attaches(chunk)) continue;
    before.add(chunk);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = byName.get(name);
      if (next) queue.push(next);
    }
  }
  const key = new RegExp(`["'\`]((?:${later.join('|')})\\.[A-Za-z$][\\w.\${}]*)`, 'g');
  return [...before].flatMap((chunk) =>
    [...chunk.code.matchAll(key)].map((match) => `${match[1]!} (${chunk.fileName})`),
  );
}

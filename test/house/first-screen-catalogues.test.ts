// The build refuses code that can run before messages-behind-lock.ts and names a key of a German
// catalogue that joins only then (build/chunking.ts keysBeforeTheirCatalogue, called by
// vite.config.ts): such a key would show as itself on the lock screen. A made-up bundle of the
// shapes rolldown hands to generateBundle.
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { keysBeforeTheirCatalogue } from '../../build/chunking';

const src = '/app/src';

function chunk(
  fileName: string,
  code: string,
  options: {
    entry?: string;
    imports?: string[];
    dynamicImports?: string[];
    modules?: string[];
  } = {},
) {
  return {
    type: 'chunk',
    fileName,
    code,
    isEntry: Boolean(options.entry),
    facadeModuleId: options.entry ?? null,
    imports: options.imports ?? [],
    dynamicImports: options.dynamicImports ?? [],
    modules: Object.fromEntries((options.modules ?? []).map((id) => [id, {}])),
  };
}

function bundle(...chunks: ReturnType<typeof chunk>[]): Rolldown.OutputBundle {
  return Object.fromEntries(
    chunks.map((each) => [each.fileName, each]),
  ) as unknown as Rolldown.OutputBundle;
}

const catalogue = (name: string) => `${src}/shared/i18n/catalogues/${name}.ts`;
const behindLock = `${src}/shared/i18n/messages-behind-lock.ts`;

/** The page, its first-screen chunk with `lock`, and the chunk that attaches `cases`. */
function app(firstScreenCode: string, ...more: ReturnType<typeof chunk>[]) {
  return bundle(
    chunk('index.js', firstScreenCode, {
      entry: `${src}/client/main.tsx`,
      imports: ['core.js'],
      dynamicImports: ['shell.js', ...more.map((each) => each.fileName)],
    }),
    chunk('core.js', 't("lock.title")', { modules: [catalogue('lock')] }),
    chunk('later.js', 'const c={title:"Fälle"}', { modules: [behindLock, catalogue('cases')] }),
    chunk('shell.js', 't(`cases.status.${s}`);t("cases.title")', { imports: ['later.js'] }),
    chunk('sw.js', 't("cases.title")', { entry: `${src}/sw/sw.ts`, imports: ['later.js'] }),
    ...more,
  );
}

describe('keys of catalogues that join behind the lock', () => {
  it('may be named by whatever loads messages-behind-lock.ts first (shell, worker)', () => {
    expect(keysBeforeTheirCatalogue(app('t("lock.screen")'))).toEqual([]);
  });

  it('are refused on the first screen, as strings and as template literals', () => {
    expect(keysBeforeTheirCatalogue(app('t("cases.title");t(`cases.status.${s}`)'))).toEqual([
      'cases.title (index.js)',
      'cases.status.${s} (index.js)',
    ]);
  });

  it('are refused in a chunk the page loads lazily without the catalogues', () => {
    const step = chunk('step.js', "t('cases.title')", { imports: ['core.js'] });
    expect(keysBeforeTheirCatalogue(app('', step))).toEqual(['cases.title (step.js)']);
  });

  it('are allowed in a lazy chunk that imports the catalogues itself', () => {
    const step = chunk('step.js', "t('cases.title')", { imports: ['later.js'] });
    expect(keysBeforeTheirCatalogue(app('', step))).toEqual([]);
  });
});

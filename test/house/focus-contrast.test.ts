// WCAG 2.1 1.4.11 for the focus indicator: read from the stylesheets themselves, in light and dark
// mode, against every opaque background any client stylesheet paints (pages, cards, banners,
// the blue headers, primary and danger buttons, the toast). The indicator is two colours (WCAG
// technique C40): at least 9:1 between them, and on every background one of them has 3:1.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const clientDir = join(import.meta.dirname, '../../src/client');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cssFiles(join(dir, entry.name))
      : entry.name.endsWith('.css')
        ? [join(dir, entry.name)]
        : [],
  );
}

const css = (path: string) => readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const styles = css(join(clientDir, 'styles.css'));
const sheets = cssFiles(clientDir).map((path) => ({ path, text: css(path) }));

/** `selector { declarations }` rules, innermost blocks only (media queries are looked through). */
function rules(text: string): { selector: string; body: string }[] {
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1]!.trim(),
    body: m[2]!,
  }));
}

function customProperties(body: string): Record<string, string> {
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

const rootRules = rules(styles).filter((rule) => rule.selector.endsWith(':root'));
const lightVars = customProperties(rootRules[0]!.body);
const darkMedia = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(styles);
const schemes = {
  light: lightVars,
  dark: { ...lightVars, ...customProperties(darkMedia![1]!) },
};

/** A hex colour, or a var() that resolves to one (its fallback ignored); null for anything else. */
function resolve(value: string, vars: Record<string, string>): string | null {
  const v = value.trim();
  const variable = /^var\((--[\w-]+)/.exec(v);
  if (variable) return vars[variable[1]!] ? resolve(vars[variable[1]!]!, vars) : null;
  return /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(v) ? v.toLowerCase() : null;
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const focusRules = sheets.flatMap(({ path, text }) =>
  rules(text)
    .filter((rule) => /focus/.test(rule.selector) && /outline/.test(rule.body))
    .map((rule) => ({ ...rule, path })),
);
const globalFocus = rules(styles).find((rule) => rule.selector === ':focus-visible')!;
const declared = (body: string, property: string) =>
  new RegExp(`(?:^|[;\\s])${property}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();

describe('the focus indicator', () => {
  it('is one style everywhere: every focus rule uses the same ring and its dark frame', () => {
    expect(focusRules.length).toBeGreaterThan(0);
    for (const rule of focusRules) {
      expect(declared(rule.body, 'outline'), `${rule.selector} in ${rule.path}`).toBe(
        declared(globalFocus.body, 'outline'),
      );
      const where = `${rule.selector} in ${rule.path}`;
      const shadow = declared(rule.body, 'box-shadow') ?? '';
      if (shadow.startsWith('inset')) {
        // The inset variant (tabs at the screen's edge): the same frame mirrored into the element,
        // 2 px of ink outside the ring (offset -5px, 3px wide) and 2 px inside it.
        expect(shadow, where).toBe('inset 0 0 0 7px var(--focus-halo)');
        expect(declared(rule.body, 'outline-offset'), where).toBe('-5px');
      } else {
        expect(shadow, where).toMatch(/^0 0 0 7px var\(--focus-halo\)/);
        expect(declared(rule.body, 'outline-offset') ?? '2px', where).toBe('2px');
      }
    }
  });

  it('has an inset variant only where the ring would be cut off by the screen edge', () => {
    const inset = focusRules.filter((rule) =>
      /inset/.test(declared(rule.body, 'box-shadow') ?? ''),
    );
    expect(inset.map((rule) => rule.selector)).toEqual(['.bottom-nav__item:focus-visible']);
  });

  it.each(Object.entries(schemes))('has 3:1 against every background (%s mode)', (_, vars) => {
    const ring = resolve(
      /(var\([^)]+\)|#\w+)\s*$/.exec(declared(globalFocus.body, 'outline')!)![1]!,
      vars,
    );
    const frame = /(var\([^)]+\)|#\w+)\s*$/.exec(declared(globalFocus.body, 'box-shadow') ?? '');
    const colours = [ring!, ...(frame ? [resolve(frame[1]!, vars)!] : [])];
    if (colours.length === 2) expect(contrast(colours[0]!, colours[1]!)).toBeGreaterThanOrEqual(9);

    const backgrounds = new Set(
      sheets.flatMap(({ text }) =>
        [...text.matchAll(/background(?:-color)?\s*:\s*([^;]+);/g)]
          .map((m) => resolve(m[1]!, vars))
          .filter((colour): colour is string => colour !== null),
      ),
    );
    expect(backgrounds.size).toBeGreaterThan(8);
    const weak = [...backgrounds]
      .map((bg) => ({ bg, best: Math.max(...colours.map((c) => contrast(c, bg))) }))
      .filter(({ best }) => best < 3)
      .map(({ bg, best }) => `${colours.join('+')} on ${bg}: ${best.toFixed(2)}:1`);
    expect(weak).toEqual([]);
  });
});

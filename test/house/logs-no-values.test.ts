// "Never log a key, a PIN or a decrypted value" (brief): on the phone (src/client, src/local,
// src/sw, src/shared) a console call may log fixed text and errorName(...) only, never an error
// object or any other value (an error's message and fields may carry record values, a name, a
// note). This reads every module with the TypeScript parser and fails on any other argument.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const PHONE_DIRS = ['src/client', 'src/local', 'src/sw', 'src/shared'];
const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Fixed text, or errorName(...) of something. */
function harmless(arg: ts.Expression): boolean {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return true;
  return (
    ts.isCallExpression(arg) &&
    ts.isIdentifier(arg.expression) &&
    arg.expression.text === 'errorName'
  );
}

export function consoleOffences(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'console' &&
      CONSOLE_METHODS.has(node.expression.name.text)
    ) {
      for (const arg of node.arguments) {
        if (!harmless(arg)) {
          const { line } = file.getLineAndCharacterOfPosition(arg.getStart());
          found.push(`${relative(root, path)}:${line + 1}: ${arg.getText()}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('logs on the phone carry no values', () => {
  it('finds an error object handed to console (the check can fail)', () => {
    const source = `try { x(); } catch (error) { console.warn('Failed', error); console.warn('ok', errorName(error)); }`;
    expect(consoleOffences(join(root, 'src/client/x.ts'), source)).toEqual([
      'src/client/x.ts:1: error',
    ]);
  });

  it('every console call in src/client, src/local, src/sw and src/shared logs text and errorName() only', () => {
    const offences = PHONE_DIRS.flatMap((dir) => files(join(root, dir))).flatMap((path) =>
      consoleOffences(path, readFileSync(path, 'utf8')),
    );
    expect(offences).toEqual([]);
  });
});

// Issue 13 item 6: every write of the device's write path (src/local) that a screen starts shows
// its failure where the THM acted. This walks every module of src/client and fails on a reference
// to a write function that is not handled in one of the house's ways:
//   - inside `save` of a useDraftForm form (the form shows refusals and storage errors),
//   - inside the callback of `run`/`attemptWrite`/`offerUndo` (src/client/ui/write-action.ts),
//   - inside a `try` whose `catch` turns the error into a German message (writeFailureMessage,
//     actionFailureMessage) or into a screen's own error state (`setError`/`setMessage`/`refuse`),
//   - with `.catch(...)` chained on it (a best-effort write that says why in a comment),
//   - handed to a component prop that catches for it (HANDLED_PROPS),
//   - inside a function of a .ts module, which then counts as a write function itself.
// Only names the module imports (or declares as such a helper) count, so a local `setPin` state
// setter is not taken for the vault's `setPin`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const clientDir = join(root, 'src/client');

/** The write functions of src/local a screen may call. */
const LOCAL_WRITES = [
  'putRecord',
  'createRecord',
  'writeRecords',
  'saveCase',
  'saveNeed',
  'saveResidenceStatus',
  'saveConferenceOutcome',
  'changeReferralStatus',
  'takeInboundReferral',
  'withdrawConsent',
  'undoConsentWithdrawal',
  'withdrawReferral',
  'undoReferralWithdrawal',
  'dismissRejection',
  'reapplyConflict',
  'dismissConflict',
  'eraseCaseLocally',
  'wipeDatabase',
  'setMeta',
  'setPin',
  'enrollHardware',
  'createDataKey',
  'restoreLegacyWork',
  'setActiveUserId',
];

const GUARDS = new Set(['run', 'attemptWrite', 'offerUndo']);
/** Props whose component awaits the function in a try/catch and shows the failure. */
const HANDLED_PROPS = new Set([
  'onSignedIn', // sign-in-form.tsx
]);
const CATCH_HANDLERS = /\b(writeFailureMessage|actionFailureMessage|setError|setMessage|refuse)\(/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Where a reference is used as a value (not an import, a type or a declaration of its own). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isBindingElement(parent)) return false;
  if (
    (ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isJsxAttribute(parent)) return false;
  if (ts.isParameter(parent)) return false;
  return true;
}

/** How the reference is handled, or null when its failure would go unseen. */
function handledBy(node: ts.Node, file: ts.SourceFile, helperModule: boolean): string | null {
  // `.catch(...)` chained right on the write's call.
  const call = node.parent && ts.isCallExpression(node.parent) ? node.parent : undefined;
  const chained = call?.parent;
  if (
    chained &&
    ts.isPropertyAccessExpression(chained) &&
    chained.name.text === 'catch' &&
    ts.isCallExpression(chained.parent)
  ) {
    return 'catch';
  }
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
      const name = calleeName(parent);
      if (name && GUARDS.has(name)) return name;
    }
    if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
      if (ts.isIdentifier(parent.name) && parent.name.text === 'save') return 'save';
    }
    if (ts.isMethodDeclaration(at) && ts.isIdentifier(at.name) && at.name.text === 'save') {
      return 'save';
    }
    if (ts.isJsxAttribute(parent) && HANDLED_PROPS.has(parent.name.getText(file))) return 'prop';
    if (ts.isTryStatement(parent) && parent.tryBlock === at && parent.catchClause) {
      if (CATCH_HANDLERS.test(parent.catchClause.block.getText(file))) return 'try';
    }
    if (helperModule && ts.isFunctionDeclaration(at) && at.parent === file) {
      return `helper:${at.name?.text ?? ''}`;
    }
  }
  return null;
}

/** Names a module imports, and the top-level functions it declares. */
function boundNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.add(element.name.text);
      }
    }
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
  }
  // `const { putRecord } = await import('…/write-record')`: a lazily loaded write function.
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer?.getText(file).includes('import(')
    ) {
      for (const element of node.name.elements) {
        if (ts.isIdentifier(element.name)) names.add(element.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

function unhandledWrites(
  sources = files(clientDir).map((path) => ({ path, file: parse(path) })),
): string[] {
  const writes = new Set(LOCAL_WRITES);
  const problems: string[] = [];
  // Exported helpers of .ts modules that write become write functions too (to a fixpoint).
  for (let grown = true; grown;) {
    grown = false;
    problems.length = 0;
    for (const { path, file } of sources) {
      const helperModule = path.endsWith('.ts');
      const bound = boundNames(file);
      const visit = (node: ts.Node) => {
        if (
          ts.isIdentifier(node) &&
          writes.has(node.text) &&
          bound.has(node.text) &&
          isValueReference(node)
        ) {
          const how = handledBy(node, file, helperModule);
          if (how?.startsWith('helper:')) {
            const helper = how.slice('helper:'.length);
            if (!writes.has(helper)) {
              writes.add(helper);
              grown = true;
            }
          } else if (!how) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            problems.push(`${relative(root, path)}:${line + 1} ${node.text}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return problems;
}

describe('write failures are shown where the THM acted', () => {
  it('every write a screen starts is handled (form, action, try/catch or explicit .catch)', () => {
    expect(unhandledWrites()).toEqual([]);
  });

  it('finds a call that ignores its failure, and accepts the handled ones', () => {
    const source = (name: string, text: string) => ({
      path: join(clientDir, name),
      file: ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX),
    });
    const found = unhandledWrites([
      source(
        'bad.tsx',
        `import { putRecord } from '../local/write-record';
         export const A = () => <button onClick={() => void putRecord(db, 'tasks', id, {})} />;`,
      ),
      source(
        'good.tsx',
        `import { putRecord } from '../local/write-record';
         const [x, setPin] = useState('');
         export const B = () => <button onClick={() => action.run(() => putRecord(db, 't', id, {}))} />;
         useDraftForm({ save: (draft) => putRecord(db, 't', id, draft) });`,
      ),
      source(
        'helper.ts',
        `import { setMeta } from '../local/meta';
         export async function remember(db) { await setMeta(db, 'k', 1); }`,
      ),
      source(
        'uses-helper.tsx',
        `import { remember } from './helper';
         export const C = () => <button onClick={() => void remember(db)} />;`,
      ),
    ]);
    expect(found).toEqual([
      'src/client/bad.tsx:2 putRecord',
      'src/client/uses-helper.tsx:2 remember',
    ]);
  });
});

// [K7] Nothing a THM types reaches the browser's own files. Chromium keeps the value of every
// input, textarea and select for session restore (the profile's Sessions/ files), also in the
// history entries of pages left long ago, unless the control or its form carries
// autocomplete="off". This reads every component of src/client with the TypeScript parser and
// fails on:
// - a raw <input>, <textarea> or <select> without autoComplete="off",
// - a <form> without autoComplete="off" or the draft form's props (which set it),
// - autoComplete other than "off" on any field, except the THM's own credentials in the sign-in
//   and new-password steps (so a password manager can fill them; they are no case data),
// - contentEditable anywhere.
// test/e2e/profile-on-disk.test.ts proves the rule on a real profile's files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const RAW_CONTROLS = new Set(['input', 'textarea', 'select']);
/** Where the THM's own e-mail and password may be offered to a password manager. */
const CREDENTIAL_FILES = new Set([
  'src/client/features/session/sign-in-form.tsx',
  'src/client/features/session/new-password-step.tsx',
]);
const CREDENTIAL_VALUES = new Set(['username', 'current-password', 'new-password']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

function autoCompleteOf(attributes: ts.JsxAttributes): { found: boolean; value?: string } {
  for (const attribute of attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== 'autoComplete') continue;
    const init = attribute.initializer;
    if (init && ts.isStringLiteral(init)) return { found: true, value: init.text };
    if (init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression))
      return { found: true, value: init.expression.text };
    return { found: true };
  }
  return { found: false };
}

/** field.tsx's controls get their attributes from controlProps(), which sets autoComplete. */
function spreadsControlProps(name: string, attributes: ts.JsxAttributes): boolean {
  return (
    name === 'src/client/ui/field.tsx' &&
    attributes.properties.some(
      (attribute) =>
        ts.isJsxSpreadAttribute(attribute) &&
        attribute.expression.getText().startsWith('controlProps('),
    )
  );
}

/** `{...formProps}` or `{...form.formProps}`: use-draft-form's props carry autoComplete 'off'. */
function spreadsFormProps(attributes: ts.JsxAttributes): boolean {
  return attributes.properties.some(
    (attribute) =>
      ts.isJsxSpreadAttribute(attribute) && /(^|\.)formProps$/.test(attribute.expression.getText()),
  );
}

export function formStateOffences(path: string, source: string): string[] {
  const name = relative(root, path);
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const offence = (node: ts.Node, what: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${name}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText();
      const { found: has, value } = autoCompleteOf(node.attributes);
      for (const attribute of node.attributes.properties) {
        if (ts.isJsxAttribute(attribute) && /^contenteditable$/i.test(attribute.name.getText()))
          offence(node, `<${tag}> is contentEditable`);
      }
      const credential =
        CREDENTIAL_FILES.has(name) && value !== undefined && CREDENTIAL_VALUES.has(value);
      if (RAW_CONTROLS.has(tag)) {
        if (value !== 'off' && !credential && !(spreadsControlProps(name, node.attributes) && !has))
          offence(node, `<${tag}> without autoComplete="off"`);
      } else if (tag === 'form') {
        if (value !== 'off' && !(spreadsFormProps(node.attributes) && !has))
          offence(node, '<form> without autoComplete="off"');
      } else if (has && value !== 'off' && !credential) {
        offence(node, `<${tag}> with autoComplete="${value ?? '…'}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('[K7] no control keeps its value in the browser', () => {
  it('finds raw controls, forms and fields that let the browser keep a value (the check can fail)', () => {
    const source = `
      const a = <input value={x} />;
      const b = <textarea autoComplete="on" />;
      const c = <select autoComplete="off"><option /></select>;
      const d = <form onSubmit={f}>{a}</form>;
      const e = <form {...form.formProps}>{c}</form>;
      const f = <TextField autoComplete="username" />;
      const g = <div contentEditable />;
      const h = <input type="checkbox" autoComplete="off" />;
    `;
    expect(formStateOffences(join(root, 'src/client/x.tsx'), source)).toEqual([
      'src/client/x.tsx:2: <input> without autoComplete="off"',
      'src/client/x.tsx:3: <textarea> without autoComplete="off"',
      'src/client/x.tsx:5: <form> without autoComplete="off"',
      'src/client/x.tsx:7: <TextField> with autoComplete="username"',
      'src/client/x.tsx:8: <div> is contentEditable',
    ]);
  });

  it('lets the sign-in steps name the THM’s own credentials, nothing else', () => {
    const source = `const a = <TextField autoComplete="current-password" />; const b = <input autoComplete="street-address" />;`;
    expect(
      formStateOffences(join(root, 'src/client/features/session/sign-in-form.tsx'), source),
    ).toEqual([
      'src/client/features/session/sign-in-form.tsx:1: <input> without autoComplete="off"',
    ]);
  });

  it('every control and form in src/client says autocomplete="off"', () => {
    const offences = files(join(root, 'src/client')).flatMap((path) =>
      formStateOffences(path, readFileSync(path, 'utf8')),
    );
    expect(offences).toEqual([]);
  });
});

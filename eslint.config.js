import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domGlobals = ['document', 'window', 'localStorage', 'sessionStorage', 'HTMLElement'].map(
  (name) => ({ name, message: `${name} exists only in the page (src/client).` }),
);
const workerGlobals = ['self', 'navigator', 'caches', 'indexedDB'].map((name) => ({
  name,
  message: `${name} exists only in the browser (page or worker); this runtime has no such global.`,
}));
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require'].map((name) => ({
  name,
  message: `${name} exists only in Node (src/server).`,
}));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.tsbuild', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Imports run one way: client -> local -> shared, sw -> local -> shared, server -> shared.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/local/**',
            '**/client/**',
            '**/sw/**',
            '**/server/**',
            'dexie',
            'preact*',
            'node:*',
            'fastify',
            'pg',
          ],
        },
      ],
    },
  },
  {
    files: ['src/local/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/client/**', '**/sw/**', '**/server/**', 'preact*', 'node:*'] },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/local/**', '**/client/**', '**/sw/**', 'dexie', 'preact*'] },
      ],
    },
  },
  {
    files: ['src/client/**', 'src/sw/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/server/**', 'node:*'],
          // zustand's main entry imports 'react' (preact/compat in the bundle): stores use
          // create() from client/state/create-store.ts, built on zustand/vanilla.
          paths: [
            { name: 'zustand', message: 'Use create() from src/client/state/create-store.ts.' },
            { name: 'react', message: 'This is a Preact app: import from preact.' },
          ],
        },
      ],
    },
  },
  // Globals of the wrong runtime, backing up the per-runtime tsconfigs (test/house/runtime-boundaries).
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals, ...workerGlobals, ...nodeGlobals] },
  },
  {
    files: ['src/local/**', 'src/sw/**'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals] },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals, ...workerGlobals] },
  },
  {
    files: ['src/client/**'],
    rules: { 'no-restricted-globals': ['error', ...nodeGlobals] },
  },
  {
    files: ['scripts/**', 'src/server/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain Node scripts (not type-checked): give them Node's globals.
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);

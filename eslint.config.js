import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { patterns: ['**/server/**', 'node:*'] }],
    },
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

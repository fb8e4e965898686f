// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from './build/lint/boundaries.js';
import { tableOwnersRule } from './build/lint/tables.js';

/** The project's own rules: import boundaries (boundaries.js) and table owners (tables.js). */
const kiosk = { ...boundaries, rules: { ...boundaries.rules, 'table-owners': tableOwnersRule } };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'dist-wasm/**',
      // AssemblyScript (its builtins are not TypeScript's); compiled and tested through build/wasm.ts
      'wasm/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { kiosk },
    rules: {
      'kiosk/boundaries': 'error',
      'kiosk/table-owners': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': 'allow-with-description', 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          '__dirname',
          'require',
        ].map((name) => ({
          name,
          message: 'shared/ runs in main and renderer alike: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // command-line programs print to stdout by design
    files: [
      'electron/cli.ts',
      'electron/cli/**/*.ts',
      'electron/sandbox/cli.ts',
      'electron/hosts/**/*.ts',
      'build/**/*.ts',
      'test/bench/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

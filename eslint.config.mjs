/**
 * ESLint for `npm run lint` (office-addin-lint runs ESLint with this file when it exists; it only looks
 * for eslint.config.mjs). Office's own rules — load before read, sync before read, no sync in a loop,
 * isNullObject for null checks — on every TypeScript and TSX file; TypeScript does the type and
 * undefined-name checks; formatting is left to each file's author (prettier is not enforced here).
 */
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import reactPlugin from 'eslint-plugin-react';
import globals from 'globals';

const base = officeAddins.configs.recommended.find((c) => c.rules?.['office-addins/call-sync-before-read']);
const officeRules = Object.fromEntries(Object.entries(base?.rules ?? {}).filter(([name]) => name.startsWith('office-addins/')));
// The same plugin instance the recommended config registered (ESLint refuses a second one).
const tsPlugin = base?.plugins?.['@typescript-eslint'];

export default [
  ...officeAddins.configs.recommended,
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tsPlugin, react: reactPlugin },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: '18.3' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript reports undefined names itself, and knows the Office/Excel/CustomFunctions globals.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      'react/jsx-key': 'error',
      'react/jsx-no-target-blank': 'error',
    },
  },
  // Office's rules where Office.js is used; elsewhere (ExcelJS in the CLI) their name heuristics misfire.
  {
    files: ['src/office/**', 'src/taskpane/**', 'src/commands/**', 'src/functions/**'],
    rules: officeRules,
  },
  {
    files: ['src/cli/**', 'src/engine/**', 'src/playground/**', 'scripts/**', 'tests/**'],
    rules: Object.fromEntries(Object.keys(officeRules).map((name) => [name, 'off'])),
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node } },
  },
  // Browser-side ES modules that webpack reads as such (import.meta for bundled assets).
  {
    files: ['src/playground/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
  },
  // Formatting is not linted: the project's style is its own, not prettier's defaults.
  { rules: { 'prettier/prettier': 'off' } },
];

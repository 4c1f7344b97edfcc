// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-ins, by either spelling. */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads'];

/**
 * The process boundaries of DESIGN.md, enforced here rather than remembered:
 * shared/ is pure contract; renderer/ talks only to window.kiosk; electron/core runs under plain Node.
 */
function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['shared/**'],
    rules: restrict(['electron', 'electron/*', 'react', 'react-dom', 'react/*', ...NODE_BUILTINS], 'shared/ is the contract: no Node, Electron or React (DESIGN.md).'),
  },
  {
    files: ['electron/core/**', 'electron/preview/**'],
    rules: restrict(['electron', 'electron/*', 'react', 'react-dom', '**/renderer/**', '**/electron/main/**', '**/hq/**'], 'The kiosk core runs under plain Node: no Electron, no UI, no HQ (DESIGN.md).'),
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...restrict(['electron', 'electron/*', ...NODE_BUILTINS, '**/electron/**', '**/hq/**'], 'The renderer talks only to window.kiosk (shared/): no Node, Electron, core or HQ imports.'),
      ...reactHooks.configs.recommended.rules,
      // Every user-visible string goes through i18n: literal text in JSX fails the lint.
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
    },
  },
  {
    // Tests of the renderer run under Node (vitest) and may read its files.
    files: ['renderer/**/*.test.ts'],
    rules: restrict(['electron', 'electron/*', '**/electron/**', '**/hq/**'], 'Renderer tests test the renderer: no Electron, core or HQ.'),
  },
  {
    // The demo chain is pure computation shared by the kiosk and HQ; only its CLI touches the file system.
    files: ['resources/demo/**'],
    ignores: ['resources/demo/cli.ts', 'resources/demo/**/*.test.ts'],
    rules: restrict(['electron', 'electron/*', 'react', ...NODE_BUILTINS, '**/electron/**', '**/renderer/**', '**/hq/**'], 'The demo generator is pure: no Node, Electron, UI, core or HQ imports.'),
  },
  {
    files: ['hq/**'],
    rules: restrict(['electron', 'electron/*', 'react', '**/renderer/**', '**/electron/**'], 'HQ is its own service: it shares only shared/ with the kiosk.'),
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

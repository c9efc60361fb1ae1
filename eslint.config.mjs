// ESLint flat config: typescript-eslint with type information; the analysis core may not import editor
// or protocol packages (it must run the same in the server, the CLI and tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/out/**',
      'build/**',
      'node_modules/**',
      'test/e2e/node_modules/**',
      'test/e2e/.work/**',
      'bench/.work/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // node:test's test() returns a promise the runner itself awaits
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-jsonrpc*'],
              message: 'analysis/ is pure: no editor or protocol imports.',
            },
            {
              group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process', 'child_process'],
              message: 'analysis/ does no I/O: pass data in.',
            },
          ],
        },
      ],
    },
  },
);

// Lint rules that keep the layers clean (docs/architecture.md): the language service is pure,
// and the server never writes to stdout (it carries the protocol under --stdio).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    rules: {},
  },
  {
    files: ['server/src/language/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The language service is pure: no editor API.' },
            { name: 'vscode-languageserver', message: 'The language service is pure: the LSP adapter lives in server/src/lsp.' },
            { name: 'vscode-languageserver/node', message: 'The language service is pure: the LSP adapter lives in server/src/lsp.' },
            { name: 'node:fs', message: 'The language service has no file access: pass readers in (server/src/node).' },
            { name: 'fs', message: 'The language service has no file access: pass readers in (server/src/node).' },
            { name: 'node:net', message: 'No network in the language service: live checks live in server/src/live.' },
            { name: 'node:dns', message: 'No network in the language service: live checks live in server/src/live.' },
            { name: 'node:child_process', message: 'Nothing from a zone is ever executed.' },
          ],
          patterns: [{ group: ['**/lsp/**', '**/cli/**', '**/live/**', '**/node/**', '../../server', '../server'], message: 'Dependencies point one way: the language service must not import the adapters above it.' }],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli.ts', 'server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);

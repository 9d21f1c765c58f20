/** The layering rules of docs/architecture.md are enforced by ESLint, and the tree obeys them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(args: string[], stdin?: string) {
  return spawnSync(process.execPath, [ESLINT, '--format', 'json', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
}

function messagesOf(stdout: string): { ruleId: string | null; message: string }[] {
  return (JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[]).flatMap((f) => f.messages);
}

test('the language service may not import the editor, the LSP library, the file system or the adapters', () => {
  for (const source of ["import * as vscode from 'vscode';", "import { createConnection } from 'vscode-languageserver/node';", "import * as fs from 'node:fs';", "import { startServer } from '../../server';", "import { x } from '../../lsp/settings';"]) {
    const r = lint(['--stdin', '--stdin-filename', 'server/src/language/features/probe.ts'], `${source}\nexport const y = 1;\n`);
    const rules = messagesOf(r.stdout).map((m) => m.ruleId);
    assert.ok(rules.includes('no-restricted-imports'), `${source} must be refused, got ${JSON.stringify(rules)}`);
  }
});

test('the server never writes to the console (stdout carries the protocol)', () => {
  const r = lint(['--stdin', '--stdin-filename', 'server/src/lsp/probe.ts'], "console.log('x');\n");
  assert.ok(messagesOf(r.stdout).some((m) => m.ruleId === 'no-console'));
});

test('the whole tree passes the layering rules', () => {
  const r = lint(['server', 'client']);
  const errors = (JSON.parse(r.stdout) as { filePath: string; messages: { severity: number; ruleId: string; message: string }[] }[]).flatMap((f) => f.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, f.filePath)}: ${m.ruleId} ${m.message}`));
  assert.deepEqual(errors, []);
});

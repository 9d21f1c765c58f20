/** The .vsix ships exactly the allowlist: bundles, grammar, language configuration, docs, metadata. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^language-configuration\.json$/, /^syntaxes\/dns-zone\.tmLanguage\.json$/, /^dist\/(client|server)\.js$/, /^docs\/[a-z0-9-]+\.md$/, /^docs\/rules\/[a-z0-9-]+\.md$/, /^docs\/rules\/README\.md$/, /^docs\/images\/[\w.-]+\.png$/];
const REQUIRED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'syntaxes/dns-zone.tmLanguage.json', 'dist/client.js', 'dist/server.js', 'docs/rules/spf-syntax.md'];

test('vsce lists only allowlisted files, and every file the extension needs', () => {
  const vsce = require.resolve('@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  assert.deepEqual(stray, [], 'files outside the allowlist');
  for (const f of REQUIRED) assert.ok(files.includes(f), `${f} is shipped`);
  assert.ok(!files.some((f) => /node_modules|\.map$|\.ts$|^test\/|^out\//.test(f)));
});

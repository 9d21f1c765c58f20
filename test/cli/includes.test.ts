import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN_ZONE, cleanup, parseJsonOutput, tempTree, zonelint, type JsonFinding } from './helpers';

const PART = 'part    IN A   192.0.2.77\nbadpart IN FOO 1\n';
const outside = tempTree({ 'outside.zone': 'ext     IN FOO 1\n' });
const root = tempTree({
  'zones/sub/main.zone': CLEAN_ZONE + '$INCLUDE inc/part.zone\n',
  'zones/sub/inc/part.zone': PART,
  'zones/dir.zone': CLEAN_ZONE + '$INCLUDE sub/inc\n',
  'zones/devzero.zone': CLEAN_ZONE + '$INCLUDE /dev/zero\n',
  'zones/out.zone': CLEAN_ZONE + `$INCLUDE ${path.join(outside, 'outside.zone')}\n`,
  'zones/link.zone': CLEAN_ZONE + '$INCLUDE escape.inc\n',
  'zones/big.zone': CLEAN_ZONE + '$INCLUDE big.inc\n',
  'zones/missing.zone': CLEAN_ZONE + '$INCLUDE nowhere.inc\n',
  'walk/main.zone': CLEAN_ZONE + '$INCLUDE hosts.zone\n',
  'walk/hosts.zone': 'h       IN FOO 1\n',
});
fs.symlinkSync(path.join(outside, 'outside.zone'), path.join(root, 'zones', 'escape.inc'));
fs.writeFileSync(path.join(root, 'zones', 'big.inc'), '');
fs.truncateSync(path.join(root, 'zones', 'big.inc'), 50 * 1024 * 1024 + 1);
after(() => {
  cleanup(root);
  cleanup(outside);
});

function lint(...args: string[]): { code: number | null; findings: JsonFinding[]; stderr: string } {
  const r = zonelint(['--format', 'json', ...args], root);
  return { code: r.code, findings: r.stdout ? parseJsonOutput(r.stdout) : [], stderr: r.stderr };
}

function includeFailure(findings: JsonFinding[], file: string): JsonFinding | undefined {
  return findings.find((f) => f.rule === 'include-failed' && f.file === file);
}

describe('$INCLUDE reading', () => {
  test('resolves relative to the including file and reports findings at their place in the included file', () => {
    const r = lint('zones/sub/main.zone');
    assert.equal(r.code, 1);
    const inner = r.findings.find((f) => f.rule === 'unknown-type');
    assert.deepEqual(inner && [inner.file, inner.line, inner.column, inner.endColumn], [path.join('zones', 'sub', 'inc', 'part.zone'), 2, 12, 15]);
    const at = includeFailure(r.findings, path.join('zones', 'sub', 'main.zone'));
    assert.match(at?.message ?? '', /1 error in included file/);
    assert.equal(at?.line, CLEAN_ZONE.split('\n').length);
  });

  test('refuses a directory', () => {
    assert.match(includeFailure(lint('zones/dir.zone').findings, path.join('zones', 'dir.zone'))?.message ?? '', /not a regular file/);
  });

  test('refuses /dev/zero: outside the given directories, and not a regular file when outside is allowed', () => {
    assert.match(includeFailure(lint('zones/devzero.zone').findings, path.join('zones', 'devzero.zone'))?.message ?? '', /outside the workspace/);
    assert.match(includeFailure(lint('--allow-include-outside', 'zones/devzero.zone').findings, path.join('zones', 'devzero.zone'))?.message ?? '', /not a regular file/);
  });

  test('refuses files outside the given directories unless --allow-include-outside', () => {
    const refused = lint('zones/out.zone');
    assert.match(includeFailure(refused.findings, path.join('zones', 'out.zone'))?.message ?? '', /outside the workspace.*--allow-include-outside/);
    assert.ok(!refused.findings.some((f) => f.file.endsWith('outside.zone')));
    const allowed = lint('--allow-include-outside', 'zones/out.zone');
    const inner = allowed.findings.find((f) => f.rule === 'unknown-type');
    assert.deepEqual(inner && [inner.file, inner.line, inner.column], [path.join(outside, 'outside.zone'), 1, 12]);
  });

  test('a symlink does not get around the directory check', () => {
    assert.match(includeFailure(lint('zones/link.zone').findings, path.join('zones', 'link.zone'))?.message ?? '', /outside the workspace/);
  });

  test('refuses files over 50 MB and reports missing files', () => {
    assert.match(includeFailure(lint('zones/big.zone').findings, path.join('zones', 'big.zone'))?.message ?? '', /52428801 bytes, over the 52428800-byte limit/);
    assert.match(includeFailure(lint('zones/missing.zone').findings, path.join('zones', 'missing.zone'))?.message ?? '', /not found/);
  });

  test('include problems are findings (exit 1), not usage errors', () => {
    assert.equal(lint('zones/dir.zone').code, 1);
  });

  test('a file found in a directory walk that another zone includes is checked once, as part of that zone', () => {
    const r = lint('walk');
    const inHosts = r.findings.filter((f) => f.file === path.join('walk', 'hosts.zone'));
    assert.deepEqual(inHosts.map((f) => [f.rule, f.line, f.column]), [['unknown-type', 1, 12]]);
    assert.ok(includeFailure(r.findings, path.join('walk', 'main.zone')));
  });
});

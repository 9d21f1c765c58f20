import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../server/src/language/checks';
import { BAD_TYPE_LINE, CLEAN_ZONE, cleanup, parseJsonOutput, positionOf, tempTree, ZONE_WITH_ERROR, zonelint, zonelintInProcess } from './helpers';

const dir = tempTree({
  'clean.zone': CLEAN_ZONE,
  'bad.zone': ZONE_WITH_ERROR,
  // A non-ASCII TXT before the error: columns count UTF-16 code units.
  'wide.zone': CLEAN_ZONE + 'x       IN TXT "é😀" ; fine\n' + '😀 IN BAR 1\n' + 'z       IN BAZ 1\n',
});
after(() => cleanup(dir));
const UNKNOWN = 'unknown-type';

describe('json format', () => {
  test('is an array of findings with exactly the contract keys and 1-based positions', () => {
    const r = zonelint(['--format', 'json', 'bad.zone'], dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = parseJsonOutput(r.stdout);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
    }
    const bad = findings.find((f) => f.rule === UNKNOWN);
    assert.ok(bad, 'the unknown type is reported');
    const at = positionOf(ZONE_WITH_ERROR, 'FOO', BAD_TYPE_LINE);
    assert.deepEqual(
      { file: bad.file, line: bad.line, column: bad.column, endLine: bad.endLine, endColumn: bad.endColumn, severity: bad.severity },
      { file: 'bad.zone', line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 3, severity: 'error' },
    );
    assert.match(bad.message, /FOO/);
  });

  test('columns are UTF-16 code units', () => {
    const text = fs.readFileSync(path.join(dir, 'wide.zone'), 'utf8');
    const findings = parseJsonOutput(zonelint(['--format', 'json', 'wide.zone'], dir).stdout);
    const bar = findings.find((f) => f.rule === UNKNOWN && f.message.includes('BAR'));
    // `😀 IN BAR`: the emoji is two UTF-16 code units, so BAR starts at column 7 (6 in code points).
    assert.deepEqual(bar && [bar.line, bar.column, bar.endColumn], [positionOf(text, 'BAR').line, 7, 10]);
  });

  test('findings are sorted by file, then position', () => {
    const findings = parseJsonOutput(zonelint(['--format', 'json', '--rule', 'unknown-type=warning', '.'], dir).stdout);
    const keys = findings.map((f) => [f.file, f.line, f.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(keys, sorted);
    assert.ok(new Set(findings.map((f) => f.file)).size >= 2);
  });
});

describe('text format', () => {
  test('eslint-like lines grouped per file and a summary', () => {
    const r = zonelint(['bad.zone', 'wide.zone'], dir);
    assert.equal(r.code, 1);
    const at = positionOf(ZONE_WITH_ERROR, 'FOO', BAD_TYPE_LINE);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`bad.zone:${at.line}:${at.column} `));
    assert.ok(line, r.stdout);
    assert.match(line, /^bad\.zone:\d+:\d+ +error +unknown record type "FOO".* +unknown-type$/);
    const groups = r.stdout.trimEnd().split('\n\n');
    assert.ok(groups[0].split('\n').every((l) => l.startsWith('bad.zone:')), 'first group is bad.zone');
    assert.ok(groups[1].split('\n').every((l) => l.startsWith('wide.zone:')), 'second group is wide.zone');
    const json = parseJsonOutput(zonelint(['--format', 'json', 'bad.zone', 'wide.zone'], dir).stdout);
    const count = (s: string) => json.filter((f) => f.severity === s).length;
    const summary = r.stdout.trimEnd().split('\n').pop()!;
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    const hints = count('hint') ? `, ${n(count('hint'), 'hint')}` : '';
    assert.equal(summary, `✖ ${n(json.length, 'problem')} (${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ${n(count('information'), 'info')}${hints})`);
    assert.ok(count('error') >= 2);
  });

  test('prints nothing for a zone without findings', async () => {
    const r = await zonelintInProcess(['--quiet', 'clean.zone'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });
});

describe('sarif format', () => {
  test('is SARIF 2.1.0 with every rule and located results', () => {
    const r = zonelint(['--format', 'sarif', 'bad.zone'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'zonelint');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), allRules.map((x) => x.id));
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === UNKNOWN);
    assert.ok(result);
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, UNKNOWN);
    assert.equal(typeof result.message.text, 'string');
    const loc = result.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'bad.zone', uriBaseId: '%SRCROOT%' });
    const at = positionOf(ZONE_WITH_ERROR, 'FOO', BAD_TYPE_LINE);
    assert.deepEqual(loc.region, { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + 3 });
  });

  test('files outside the working directory get absolute file URIs', () => {
    const elsewhere = tempTree();
    const log = JSON.parse(zonelint(['--format', 'sarif', path.join(dir, 'bad.zone')], elsewhere).stdout);
    cleanup(elsewhere);
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: pathToFileURL(path.join(dir, 'bad.zone')).href });
  });
});

describe('exit codes and severities', () => {
  test('0 without errors, 1 with errors', () => {
    assert.equal(zonelint(['clean.zone'], dir).code, 0);
    assert.equal(zonelint(['bad.zone'], dir).code, 1);
  });

  test('--rule lowers, raises and turns off a rule', () => {
    const lowered = zonelint(['--format', 'json', '--rule', `${UNKNOWN}=warning`, 'bad.zone'], dir);
    assert.equal(lowered.code, 0, 'a warning is not an error');
    assert.equal(parseJsonOutput(lowered.stdout).find((f) => f.rule === UNKNOWN)?.severity, 'warning');
    const info = zonelint(['--format', 'json', '--rule', `${UNKNOWN}=information`, 'bad.zone'], dir);
    assert.equal(parseJsonOutput(info.stdout).find((f) => f.rule === UNKNOWN)?.severity, 'information');
    const off = zonelint(['--format', 'json', '--rule', `${UNKNOWN}=off`, 'bad.zone'], dir);
    assert.equal(off.code, 0);
    assert.ok(!parseJsonOutput(off.stdout).some((f) => f.rule === UNKNOWN));
  });

  test('--quiet reports errors only', () => {
    const all = parseJsonOutput(zonelint(['--format', 'json', '--rule', `${UNKNOWN}=warning`, 'wide.zone', 'bad.zone'], dir).stdout);
    assert.ok(all.some((f) => f.severity === 'warning'));
    const quiet = zonelint(['--format', 'json', '--quiet', '--rule', `${UNKNOWN}=warning`, 'wide.zone', 'bad.zone'], dir);
    assert.ok(parseJsonOutput(quiet.stdout).every((f) => f.severity === 'error'));
  });

  test('--max-warnings turns too many warnings into exit 1', () => {
    const args = ['--format', 'json', '--rule', `${UNKNOWN}=warning`, 'wide.zone'];
    const warnings = parseJsonOutput(zonelint(args, dir).stdout).filter((f) => f.severity === 'warning').length;
    assert.ok(warnings >= 2);
    assert.equal(zonelint([...args, '--max-warnings', String(warnings)], dir).code, 0);
    const over = zonelint([...args, '--max-warnings', String(warnings - 1)], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
  });

  test('2 for usage and file errors, with one clear line and no stack trace', () => {
    for (const [args, message] of [
      [['--format', 'xml', 'bad.zone'], /--format must be one of/],
      [['--rule', 'no-such-rule=off', 'bad.zone'], /unknown rule id "no-such-rule"/],
      [['missing.zone'], /missing\.zone: no such file or directory/],
      [['/dev/zero'], /not a regular file/],
      [['--origin', 'a..b', 'bad.zone'], /--origin "a\.\.b"/],
      [['--origin', 'example.com', '.'], /--origin is only valid with a single file/],
      [[], /no files or directories given/],
    ] as [string[], RegExp][]) {
      const r = zonelint(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(r.stdout, '');
    }
  });

  test('an empty directory is a file error', () => {
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const r = zonelint(['empty'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no zone files found in empty/);
  });

  test('an unreadable file is exit 2', (t) => {
    if (process.getuid?.() !== 0) {
      const file = path.join(dir, 'secret.zone');
      fs.writeFileSync(file, CLEAN_ZONE);
      fs.chmodSync(file, 0);
      const r = zonelint(['secret.zone'], dir);
      fs.rmSync(file);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /secret\.zone: permission denied/);
    } else if (fs.existsSync('/proc/self/mem')) {
      // As root permissions do not stop reading; /proc/self/mem is a regular file whose read fails.
      const r = zonelint(['/proc/self/mem'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^zonelint: \/proc\/self\/mem: EIO/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } else {
      t.skip('running as root without /proc: no way to make a file unreadable');
    }
  });

  test('a file over 50 MB is exit 2', () => {
    const bigDir = tempTree({ 'huge.zone': '' });
    fs.truncateSync(path.join(bigDir, 'huge.zone'), 50 * 1024 * 1024 + 1); // sparse: no real disk use
    const r = zonelint(['.'], bigDir);
    cleanup(bigDir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /huge\.zone: 52428801 bytes, over the 52428800-byte \(50 MB\) limit/);
  });
});

describe('help, version, determinism', () => {
  test('--help and --version exit 0', () => {
    const h = zonelint(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^Usage: zonelint \[options\] FILE_OR_DIR\.\.\./);
    const v = zonelint(['--version']);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(v.stdout.trim(), pkg.version);
  });

  test('the same input gives byte-identical output, whatever the argument order', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const a = zonelint(['--format', format, 'wide.zone', 'bad.zone', 'clean.zone'], dir);
      const b = zonelint(['--format', format, 'clean.zone', 'bad.zone', 'wide.zone'], dir);
      const c = zonelint(['--format', format, 'clean.zone', 'bad.zone', 'wide.zone'], dir);
      assert.ok(a.stdout.length > 0);
      assert.equal(a.stdout, b.stdout, `${format}: argument order does not matter`);
      assert.equal(b.stdout, c.stdout, `${format}: runs are repeatable`);
    }
  });
});

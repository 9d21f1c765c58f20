import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { CliError } from '../../server/src/cli/io';

const known = (id: string) => ['unknown-type', 'soa-missing'].includes(id);
const parse = (...argv: string[]) => parseArgs(argv, known);

function usage(argv: string[], pattern: RegExp): void {
  assert.throws(
    () => parseArgs(argv, known),
    (err: unknown) => err instanceof CliError && err.usage && pattern.test(err.message),
  );
}

describe('parseArgs', () => {
  test('defaults: text format, no fix, no overrides', () => {
    const o = parse('a.zone');
    assert.deepEqual(o.paths, ['a.zone']);
    assert.equal(o.format, 'text');
    assert.equal(o.fix, false);
    assert.equal(o.quiet, false);
    assert.deepEqual(o.rules, {});
    assert.equal(o.maxWarnings, undefined);
  });

  test('takes values separated or after `=`, and short aliases', () => {
    assert.equal(parse('--format', 'json', 'a').format, 'json');
    assert.equal(parse('--format=sarif', 'a').format, 'sarif');
    assert.equal(parse('-f', 'json', 'a').format, 'json');
    assert.equal(parse('--origin=example.com', 'a').origin, 'example.com');
    assert.equal(parse('--max-warnings', '0', 'a').maxWarnings, 0);
    assert.equal(parse('-q', 'a').quiet, true);
  });

  test('--rule is repeatable and keeps the last level per id', () => {
    const o = parse('--rule', 'unknown-type=warning', '--rule=soa-missing=off', '--rule', 'unknown-type=hint', 'a');
    assert.deepEqual(o.rules, { 'unknown-type': 'hint', 'soa-missing': 'off' });
  });

  test('`--` ends the options', () => {
    assert.deepEqual(parse('--', '--fix', '-x').paths, ['--fix', '-x']);
  });

  test('help and version need no files', () => {
    assert.equal(parse('--help').help, true);
    assert.equal(parse('-v').version, true);
  });

  test('usage errors', () => {
    usage(['--bogus', 'a'], /unknown option --bogus/);
    usage(['--format', 'xml', 'a'], /--format must be one of text, json, sarif/);
    usage(['a', '--format'], /--format needs a value/);
    usage(['--rule', 'nope=error', 'a'], /unknown rule id "nope"/);
    usage(['--rule', 'unknown-type=loud', 'a'], /level must be one of off, error, warning, information, hint/);
    usage(['--rule', 'unknown-type', 'a'], /--rule expects ID=LEVEL/);
    usage(['--max-warnings', '-1', 'a'], /non-negative integer/);
    usage(['--max-warnings', 'x', 'a'], /non-negative integer/);
    usage(['--fix=yes', 'a'], /does not take a value/);
    usage([], /no files or directories given/);
    usage(['--origin', 'example.com', 'a', 'b'], /--origin is only valid with a single file/);
    usage(['--export-json', 'a', 'b'], /single zone file/);
    usage(['--export-json', '--fix', 'a'], /cannot be combined/);
    usage(['--import-json', 'x.json', 'a.zone'], /no other files/);
    usage(['-'], /standard input is not supported/);
  });
});

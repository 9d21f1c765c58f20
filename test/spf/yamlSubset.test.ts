import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAllYaml } from './yamlSubset';

const SUITE_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'conformance', 'spf');

describe('yamlSubset', () => {
  test('documents, mappings, sequences and sequence-of-mapping items', () => {
    const docs = loadAllYaml(
      ['# header', '---', 'a: 1', 'b:', '  - x', '  - k: v', '    k2: w', '---', 'c:', '- 1.5', '- ~', '- true'].join('\n'),
    );
    assert.deepEqual(docs, [{ a: 1, b: ['x', { k: 'v', k2: 'w' }] }, { c: [1.5, null, true] }]);
  });

  test('scalars: quoted with escapes, plain multi-line, flow sequences, quoted keys', () => {
    const [doc] = loadAllYaml(
      [
        '---',
        'd: "a\\x80b\\0c\\"d"',
        "s: 'it''s'",
        'p: one',
        '  two',
        'f: [ "v=spf1 ip4:", 192.0.2.5, 0 ]',
        'e: [ ]',
        '"x%y  z": 4.3/1',
        'spec: 4.6',
        'colon:key: v',
      ].join('\n'),
    );
    assert.deepEqual(doc, {
      d: 'a\u0080b\0c"d',
      s: "it's",
      p: 'one two',
      f: ['v=spf1 ip4:', '192.0.2.5', 0],
      e: [],
      'x%y  z': '4.3/1',
      spec: 4.6,
      'colon:key': 'v',
    });
  });

  test('block scalars: folded, literal, chomping', () => {
    const [doc] = loadAllYaml(
      ['---', 'f: >-', '  one', '  two', '', '  three', 'l: |', '  x', '   y', 'k: |+', '  z', '', 'end: 1'].join('\n'),
    );
    assert.deepEqual(doc, { f: 'one two\nthree', l: 'x\n y\n', k: 'z\n\n', end: 1 });
  });

  test('unsupported features throw instead of guessing', () => {
    assert.throws(() => loadAllYaml('---\na: &anchor 1\n'));
    assert.throws(() => loadAllYaml('---\na: "unterminated\n'));
  });

  // js-yaml is not a dependency of this project; it is present in node_modules only as a
  // transitive dev dependency (@vscode/vsce -> @secretlint/node -> ... -> js-yaml). When it is
  // there, use it as an oracle for our reader on the real suite files; when it is not, skip.
  let jsYaml: { loadAll(src: string): unknown[] } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jsYaml = require('js-yaml') as { loadAll(src: string): unknown[] };
  } catch {
    jsYaml = undefined;
  }
  for (const file of ['rfc7208-tests.yml', 'rfc4408-tests.yml']) {
    test(`reads ${file} exactly as js-yaml does`, { skip: jsYaml ? false : 'js-yaml not installed' }, () => {
      const source = fs.readFileSync(path.join(SUITE_DIR, file), 'utf8');
      const ours = loadAllYaml(source);
      assert.ok(ours.length >= 15);
      assert.deepEqual(ours, jsYaml!.loadAll(source));
    });
  }
});

/**
 * The integrity rules as a set: registered once, semantic stage, each with a docs page whose
 * examples behave as the page says (the flagged one is reported, the fixed one is not), and a
 * clean zone start that none of them objects to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { integrityRules } from '../../../server/src/language/checks/integrity';
import { ruleById } from '../../../server/src/language/checks';
import { diagnosticsOf } from '../../helpers/annotations';
import { HEAD, repoRoot } from './helpers';

const docsDir = path.join(repoRoot, 'docs', 'rules');
const SECTIONS = ['## What it checks', '## Why it matters', '## How to fix', '## Example', '## References'];

test('integrity rules: unique ids, registered, semantic stage, a check function', () => {
  const ids = integrityRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, 32);
  for (const r of integrityRules) {
    assert.equal(ruleById(r.id), r, r.id);
    assert.equal(r.stage, 'semantic', r.id);
    assert.equal(typeof r.check, 'function', r.id);
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(r.summary.length > 10, r.id);
  }
});

test('integrity rules: the test zone head is clean', () => {
  const ids = new Set(integrityRules.map((r) => r.id));
  assert.deepEqual(diagnosticsOf(HEAD).actual.filter((a) => ids.has(a.code)), []);
});

/** The examples of a docs page: the code blocks after "Flagged:" and "Fixed:". */
function examples(page: string): { flagged: string; fixed: string } {
  const block = (label: string) => {
    const m = new RegExp(`${label}:\\n\\n\`\`\`zone\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
    assert.ok(m, `a ${label} example`);
    return m[1] + '\n';
  };
  return { flagged: block('Flagged'), fixed: block('Fixed') };
}

/** An example as a zone: on its own when it brings its SOA or $TTL, else after the clean head. */
function asZone(example: string): string {
  return /\bSOA\b|^\$TTL/m.test(example) ? example : HEAD + example;
}

test('integrity rules: each docs page has the sections, the default severity, and examples that behave', () => {
  for (const r of integrityRules) {
    const file = path.join(docsDir, `${r.id}.md`);
    assert.ok(fs.existsSync(file), `docs/rules/${r.id}.md exists`);
    const page = fs.readFileSync(file, 'utf8');
    assert.ok(page.startsWith(`# \`${r.id}\``), r.id);
    for (const s of SECTIONS) assert.ok(page.includes(s), `${r.id}: ${s}`);
    assert.ok(page.includes(`Default severity: ${r.defaultSeverity}.`), `${r.id}: severity`);
    const { flagged, fixed } = examples(page);
    const count = (text: string) => diagnosticsOf(asZone(text)).actual.filter((a) => a.code === r.id).length;
    assert.ok(count(flagged) > 0, `${r.id}: the flagged example is reported`);
    assert.equal(count(fixed), 0, `${r.id}: the fixed example is not reported`);
  }
});

test('integrity rules: docs/rules/README.md lists every rule', () => {
  const readme = fs.readFileSync(path.join(docsDir, 'README.md'), 'utf8');
  for (const r of integrityRules) assert.ok(readme.includes(`[\`${r.id}\`](${r.id}.md)`), r.id);
  assert.ok(readme.includes('## Compared with named-checkzone'));
});

/**
 * The SPF rules as a set: registered once, each with a docs page that has the sections, states
 * the default severity, and whose examples behave as the page says (the flagged example is
 * reported by the rule, the fixed one is not).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spfRules } from '../../../server/src/language/checks/spf';
import { ruleById } from '../../../server/src/language/checks';
import { check, HEAD, ROOT } from './helpers';

const SECTIONS = ['## What it checks', '## Why it matters', '## How to fix', '## Example', '## References'];

const IDS = [
  'spf-syntax', 'spf-joined-badly', 'spf-multiple-records', 'spf-record-too-long', 'spf-permissive-all', 'spf-no-all', 'spf-redirect-with-all',
  'spf-terms-after-all', 'spf-ptr-deprecated', 'spf-missing', 'spf-lookup-limit', 'spf-void-lookup', 'spf-include-loop', 'spf-include-target-missing',
  'spf-mx-without-address',
];

function block(page: string, label: string): string {
  const m = new RegExp(`${label}:\\n\\n\`\`\`zone\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  assert.ok(m, `a ${label} example`);
  return m[1] + '\n';
}

test('spf rules: the ids of the brief, each registered once with a check', () => {
  assert.deepEqual(spfRules.map((r) => r.id), IDS);
  for (const r of spfRules) {
    assert.equal(ruleById(r.id), r);
    assert.equal(typeof r.check, 'function');
    assert.ok(r.stage === 'semantic' || r.stage === 'workspace', r.id);
  }
});

test('spf rules: every docs page has the sections, the severity, and examples that behave', () => {
  for (const r of spfRules) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
    assert.ok(page.startsWith(`# \`${r.id}\``), r.id);
    for (const s of SECTIONS) assert.ok(page.includes(s), `${r.id}: ${s}`);
    assert.ok(page.includes(`Default severity: ${r.defaultSeverity}`), `${r.id}: severity`);
    const count = (example: string) => check(HEAD + example).diagnostics.filter((d) => d.code === r.id).length;
    assert.ok(count(block(page, 'Flagged')) > 0, `${r.id}: the flagged example is reported`);
    assert.equal(count(block(page, 'Fixed')), 0, `${r.id}: the fixed example is not reported`);
  }
});

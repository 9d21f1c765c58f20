/** The rule registry, the docs pages and the settings schema in package.json agree key for key. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/language/checks';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ids = allRules.map((r) => r.id).sort();

test('rule ids are unique, stable kebab-case', () => {
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
});

test('every rule has a docs page and every page a rule', () => {
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(pages, ids);
  for (const id of ids) {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
    for (const section of ['## What it checks', '## Why it matters', '## How to fix']) assert.ok(text.includes(section), `${id}.md lacks "${section}"`);
  }
});

test('package.json offers a severity setting for every rule and nothing else', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const schema = pkg.contributes.configuration.properties['dnsZone.rules'];
  assert.ok(schema, 'dnsZone.rules missing: run node scripts/sync-settings.mjs');
  assert.deepEqual(Object.keys(schema.properties).sort(), ids);
  for (const id of ids) assert.deepEqual(schema.properties[id].enum, ['default', 'off', 'error', 'warning', 'information', 'hint']);
});

test('every rule has a summary and a known severity', () => {
  for (const r of allRules) {
    assert.ok(r.summary.length > 10, r.id);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity), r.id);
    assert.equal(r.check === undefined, r.stage === 'syntax', `${r.id}: only syntax-stage rules lack a check`);
  }
});

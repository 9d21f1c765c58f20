/**
 * The regex inventory is complete and current: every regular expression in server/src is listed
 * (with a verdict) in inventory.ts, every listed one still exists, and docs/robustness.md shows
 * the same table. A new regex fails this test until it is audited and listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INVENTORY, inventoryMarkdown } from './inventory';
import { REPO_ROOT, scanRegexes } from './scan';

const key = (file: string, regex: string) => `${file}  ${regex}`;

test('every regex in server/src is in the inventory, and every inventory entry is in server/src', () => {
  const sites = scanRegexes();
  assert.ok(sites.length > 50, `only ${sites.length} regexes found: is the scan broken?`);
  const inSource = new Set(sites.map((s) => key(s.file, s.written)));
  const listed = new Set(INVENTORY.map((e) => key(e.file, e.regex)));
  const unlisted = [...inSource].filter((k) => !listed.has(k));
  const gone = [...listed].filter((k) => !inSource.has(k));
  assert.deepEqual(unlisted, [], 'regexes to audit and add to test/regex/inventory.ts (then regenerate the table in docs/robustness.md)');
  assert.deepEqual(gone, [], 'inventory entries whose regex is no longer in server/src');
  assert.equal(listed.size, INVENTORY.length, 'an entry is listed twice');
});

test('every entry has a verdict, and every regex that reads zone or network text says why it is safe', () => {
  for (const e of INVENTORY) {
    assert.match(e.verdict, /^(linear|bounded|FIXED)\b/, `${e.file} ${e.regex}: verdict "${e.verdict}"`);
    assert.ok(e.reads.length > 0);
  }
});

test('docs/robustness.md holds the current inventory table', () => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'robustness.md'), 'utf8');
  const m = /<!-- regex-inventory:start -->\n([\s\S]*?)\n<!-- regex-inventory:end -->/.exec(doc);
  assert.ok(m, 'docs/robustness.md has no regex-inventory markers');
  assert.equal(m[1], inventoryMarkdown(), 'the table is stale: regenerate it with `node out/test/regex/inventory.js`');
});

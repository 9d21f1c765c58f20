/**
 * Rules of scope 'record' and 'name' (checks/rule.ts) are run on just the records an edit
 * touched, so each must find in a record exactly what it finds there when it sees the whole
 * zone. Checked on the zone corpus, the repository's fixtures and examples and a generated zone:
 * for random subsets of records (scope record) or of names with all their records (scope name),
 * the rule on the subset zone against the rule on the whole zone, restricted to findings inside
 * the subset's records. A rule that looks further fails here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, Workspace, type Zone } from '../../server/src/language/languageService';
import { allRules } from '../../server/src/language/checks';
import type { Finding, Rule } from '../../server/src/language/checks/rule';
import type { ZoneRecord } from '../../server/src/language/model/types';
import { generateZone } from '../bench/zoneGenerator';
import { REPO_ROOT } from '../parser/fixtureFiles';

const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

function zoneFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isDirectory()) zoneFiles(p, out);
    else if (st.size < 2_000_000 && !/\.(md|tsv|json|conf|py|sh|expected|txt)$/i.test(name) && name !== 'COPYRIGHT') out.push(p);
  }
  return out;
}

function findings(rule: Rule, zone: Zone): string[] {
  const out: Finding[] = [];
  const ws = new Workspace();
  ws.set('zone', zone);
  rule.check!({ zone, workspace: ws, report: (f) => out.push(f) });
  return out.map((f) => `${f.file ?? 0}:${f.start}-${f.end} ${f.message}`).sort();
}

function inside(key: string, records: ZoneRecord[]): boolean {
  const m = /^(\d+):(\d+)-(\d+) /.exec(key)!;
  const [file, start, end] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return records.some((r) => r.file === file && start >= r.start && end <= r.end);
}

/** The records whose owner is one of `names`. */
function ofNames(records: ZoneRecord[], names: string[]): ZoneRecord[] {
  const set = new Set(names);
  return records.filter((r) => set.has(r.owner));
}

/** A deterministic pseudo-random choice of about a third of the items. */
function subsetOf<T>(records: T[], seed: number): T[] {
  let s = seed;
  return records.filter(() => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % 3 === 0;
  });
}

const RARE = [
  '$ORIGIN example.com.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600',
  '@ IN NS ns1',
  '@ IN NS 192.0.2.53',
  '@ IN CNAME other.example.net.',
  'ns1 IN A 192.0.2.1',
  `_25._tcp.mx IN TLSA 4 1 1 ${'ab'.repeat(32)}`,
  `_25._tcp.mx IN TLSA 3 1 1 ${'ab'.repeat(32)}`,
  `host IN SSHFP 5 2 ${'12'.repeat(32)}`,
  `host IN SSHFP 4 2 ${'12'.repeat(32)}`,
  'sel._domainkey IN TXT "v=DKIM1; h=sha1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB"',
  '_mta-sts IN TXT "v=STSv1; id=not valid!"',
  'default._bimi IN TXT "v=BIMI1; l=http://example.com/logo.svg"',
  '',
].join('\n');

describe('rules of scope "record" and "name" see nothing else', () => {
  const recordRules = allRules.filter((r) => r.scope !== undefined && r.check);
  const texts: { name: string; text: string }[] = [
    ...zoneFiles(path.join(SHARED, 'corpus')),
    ...zoneFiles(path.join(REPO_ROOT, 'test', 'fixtures')),
    ...zoneFiles(path.join(REPO_ROOT, 'examples')),
  ].map((f) => ({ name: f, text: fs.readFileSync(f, 'utf8') }));
  texts.push({ name: 'generated 5 000 records', text: generateZone(5000).text });
  // Records that rarely occur in the corpus, each of which some rule of scope record reports.
  texts.push({ name: 'rare findings', text: RARE });

  test('there are such rules, and zones to check them on', () => {
    assert.ok(recordRules.filter((r) => r.scope === 'record').length >= 25, 'rules of scope record');
    assert.ok(recordRules.filter((r) => r.scope === 'name').length >= 10, 'rules of scope name');
    assert.ok(texts.length > 500, `${texts.length} zones`);
  });

  for (const rule of recordRules) {
    test(`${rule.id} (scope ${rule.scope})`, () => {
      let compared = 0;
      texts.forEach(({ name, text }, i) => {
        const zone = parseDocument({ text, fileName: name });
        if (zone.records.length === 0) return;
        const whole = findings(rule, zone);
        // A random third of the records (scope record) or of the names with all their records
        // (scope name), and the rest: between them, every finding.
        const third = rule.scope === 'name' ? ofNames(zone.records, subsetOf([...new Set(zone.records.map((r) => r.owner))], i + 1)) : subsetOf(zone.records, i + 1);
        const chosen = new Set(third);
        for (const subset of [third, zone.records.filter((r) => !chosen.has(r))]) {
          const expected = whole.filter((k) => inside(k, subset));
          assert.deepEqual(findings(rule, zone.withRecords(subset)), expected, `${rule.id} on ${name} (${subset.length} of ${zone.records.length} records)`);
          compared += expected.length;
        }
      });
      // A rule that never fires on any of these zones proves nothing here (dkim-key-revoked and
      // the like do fire in the corpus and fixtures).
      assert.ok(compared > 0, `${rule.id} reported nothing on ${texts.length} zones`);
    });
  }
});

/**
 * Peer proof: the zones other implementations use to test their own semantic checks, with the
 * error each one is known to contain. For every expected error whose category an integrity
 * rule covers, the rule must fire on the same record (Knot: the node name it reports; BIND: the
 * line or the name in named-checkzone's message). Categories we do not cover are listed with a
 * reason and counted. Zones the peers call valid must not get error-severity integrity findings,
 * apart from the listed disagreements.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';
import { integrityRules } from '../../../server/src/language/checks/integrity';
import type { Zone } from '../../../server/src/language/model/zone';
import type { ZoneDiagnostic, ZoneRecord } from '../../../server/src/language/model/types';
import { LineIndex } from '../../../server/src/language/text/lineIndex';
import { repoRoot } from './helpers';

const shared = path.resolve(repoRoot, '..', 'shared');
const knotDir = path.join(shared, 'corpus', 'knot-semcheck');
const bindDir = path.join(shared, 'corpus', 'bind-checkzone');
const integrityIds = new Set(integrityRules.map((r) => r.id));

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const cols = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

interface Linted {
  zone: Zone;
  text: string;
  findings: ZoneDiagnostic[];
}

/** Parse and validate one corpus file; `$INCLUDE` paths resolve from `cwd` as the peers ran them. */
function lint(file: string, origin: string, cwd: string): Linted {
  const text = fs.readFileSync(file, 'utf8');
  const zone = parseDocument({
    text,
    origin,
    fileName: file,
    readInclude: (p) => {
      try {
        return { name: p, text: fs.readFileSync(path.resolve(cwd, p), 'utf8') };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
  });
  const findings = validate(zone, singleZoneWorkspace(file, zone), {}, new LineIndex(text)).filter((d) => integrityIds.has(d.code));
  return { zone, text, findings };
}

/** The record a finding sits on. */
function recordOf(zone: Zone, d: ZoneDiagnostic): ZoneRecord | undefined {
  return zone.records.find((r) => r.file === d.file && d.start >= Math.min(r.start, r.ownerStart >= 0 ? r.ownerStart : r.start) && d.start <= r.end);
}

function lineOf(l: Linted, d: ZoneDiagnostic): number {
  return new LineIndex(l.text).lineOf(d.start) + 1;
}

interface Counts {
  asserted: number;
  uncovered: Map<string, { reason: string; n: number }>;
  notCompared: Map<string, number>;
  validChecked: number;
  disagreements: string[];
}

function newCounts(): Counts {
  return { asserted: 0, uncovered: new Map(), notCompared: new Map(), validChecked: 0, disagreements: [] };
}

function uncovered(c: Counts, category: string, reason: string): void {
  const e = c.uncovered.get(category) ?? { reason, n: 0 };
  e.n++;
  c.uncovered.set(category, e);
}

function report(t: { diagnostic(message: string): void }, name: string, c: Counts): void {
  const un = [...c.uncovered.values()].reduce((a, e) => a + e.n, 0);
  t.diagnostic(`${name}: ${c.asserted} expected errors asserted, ${un} in categories we do not cover, ${c.validChecked} valid zones checked, ${c.disagreements.length} known disagreements`);
  for (const [cat, e] of c.uncovered) t.diagnostic(`  not covered: ${cat} (${e.n}): ${e.reason}`);
  for (const [why, n] of c.notCompared) t.diagnostic(`  not compared (${n}): ${why}`);
  for (const d of c.disagreements) t.diagnostic(`  disagreement: ${d}`);
}

// ---------------------------------------------------------------- Knot DNS

type Mapping = { rules: string[] } | { reason: string };

const DNSSEC_VALIDATION = 'DNSSEC signature, chain and key-set validation is out of scope: zonelint checks record fields, not signatures or NSEC/NSEC3 chains';

/** Knot semantic-check category -> our rule(s), or why we have none. */
const KNOT_CATEGORIES: Record<string, Mapping> = {
  'missing-soa': { rules: ['soa-missing'] },
  'multiple-soa': { rules: ['soa-multiple'] },
  'cname-and-other-data': { rules: ['cname-and-other-data'] },
  'multiple-cname': { rules: ['cname-multiple'] },
  'dname-children': { rules: ['dname-with-children'] },
  'missing-ns-apex': { rules: ['ns-missing'] },
  'missing-glue': { rules: ['glue-missing'] },
  'dnskey-invalid': { rules: ['dnskey-fields'] },
  'ds-unknown-algorithm': { rules: ['ds-digest-length'] },
  'cdnskey-delete-invalid': { rules: ['dnskey-fields', 'ds-digest-length'] },
  'multiple-dname': { reason: 'no rule for two DNAMEs at one name yet (DNAME is a singleton type like CNAME; cname-multiple covers CNAME only)' },
  'dname-and-ns': { reason: 'no rule for NS beside DNAME: BIND loads such a zone (its good1.db has one), RFC 6672 §2.3 only forbids it at the apex' },
  'ds-at-apex': { reason: 'no rule for DS at the apex (it belongs in the parent zone)' },
  'deleg-at-apex': { reason: 'DELEG is a draft record type the parser does not know (reported as unknown-type)' },
  'rrsig-invalid': { reason: DNSSEC_VALIDATION },
  'nsec-chain-broken': { reason: DNSSEC_VALIDATION },
  'nsec-missing': { reason: DNSSEC_VALIDATION },
  'nsec-bitmap-wrong': { reason: DNSSEC_VALIDATION },
  'nsec3-optout-wrong': { reason: DNSSEC_VALIDATION },
  'nsec3param-flags': { reason: DNSSEC_VALIDATION },
  'nsec-superfluous': { reason: DNSSEC_VALIDATION },
  'dnskey-keytag-collision': { reason: DNSSEC_VALIDATION },
  'cds-cdnskey-mismatch': { reason: DNSSEC_VALIDATION },
  'cds-missing': { reason: DNSSEC_VALIDATION },
  'cdnskey-missing': { reason: DNSSEC_VALIDATION },
  'cdnskey-dnskey-mismatch': { reason: DNSSEC_VALIDATION },
  'cdnskey-without-cds': { reason: DNSSEC_VALIDATION },
};

/** The node names Knot 3.2.6 reported for this file and message (the apex when it named none). */
function knotNodes(primary: Record<string, string> | undefined, expectedText: string): string[] {
  const segments = (primary?.['knotc_3.2.6_messages'] ?? '').split(' || ');
  const nodes = segments.map((s) => /^check, node (\S+), (.*)$/.exec(s.trim())).filter((m): m is RegExpExecArray => m !== null);
  const exact = nodes.filter((m) => m[2].startsWith(expectedText.trim()));
  if (exact.length > 0) return [...new Set(exact.map((m) => m[1].toLowerCase()))];
  const distinct = [...new Set(nodes.map((m) => m[1].toLowerCase()))];
  return distinct.length === 1 ? distinct : ['example.com.'];
}

test('peers: Knot semantic-check zones', (t) => {
  const rows = readTsv(path.join(knotDir, 'expected.tsv'));
  const primary = new Map(readTsv(path.join(knotDir, 'expected_primary.tsv')).map((r) => [r.file, r]));
  const zonesDir = path.join(knotDir, 'zones');
  const mappedRules = new Set(Object.values(KNOT_CATEGORIES).flatMap((m) => ('rules' in m ? m.rules : [])));
  const c = newCounts();
  for (const row of rows) {
    const category = row.category;
    if (category === 'valid-without-dnssec-checks') {
      const why = 'valid for Knot only with its DNSSEC checks off (-d off)';
      c.notCompared.set(why, (c.notCompared.get(why) ?? 0) + 1);
      continue;
    }
    if (row.knot_invocation !== 'kzonecheck -o example.com') {
      const why = 'kzonecheck chose the origin itself (from the file name); the expectation depends on that choice';
      c.notCompared.set(why, (c.notCompared.get(why) ?? 0) + 1);
      continue;
    }
    const l = lint(path.join(zonesDir, row.file), 'example.com.', zonesDir);
    if (category === 'valid') {
      const wrong = l.findings.filter((d) => mappedRules.has(d.code));
      assert.deepEqual(wrong.map((d) => `${row.file}:${lineOf(l, d)} ${d.code}`), [], `${row.file} is valid for Knot`);
      c.validChecked++;
      continue;
    }
    const mapping = KNOT_CATEGORIES[category];
    assert.ok(mapping, `category ${category} of ${row.file} is in the mapping table`);
    if ('reason' in mapping) {
      uncovered(c, category, mapping.reason);
      continue;
    }
    const nodes = knotNodes(primary.get(row.file), row.expected_error_text_from_knot);
    const hits = l.findings.filter((d) => mapping.rules.includes(d.code) && nodes.includes(recordOf(l.zone, d)?.owner ?? ''));
    const expected = Math.max(1, Number(row.expected_count) || 1);
    assert.ok(
      hits.length >= expected,
      `${row.file}: expected ${expected} ${mapping.rules.join('/')} finding(s) at ${nodes.join(', ')}; got ${l.findings.map((d) => `${lineOf(l, d)}:${d.code}@${recordOf(l.zone, d)?.owner}`).join(' ') || 'none'}`,
    );
    c.asserted++;
  }
  report(t, 'Knot', c);
  assert.ok(c.asserted >= 10, 'most structural Knot categories are covered');
});

// ---------------------------------------------------------------- BIND named-checkzone

const SYNTAX_STAGE = 'syntax stage: the parser reports it (rdata-invalid, unknown-type, directive-syntax, generate-invalid), not an integrity rule';

interface BindCase {
  category: string;
  rule?: string;
  reason?: string;
  /** Where the error is when named-checkzone's message has no line number. */
  name?: string;
  type?: string;
}

/** Each bad/warn file: the category of its error (from named-checkzone's message) and our rule. */
const BIND_CASES: Record<string, BindCase> = {
  'zones-upstream-newer/bad-cname-and-key.db': { category: 'cname-and-other-data', rule: 'cname-and-other-data', name: 'good.example.', type: 'KEY' },
  'zones-upstream-newer/bad-nsec3-length.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones-upstream-newer/bad-rpz-prefix.db': { category: 'rpz-policy', reason: 'response-policy zone semantics are not zone integrity (BIND 9.18 loads the file too)' },
  'zones-upstream-newer/bad-svcb-mandatory.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones-upstream-newer/bad-svcb-servername.db': { category: 'check-names-target', rule: 'name-syntax', name: 'svcb.example.', type: 'SVCB' },
  'zones-upstream-newer/bad-svcb.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones-upstream-newer/warn.no-a.server.db': { category: 'ns-ipv6-only', reason: 'name servers with only AAAA records are valid; newer BIND warns about the missing A, we do not' },
  'zones/bad-badclass.raw': { category: 'raw-format', reason: 'BIND raw (binary) zone format, not a text zone file' },
  'zones/bad-caa-rr.db': { category: 'unknown-directive', reason: SYNTAX_STAGE },
  'zones/bad-cdnskey.db': { category: 'cds-cdnskey-consistency', reason: 'matching CDS/CDNSKEY against the DNSKEY set needs digest computation; not implemented' },
  'zones/bad-cds.db': { category: 'cds-cdnskey-consistency', reason: 'matching CDS/CDNSKEY against the DNSKEY set needs digest computation; not implemented' },
  'zones/bad-dhcid.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-dns-sd-reverse.db': { category: 'check-names-ptr', rule: 'name-syntax' },
  'zones/bad-ds.db': { category: 'ds-at-apex', reason: 'no rule for DS at the apex (it belongs in the parent zone)' },
  'zones/bad-eid.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-generate-tkey.db': { category: 'meta-type', reason: SYNTAX_STAGE },
  'zones/bad-nimloc.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-nsap-empty.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-nsap-odd-nibble.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-nsec3-padded.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad-nsec3owner-padded.db': { category: 'check-names-owner', reason: 'name-syntax checks host names (A/AAAA owners), not NSEC3 hashed owners' },
  'zones/bad-tkey.db': { category: 'meta-type', reason: SYNTAX_STAGE },
  'zones/bad-tsig.db': { category: 'meta-type', reason: SYNTAX_STAGE },
  'zones/bad-unspec.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad1.db': { category: 'rdata-syntax', reason: SYNTAX_STAGE },
  'zones/bad2.db': { category: 'generate-range', reason: SYNTAX_STAGE },
  'zones/bad3.db': { category: 'generate-range', reason: SYNTAX_STAGE },
  'zones/bad4.db': { category: 'generate-range', reason: SYNTAX_STAGE },
  'zones/badttl.db': { category: 'directive-syntax', reason: SYNTAX_STAGE },
  'zones/delegating-ns-address-below-dname.db': { category: 'ns-below-dname', rule: 'ns-target-is-cname', name: 'sub.example.com.', type: 'NS' },
  'zones/ns-address-below-dname.db': { category: 'ns-below-dname', rule: 'ns-target-is-cname', name: 'example.com.', type: 'NS' },
  'zones/spf.db': { category: 'spf-type-without-txt', rule: 'spf-rr-type', name: 'y.example.', type: 'SPF' },
  'zones/warn.inherit.origin.db': { category: 'inherited-owner-after-origin', reason: 'a record that inherits its owner right after $ORIGIN: not checked yet' },
  'zones/warn.inherited.owner.db': { category: 'inherited-owner-after-origin', reason: 'a record that inherits its owner right after $ORIGIN: not checked yet' },
};

/** Good files where our error-severity findings are deliberate, with why. */
const BIND_DISAGREEMENTS: Record<string, { rule: string; why: string }> = {
  'zones/good-nsap.db': { rule: 'name-missing-trailing-dot', why: 'the owner "example" in zone "example." becomes example.example.; the BIND test does not care about the name, we flag the doubled origin' },
  'zones/good-occulted-ns-by-dname.db': { rule: 'dname-with-children', why: 'BIND loads names below an apex DNAME (occluded); RFC 6672 §2.4 and Knot forbid them' },
};

/** The origin named-checkzone was given (the argument before the file). */
function bindOrigin(invocation: string): string {
  const words = invocation.trim().split(/\s+/);
  return words[words.length - 2] + '.';
}

test('peers: BIND named-checkzone zones', (t) => {
  const rows = readTsv(path.join(bindDir, 'expected.tsv'));
  const c = newCounts();
  for (const row of rows) {
    const file = row.file;
    const expected = row.expected;
    if (expected === 'include-fragment') {
      c.notCompared.set('an $INCLUDE fragment, not a zone', (c.notCompared.get('an $INCLUDE fragment, not a zone') ?? 0) + 1);
      continue;
    }
    if (file.endsWith('.raw')) {
      uncovered(c, BIND_CASES[file].category, BIND_CASES[file].reason!);
      continue;
    }
    const l = lint(path.join(bindDir, file), bindOrigin(row['upstream_invocation_run_here(cwd=bind-checkzone/)']), bindDir);
    if (expected === 'good') {
      const errors = l.findings.filter((d) => d.severity === 'error');
      const known = BIND_DISAGREEMENTS[file];
      if (known) {
        assert.ok(errors.length > 0 && errors.every((d) => d.code === known.rule), `${file}: only the known disagreement (${known.rule})`);
        c.disagreements.push(`${file}: ${known.rule}: ${known.why}`);
      } else {
        assert.deepEqual(errors.map((d) => `${lineOf(l, d)}:${d.code}`), [], `${file} is good for BIND: no integrity errors`);
      }
      c.validChecked++;
      continue;
    }
    const k = BIND_CASES[file];
    assert.ok(k, `${file} (${expected}) is in the case table`);
    if (!k.rule) {
      uncovered(c, k.category, k.reason!);
      continue;
    }
    const message = row.named_checkzone_message_here;
    const line = /\.db:([0-9]+):/.exec(message);
    const hits = l.findings.filter((d) => {
      if (d.code !== k.rule) return false;
      if (line && !k.name) return lineOf(l, d) === Number(line[1]);
      const r = recordOf(l.zone, d);
      return r !== undefined && r.owner === k.name && (!k.type || r.type === k.type);
    });
    assert.ok(hits.length > 0, `${file}: ${k.rule} fires ${line && !k.name ? `on line ${line[1]}` : `on ${k.name} ${k.type ?? ''}`}; got ${l.findings.map((d) => `${lineOf(l, d)}:${d.code}`).join(' ') || 'none'}`);
    c.asserted++;
  }
  report(t, 'BIND', c);
  assert.ok(c.asserted >= 5);
});

/**
 * Differential test against BIND (named-checkzone / named-compilezone, bind9-utils): the shared
 * corpus, the hand-written fixtures and seeded random zones are each loaded by both; the
 * verdicts must agree, and for zones both load the record sets must be identical in wire format
 * (test/oracle/compare.ts). Disagreements are allowed only through allowlist.ts.
 *
 * Without BIND's tools the test is skipped, except under CI (process.env.CI), where it fails.
 */
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileZone, findBindTools } from '../oracle/bind';
import { compareRecords } from '../oracle/compare';
import { corpusAvailable, readCorpus } from '../oracle/corpus';
import { parseForOracle, runCase, type CaseOutcome } from '../oracle/differential';
import { allowanceFor, INCLUDE_BASE } from './allowlist';
import { listFixtures, FIXTURE_DIR } from './fixtureFiles';
import { generateZone } from './zoneGenerator';

const tools = findBindTools();

interface Tally {
  compared: number;
  kinds: Record<string, number>;
  allowed: Record<string, number>;
  normalised: Record<string, number>;
  lines: { bind: number; matched: number };
  failures: string[];
}

function newTally(): Tally {
  return { compared: 0, kinds: {}, allowed: {}, normalised: {}, lines: { bind: 0, matched: 0 }, failures: [] };
}

function add(m: Record<string, number>, k: string, n = 1): void {
  m[k] = (m[k] ?? 0) + n;
}

function describeOutcome(o: CaseOutcome): string {
  const parts = [`${o.label}: ${o.kind}`];
  if (o.bind.failures.length) parts.push(`  BIND: ${o.bind.failures.slice(0, 3).map((f) => `[${f.id}] line ${f.line}: ${f.text}`).join(' | ')}`);
  if (o.ours.length) parts.push(`  ours: ${o.ours.slice(0, 3).map((f) => `[${f.id}] ${f.message}`).join(' | ')}`);
  if (o.compileError) parts.push(`  named-compilezone: ${o.compileError.slice(0, 300)}`);
  if (o.records && !o.records.equal) {
    const r = o.records;
    parts.push(`  records: ours ${r.oursCompared}, BIND ${r.bindCount}`);
    for (const m of r.missing.slice(0, 5)) parts.push(`    only BIND: ${m}`);
    for (const x of r.extra.slice(0, 5)) parts.push(`    only ours: ${x}`);
    for (const u of r.unencodable.slice(0, 5)) parts.push(`    not encodable: ${u}`);
  }
  return parts.join('\n');
}

/** Record one outcome; returns whether it is an agreement or an allowed disagreement. */
function judge(t: Tally, o: CaseOutcome): boolean {
  t.compared++;
  add(t.kinds, o.kind);
  if (o.records) for (const [k, n] of Object.entries(o.records.normalised)) add(t.normalised, k, n);
  t.lines.bind += o.lines.bind;
  t.lines.matched += o.lines.matched;
  if (INCLUDE_BASE.matches(o)) add(t.allowed, INCLUDE_BASE.id);
  if (o.kind === 'agree-accept' || o.kind === 'agree-reject') return true;
  const allowance = allowanceFor(o);
  if (allowance) {
    add(t.allowed, allowance.id);
    return true;
  }
  t.failures.push(describeOutcome(o));
  return false;
}

function report(t: TestContext, what: string, tally: Tally): void {
  const fmt = (m: Record<string, number>): string => Object.entries(m).map(([k, n]) => `${k}=${n}`).join(', ') || 'none';
  t.diagnostic(`${what}: ${tally.compared} files compared with ${tools?.version ?? 'BIND'}`);
  t.diagnostic(`${what}: outcomes: ${fmt(tally.kinds)}`);
  t.diagnostic(`${what}: allowlisted: ${fmt(tally.allowed)}`);
  t.diagnostic(`${what}: BIND loading transformations applied to our side: ${fmt(tally.normalised)}`);
  if (tally.lines.bind > 0) t.diagnostic(`${what}: BIND syntax-error lines we also flag: ${tally.lines.matched}/${tally.lines.bind}`);
  assert.deepEqual(tally.failures, [], `${tally.failures.length} disagreement(s) with BIND not in the allowlist:\n${tally.failures.join('\n')}`);
}

describe('differential: BIND as the oracle', () => {
  if (!tools) {
    test('named-checkzone and named-compilezone are installed', (t) => {
      if (process.env.CI) assert.fail('BIND tools (bind9-utils) are required under CI');
      t.skip('named-checkzone not found: install bind9-utils to run the differential tests');
    });
    return;
  }
  const bind = tools;

  test('the record comparison notices a wrong TTL, rdata byte, owner or a missing record', () => {
    const fixture = listFixtures('ok').find((f) => f.name === 'quoted-strings.zone')!;
    const job = { origin: fixture.origin, file: fixture.file };
    const compiled = compileZone(bind, job);
    assert.ok(compiled.records, compiled.output);
    const fresh = () => parseForOracle(job, fixture.text);
    assert.equal(compareRecords(fresh(), compiled.records).equal, true, 'unmodified zone must compare equal');
    const mutations: [string, (z: ReturnType<typeof fresh>) => void][] = [
      ['ttl', (z) => (z.records[4].ttl += 1)],
      ['owner', (z) => (z.records[4].owner = 'other.example.com.')],
      ['dropped', (z) => z.records.splice(4, 1)],
      ['txt byte', (z) => {
        const s = z.records.find((r) => r.type === 'TXT')!.rdata[0].value as { value: string }[];
        s[0] = { ...s[0], value: s[0].value + 'x' };
      }],
      ['name case in TXT', (z) => {
        const s = z.records.find((r) => r.type === 'TXT' && r.owner.startsWith('q10.'))!.rdata[0].value as { value: string }[];
        s[0] = { ...s[0], value: s[0].value.toUpperCase() };
      }],
    ];
    for (const [what, mutate] of mutations) {
      const z = fresh();
      mutate(z);
      assert.equal(compareRecords(z, compiled.records).equal, false, `a changed ${what} went unnoticed`);
    }
  });

  test('corpus (../shared/corpus)', (t) => {
    if (!corpusAvailable()) {
      if (process.env.CI) assert.fail('the shared corpus is missing');
      t.skip('../shared/corpus not found');
      return;
    }
    const tally = newTally();
    for (const e of readCorpus()) judge(tally, runCase(bind, e.name, e.job, e.recordedExit));
    assert.ok(tally.compared > 500, `only ${tally.compared} corpus files`);
    report(t, 'corpus', tally);
  });

  test('hand-written fixtures: ok/ load in both, err/ are refused by both', (t) => {
    const tally = newTally();
    for (const kind of ['ok', 'err'] as const) {
      for (const f of listFixtures(kind)) {
        const o = runCase(bind, `${kind}/${f.name}`, { origin: f.origin, file: f.file, cwd: path.join(FIXTURE_DIR, kind), zoneClass: f.zoneClass });
        const agreed = judge(tally, o);
        // A fixture must show what its folder says, unless it documents an allowed difference.
        if (agreed && o.kind !== (kind === 'ok' ? 'agree-accept' : 'agree-reject') && !allowanceFor(o)) tally.failures.push(`${o.label}: in ${kind}/ but ${o.kind}`);
      }
    }
    report(t, 'fixtures', tally);
  });

  test('generated zones (seeded), clean and with deliberate defects', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-gen-'));
    const tally = newTally();
    try {
      for (let seed = 1; seed <= 60; seed++) {
        const withDefects = seed % 2 === 0;
        const g = generateZone(seed, withDefects);
        const file = path.join(dir, `gen-${seed}.zone`);
        fs.writeFileSync(file, g.text);
        const o = runCase(bind, `generated seed ${seed}${withDefects ? ` defects ${g.defects.join(',')}` : ''}`, { origin: g.origin, file });
        judge(tally, o);
        const expected = withDefects ? 'agree-reject' : 'agree-accept';
        if (o.kind !== expected) tally.failures.push(`${o.label}: expected ${expected}, got ${o.kind}`);
        // Recovery: every well-formed record is kept, whatever the defects around it.
        const kept = o.zone.records.filter((r) => r.valid).length;
        if (kept < g.goodRecords) tally.failures.push(`${o.label}: kept ${kept} valid records of ${g.goodRecords} well-formed ones`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    report(t, 'generated', tally);
  });
});

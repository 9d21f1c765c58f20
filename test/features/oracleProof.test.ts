/**
 * Proof with BIND as the oracle that the editing features keep a zone's meaning:
 *  - formatting: every example zone and a sample of ~30 corpus zones that named-checkzone
 *    accepts load (named-compilezone, raw dump) to the same record set before and after;
 *  - sorting: the same, for every one of those zones the sort action would change;
 *  - quick fixes: for every example zone (and the corpus sample) BIND accepts, each automatic
 *    (preferred) fix of each finding, applied alone, leaves a zone BIND still accepts.
 * Skipped when BIND's tools are missing, except under CI, where that is a failure.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkZone, compileZone, findBindTools, type BindTools, type ZoneJob } from '../oracle/bind';
import { corpusAvailable, readCorpus } from '../oracle/corpus';
import { toHex, asciiLower, type BindRecord } from '../oracle/rawFormat';
import { parseDocument, validate, Workspace } from '../../server/src/language/languageService';
import { formatDocument, applyTextEdits } from '../../server/src/language/features/format/format';
import { sortRecords } from '../../server/src/language/features/sortRecords';
import { applyEdits, ruleFixes } from '../../server/src/language/features/codeActions';
import { isAutomaticFix } from '../../server/src/language/checks/rule';
import { REPO_ROOT } from './helpers';

const tools = findBindTools();
const skip = tools ? false : process.env.CI ? false : 'named-checkzone / named-compilezone not installed';

interface Sample {
  name: string;
  job: ZoneJob;
  text: string;
}

function exampleZones(): Sample[] {
  const dir = path.join(REPO_ROOT, 'examples');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.zone'))
    .sort()
    .map((f) => ({ name: `examples/${f}`, job: { origin: f.replace(/\.zone$/, ''), file: path.join(dir, f) }, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** About 30 corpus zones BIND accepted, spread over the corpus, without $INCLUDE (the copy is compiled elsewhere). */
function corpusSample(): Sample[] {
  if (!corpusAvailable()) return [];
  const accepted = readCorpus().filter((e) => e.recordedExit === 0 && fs.existsSync(e.job.file));
  const step = Math.max(1, Math.floor(accepted.length / 30));
  const out: Sample[] = [];
  for (let i = 0; i < accepted.length && out.length < 30; i += step) {
    const e = accepted[i];
    const text = fs.readFileSync(e.job.file, 'utf8');
    if (/^\s*\$INCLUDE/im.test(text) || text.length > 2_000_000) continue;
    out.push({ name: e.name, job: e.job, text });
  }
  return out;
}

/** A loaded record set as sorted comparable lines (owner case-folded: RFC 4343). */
function recordSet(records: readonly BindRecord[]): string[] {
  return records.map((r) => `${toHex(asciiLower(r.owner))} ${r.class} ${r.type} ${r.covers} ${r.ttl} ${toHex(r.rdata)}`).sort();
}

/** Compile `text` as the zone of `job` (written to a scratch file), or null when BIND refuses it. */
function compileText(t: BindTools, job: ZoneJob, text: string): string[] | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-proof-'));
  try {
    const file = path.join(dir, 'zone.db');
    fs.writeFileSync(file, text);
    const r = compileZone(t, { ...job, file, cwd: dir });
    return r.records ? recordSet(r.records) : null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function acceptsText(t: BindTools, job: ZoneJob, text: string): { accepted: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-proof-'));
  try {
    const file = path.join(dir, 'zone.db');
    fs.writeFileSync(file, text);
    const r = checkZone(t, { ...job, file, cwd: dir });
    return { accepted: r.accepted, output: r.output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function zoneOfSample(s: Sample) {
  const origin = s.job.origin.endsWith('.') ? s.job.origin : `${s.job.origin}.`;
  return parseDocument({ text: s.text, origin, fileName: s.job.file });
}

describe('oracle proof: editing keeps what BIND loads', { skip }, () => {
  test('BIND tools are present (required under CI)', () => {
    assert.ok(tools, 'named-checkzone and named-compilezone must be installed when CI is set');
  });

  test('formatting and sorting: same record set before and after', (t) => {
    const samples = [...exampleZones(), ...corpusSample()];
    assert.ok(samples.length >= 20, `only ${samples.length} samples`);
    let formatted = 0;
    let sorted = 0;
    let compiled = 0;
    const failures: string[] = [];
    for (const s of samples) {
      const before = compileText(tools!, s.job, s.text);
      if (before) compiled++;
      if (!before) continue; // BIND refuses this copy (e.g. the example meant to show mistakes)
      const zone = zoneOfSample(s);
      const edits = formatDocument(zone);
      if (edits.length > 0) {
        formatted++;
        const after = compileText(tools!, s.job, applyTextEdits(s.text, edits));
        if (!after) failures.push(`${s.name}: BIND refuses the formatted zone`);
        else if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${s.name}: formatting changed the record set`);
      }
      const sort = sortRecords(zone);
      if (sort) {
        sorted++;
        const after = compileText(tools!, s.job, applyEdits(s.text, [sort]));
        if (!after) failures.push(`${s.name}: BIND refuses the sorted zone`);
        else if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${s.name}: sorting changed the record set`);
      }
    }
    assert.deepEqual(failures, []);
    t.diagnostic(`${samples.length} zones, ${compiled} loaded by BIND, ${formatted} reformatted, ${sorted} reordered`);
    assert.ok(formatted > 0 && sorted > 0, `formatted ${formatted}, sorted ${sorted}: the proof must exercise both`);
  });

  test('each automatic quick fix alone keeps an accepted zone accepted', (t) => {
    const failures: string[] = [];
    let applied = 0;
    // Every example zone, and the corpus sample too: the example with the most fixable findings
    // (mail-mistakes.zone) has no SOA, so BIND refuses it before and after.
    for (const s of [...exampleZones(), ...corpusSample()]) {
      if (!acceptsText(tools!, s.job, s.text).accepted) continue;
      const zone = zoneOfSample(s);
      const workspace = new Workspace();
      workspace.set(s.job.file, zone);
      for (const d of validate(zone, workspace)) {
        if (d.file !== 0) continue;
        for (const fix of ruleFixes(d, zone, workspace).filter(isAutomaticFix)) {
          if (fix.edits.some((e) => (e.file ?? 0) !== 0 || e.uri)) continue;
          applied++;
          const r = acceptsText(tools!, s.job, applyEdits(s.text, fix.edits));
          if (!r.accepted) failures.push(`${s.name}: ${d.code} "${fix.title}" makes BIND refuse the zone: ${r.output.trim().split('\n')[0]}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    t.diagnostic(`${applied} automatic fixes applied one at a time`);
    assert.ok(applied > 0, 'some automatic fix was tried');
  });
});

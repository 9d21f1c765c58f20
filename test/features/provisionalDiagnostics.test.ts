/**
 * The provisional diagnostics the server shows right after an edit of a large zone
 * (features/provisionalDiagnostics.ts): for the parse and for every rule of scope 'record' or
 * 'name' they must be exactly what a whole validation of the new text gives; findings of the
 * other rules are the previous ones, moved past the edit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, reparseDocument, validate, Workspace } from '../../server/src/language/languageService';
import { ZoneValidation } from '../../server/src/language/features/diagnostics';
import { provisionalDiagnostics } from '../../server/src/language/features/provisionalDiagnostics';
import { allRules } from '../../server/src/language/checks';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import type { ZoneDiagnostic } from '../../server/src/language/model/types';
import { generateZone } from '../bench/zoneGenerator';
import { fuzzParams } from '../fuzz/config';

const FILE = '/zones/zone-bench.example.zone';
const SCOPED_IDS = new Set(allRules.filter((r) => r.scope !== undefined).map((r) => r.id));

const key = (d: ZoneDiagnostic): string => `${d.code} ${d.file}:${d.start}-${d.end} ${d.message}`;

/** Edits that change what record rules find: SPF and DKIM text, addresses, whole lines. */
const PIECES = ['www IN A 192.0.2.1\n', 'www IN CNAME other\n', '@ IN TXT "v=spf1 -all"\n', ' 60 ', 'include=', 'include:', ' +all', ' ?all', ' ptr', 'v=spf1 ', 'v=DKIM1; h=sha1; ', ' p=', '"', '\n', ' ', 'x', 'TXT "v=spf1 a -all"\n', 'CAA 0 issue "ca.example"\n', 'CAA 0 bogus "x"\n', ' NS 192.0.2.1\n'];

describe('provisional diagnostics after an edit', () => {
  const base = generateZone(3000).text;

  test('parse, record-rule and name-rule findings equal a whole validation', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.nat({ max: 12 }), fc.constantFrom(...PIECES), (at, remove, insert) => {
        const before = parseDocument({ text: base, fileName: FILE });
        const ws = new Workspace();
        ws.set(FILE, before);
        const previous = new ZoneValidation(before, ws, {}, new LineIndex(base));
        const ruleFindings = previous.ruleFindings();
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + remove));
        const r = reparseDocument(before, { text, fileName: FILE });
        if (!r.change || !r.incremental) return; // a whole parse: no provisional result is made
        ws.set(FILE, r.zone);
        const lines = new LineIndex(text);
        const quick = provisionalDiagnostics(r.zone, { text: base, ruleFindings, stretch: r.stretch }, r.change, {}, lines, ws);
        const whole = validate(r.zone, ws, {}, lines);
        const parse = new Set(r.zone.parseDiagnostics.map(key));
        const exact = (d: ZoneDiagnostic): boolean => parse.has(key(d)) || SCOPED_IDS.has(d.code);
        assert.deepEqual(quick.all.filter(exact).map(key).sort(), whole.filter(exact).map(key).sort());
        checked++;
      }),
      fuzzParams(60),
    );
    assert.ok(checked > 30, `only ${checked} edits were parsed incrementally`);
  });

  test('a duplicate far apart: editing the early copy clears the finding on the late one', () => {
    // An early record, written again (absolute owner) at the end of the file: a duplicate pair
    // whose records sit in different stretches.
    const line = base.split('\n').find((l) => /^\S+\s+(\d+\s+)?(IN\s+)?A\s+10\./.test(l))!;
    const owner = line.split(/\s+/)[0];
    const copy = `${owner === '@' ? 'zone-bench.example.' : owner.endsWith('.') ? owner : owner + '.zone-bench.example.'} IN A ${line.split(/\s+/).pop()}\n`;
    const text1 = `${base}${base.endsWith('\n') ? '' : '\n'}${copy}`;
    const z1 = parseDocument({ text: text1, fileName: FILE });
    const ws = new Workspace();
    ws.set(FILE, z1);
    const v1 = new ZoneValidation(z1, ws, {}, new LineIndex(text1));
    assert.ok(v1.result().some((d) => d.code === 'duplicate-record'), `a duplicate of ${line}`);
    // Change the early copy: the finding on the late one, far outside the stretch, must go.
    const at = text1.indexOf(`${line}\n`);
    const text2 = text1.slice(0, at) + line.replace(/\.(\d+)$/, '.254') + text1.slice(at + line.length);
    const r = reparseDocument(z1, { text: text2, fileName: FILE });
    assert.ok(r.incremental && r.change && r.stretch);
    ws.set(FILE, r.zone);
    const lines = new LineIndex(text2);
    const quick = provisionalDiagnostics(r.zone, { text: text1, ruleFindings: v1.ruleFindings(), stretch: r.stretch }, r.change, {}, lines, ws);
    const scoped = (d: ZoneDiagnostic): boolean => SCOPED_IDS.has(d.code);
    assert.deepEqual(quick.all.filter(scoped).map(key).sort(), validate(r.zone, ws, {}, lines).filter(scoped).map(key).sort());
    assert.equal(quick.all.filter((d) => d.code === 'duplicate-record').length, 0);
  });

  test('a broken SPF term far down the file is reported at once, and gone at once when fixed', () => {
    const before = parseDocument({ text: base, fileName: FILE });
    const ws = new Workspace();
    ws.set(FILE, before);
    const first = new ZoneValidation(before, ws, {}, new LineIndex(base)).ruleFindings();
    const at = base.indexOf('include:', Math.floor(base.length * 0.8));
    assert.ok(at > 0);
    const broken = base.slice(0, at) + 'include=' + base.slice(at + 'include:'.length);
    const r = reparseDocument(before, { text: broken, fileName: FILE });
    assert.ok(r.incremental && r.change);
    const quick = provisionalDiagnostics(r.zone, { text: base, ruleFindings: first, stretch: r.stretch }, r.change, {}, new LineIndex(broken), ws);
    assert.ok(quick.all.some((d) => d.code === 'spf-syntax' && d.start <= at && at < d.end + 8), 'spf-syntax at the broken term');
    const back = reparseDocument(r.zone, { text: base, fileName: FILE });
    const again = provisionalDiagnostics(back.zone, { text: broken, ruleFindings: quick.ruleFindings, stretch: back.stretch }, back.change!, {}, new LineIndex(base), ws);
    assert.equal(again.all.filter((d) => d.code === 'spf-syntax').length, first.filter((d) => d.code === 'spf-syntax').length);
  });
});


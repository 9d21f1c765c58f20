/**
 * The spf-multiple-records merge on generated pairs of SPF records (long ones too, which are
 * written as several strings): afterwards the name has one SPF record, it parses without error,
 * and it holds the mechanisms of the first record, then those of the second it did not have, then
 * the stricter `all` (the documented rule, checked against the record receivers will read).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, validate } from '../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../server/src/language/workspace/workspace';
import { applyEdits, ruleFixes } from '../../server/src/language/features/codeActions';
import { parseSpf } from '../../server/src/language/spf';
import type { CharString } from '../../server/src/language/text/charString';
import { fuzzParams } from './config';
import { show } from './invariants';

const HEAD = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hm 1 4h 1h 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.1\n@ IN MX 10 ns1\n';

const mechanism = fc.oneof(
  fc.constantFrom('a', 'mx', 'ptr', 'A', 'MX/24', '+a', '?mx', '-a:example.net'),
  fc.integer({ min: 0, max: 255 }).map((n) => `ip4:198.51.100.${n}`),
  fc.integer({ min: 0, max: 30 }).map((n) => `include:_spf${n}.example.net`),
  fc.integer({ min: 1, max: 9 }).map((n) => `ip6:2001:db8::${n}/64`),
);
const all = fc.constantFrom('', '-all', '~all', '?all', '+all', 'all');
const record = fc.tuple(fc.array(mechanism, { maxLength: 24 }), all).map(([terms, a]) => ['v=spf1', ...terms, ...(a ? [a] : [])].join(' '));

const STRICTNESS: Record<string, number> = { '-': 3, '~': 2, '?': 1, '+': 0 };
const qualified = (t: string) => ('+-~?'.includes(t[0]) ? t : `+${t}`);

/** What the merge promises: mechanisms in order without repeats (qualifier and case aside from the name), then the strictest all. */
function expectedTerms(a: string, b: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const alls: string[] = [];
  for (const r of [a, b]) {
    for (const t of r.split(' ').slice(1)) {
      const q = qualified(t);
      if (q.slice(1).toLowerCase() === 'all') alls.push(q);
      else if (!seen.has(q.toLowerCase())) {
        seen.add(q.toLowerCase());
        out.push(q.toLowerCase());
      }
    }
  }
  if (alls.length > 0) out.push(alls.reduce((x, y) => (STRICTNESS[y[0]] > STRICTNESS[x[0]] ? y : x)).toLowerCase());
  return out;
}

/** A TXT record's value as strings in presentation form: one string, or several of at most 255 octets. */
const asTxt = (value: string) => (value.length <= 255 ? `"${value}"` : value.match(/.{1,200}/g)!.map((s) => `"${s}"`).join(' '));

describe('the spf-multiple-records merge', () => {
  test('leaves one SPF record that parses and holds both sets of mechanisms and the stricter all', () => {
    let merged = 0;
    fc.assert(
      fc.property(record, record, (a, b) => {
        const text = `${HEAD}@ IN TXT ${asTxt(a)}\n@ IN TXT ${asTxt(b)}\n`;
        const zone = parseDocument({ text, origin: 'example.com.' });
        const ws = singleZoneWorkspace('z', zone);
        const d = validate(zone, ws).find((x) => x.code === 'spf-multiple-records');
        assert.ok(d, `two SPF records are reported in ${show(text)}`);
        const fix = ruleFixes(d, zone, ws).find((f) => f.isPreferred);
        if (!fix) return; // not offered (e.g. the text would not fit): nothing to check
        merged++;
        const out = applyEdits(text, fix.edits);
        const after = parseDocument({ text: out, origin: 'example.com.' });
        const context = `${show(text, 600)} became ${show(out, 600)}`;
        assert.deepEqual(after.parseDiagnostics.filter((x) => x.severity === 'error'), [], context);
        const spf = after.records.filter((r) => r.type === 'TXT' && r.owner === 'example.com.');
        assert.equal(spf.length, 1, context);
        const strings = spf[0].rdata[0].value as CharString[];
        const parsed = parseSpf(strings);
        assert.deepEqual(parsed.errors, [], context);
        assert.deepEqual(parsed.terms.map((t) => qualified(t.text).toLowerCase()), expectedTerms(a, b), context);
        assert.ok(strings.every((s) => Buffer.byteLength(s.value, 'utf8') <= 255), context);
      }),
      fuzzParams(300, 2),
    );
    assert.ok(merged > 0);
  });
});

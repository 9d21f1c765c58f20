import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';
import { ruleFixes, applyEdits } from '../../../server/src/language/features/codeActions';

const head = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hm 1 4h 1h 2w 1h\n@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n';
const long = 'v=spf1 ' + Array.from({ length: 40 }, (_, i) => `ip4:198.51.100.${i + 1}`).join(' ') + ' -all';

function findings(text: string) {
  const zone = parseDocument({ text, origin: 'example.com.' });
  const ws = singleZoneWorkspace('z', zone);
  return { zone, ws, diags: validate(zone, ws) };
}

test('a string over 255 octets is reported at the string, and the record is kept', () => {
  const text = `${head}@ IN TXT "${long}"\n`;
  const { zone, diags } = findings(text);
  const d = diags.filter((x) => x.code === 'txt-string-too-long');
  assert.equal(d.length, 1);
  assert.equal(text.slice(d[0].start, d[0].end), `"${long}"`);
  assert.match(d[0].message, new RegExp(`${long.length} octets`));
  assert.ok(zone.records.some((r) => r.type === 'TXT' && r.valid), 'the record stays in the model');
  assert.ok(!diags.some((x) => x.code === 'rdata-invalid'));
});

test('255 octets exactly is fine', () => {
  const { diags } = findings(`${head}@ IN TXT "${'a'.repeat(255)}"\n`);
  assert.ok(!diags.some((x) => x.code === 'txt-string-too-long'));
});

test('the fix splits into strings of at most 255 octets that join to the same value', () => {
  const value = 'note: ' + long + ' \\"quoted\\" \\059 ' + 'x'.repeat(300);
  const text = `${head}@ IN TXT "${value}"\n`;
  const { zone, ws, diags } = findings(text);
  const d = diags.find((x) => x.code === 'txt-string-too-long')!;
  const [fix] = ruleFixes(d, zone, ws);
  assert.ok(fix.isPreferred);
  const fixed = applyEdits(text, fix.edits);
  const after = findings(fixed);
  assert.ok(!after.diags.some((x) => x.severity === 'error'), JSON.stringify(after.diags.filter((x) => x.severity === 'error')));
  const before = zone.records.find((r) => r.type === 'TXT')!.rdata[0].value as { value: string }[];
  const txt = after.zone.records.find((r) => r.type === 'TXT')!.rdata[0].value as { value: string }[];
  assert.ok(txt.length >= 3);
  assert.ok(txt.every((s) => Buffer.byteLength(s.value, 'utf8') <= 255));
  assert.equal(txt.map((s) => s.value).join(''), before.map((s) => s.value).join(''));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyPreferred, check, fixture, fixTitles, HEAD, only } from './helpers';

test('spf-multiple-records: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-multiple-records.zone'), ['spf-multiple-records', 'spf-joined-badly']);
  assert.match(found.filter((f) => f.code === 'spf-multiple-records')[1].message, /^3 SPF records at three\.example\.com: .*RFC 7208 §4\.5/);
});

test('spf-multiple-records: the others are related locations', () => {
  const c = check(fixture('spf-multiple-records.zone'));
  const [apex, second, third] = only(c, 'spf-multiple-records');
  assert.deepEqual(apex.related?.map((r) => c.text.slice(r.start, r.end)), ['v=spf1']);
  assert.equal(apex.related?.[0].start, c.text.indexOf('"v=spf1 ip4') + 1);
  assert.equal(second.related?.length, 2);
  assert.equal(third.related?.length, 2);
});

test('spf-multiple-records: two plain records merge into the first, keeping the stricter all', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 ip4:192.0.2.0/24 -all"\nwww IN A 192.0.2.80\n@ IN TXT "v=spf1 include:_spf.example.net ~all"\nftp IN A 192.0.2.21\n`;
  assert.equal(
    applyPreferred(check(text), 'spf-multiple-records'),
    `${HEAD}@ IN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all"\nwww IN A 192.0.2.80\nftp IN A 192.0.2.21\n`,
  );
});

test('spf-multiple-records: the merge drops duplicate terms and takes ~all over ?all', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 mx a ?all"\n    IN TXT "v=spf1 +MX ip4:192.0.2.1 ~all"\n`;
  const fixed = applyPreferred(check(text), 'spf-multiple-records');
  assert.equal(fixed, `${HEAD}@ IN TXT "v=spf1 mx a ip4:192.0.2.1 ~all"\n`);
  assert.deepEqual(only(check(fixed), 'spf-multiple-records'), []);
});

test('spf-multiple-records: without any all the merge has none; a long merge is split into strings of at most 255 octets', () => {
  assert.equal(applyPreferred(check(`${HEAD}@ IN TXT "v=spf1 mx"\n@ IN TXT "v=spf1 a"\n`), 'spf-multiple-records'), `${HEAD}@ IN TXT "v=spf1 mx a"\n`);
  const many = (from: number) => Array.from({ length: 6 }, (_, i) => `ip4:198.51.100.${from + i}/32`).join(' ');
  // Each record is two strings (one would be over 255 octets).
  const text = `${HEAD}@ IN TXT "v=spf1 ${many(0)} " "${many(6)} -all"\n@ IN TXT "v=spf1 ${many(100)} " "${many(106)} -all"\n`;
  const fixed = applyPreferred(check(text), 'spf-multiple-records');
  const line = fixed.split('\n').find((l) => l.startsWith('@ IN TXT'))!;
  const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  assert.ok(strings.length === 3 && strings.every((s) => s.length <= 255), line);
  assert.equal(strings.join(''), `v=spf1 ${many(0)} ${many(6)} ${many(100)} ${many(106)} -all`);
  const after = check(fixed);
  assert.deepEqual(only(after, 'spf-multiple-records'), []);
  assert.deepEqual(only(after, 'spf-syntax'), []);
});

test('spf-multiple-records: no fix when merging is not plainly safe', () => {
  const cases = [
    // three records
    `@ IN TXT "v=spf1 a -all"\n@ IN TXT "v=spf1 mx -all"\n@ IN TXT "v=spf1 -all"\n`,
    // a modifier: two policies cannot be joined
    `@ IN TXT "v=spf1 a -all"\n@ IN TXT "v=spf1 redirect=_spf.example.net"\n`,
    // a syntax error
    `@ IN TXT "v=spf1 a -all"\n@ IN TXT "v=spf1 foo -all"\n`,
    // terms after all
    `@ IN TXT "v=spf1 a -all mx"\n@ IN TXT "v=spf1 mx -all"\n`,
    // the second record cannot be deleted without changing the next line's owner
    `b IN TXT "v=spf1 -all"\nc IN A 192.0.2.9\nb IN TXT "v=spf1 mx -all"\n  IN A 192.0.2.10\n`,
  ];
  for (const body of cases) {
    const c = check(HEAD + body);
    assert.ok(only(c, 'spf-multiple-records').length > 0, body);
    assert.ok(fixTitles(c, 'spf-multiple-records').every((titles) => titles.length === 0), body);
  }
});

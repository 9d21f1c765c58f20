import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyPreferred, check, fixture, fixTitles, HEAD, only } from './helpers';

test('spf-missing: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-missing.zone'), ['spf-missing', 'spf-joined-badly']);
  const messages = found.filter((f) => f.code === 'spf-missing').map((f) => f.message);
  assert.match(messages[0], /^example\.com has MX records but no SPF record.*"v=spf1 mx ~all"/);
  assert.match(messages[1], /^nomail\.example\.com has MX records.*"v=spf1 -all"/);
  assert.match(messages[2], /^news\.example\.com publishes a DMARC record/);
  assert.match(messages[3], /^keys\.example\.com publishes DKIM keys/);
});

test('spf-missing: only names with MX records get a fix', () => {
  const c = check(fixture('spf-missing.zone'));
  assert.deepEqual(fixTitles(c, 'spf-missing').map((t) => t.length), [1, 1, 0, 0]);
  assert.ok(only(c, 'spf-missing').every((d) => d.severity === 'information'));
});

test('spf-missing: the fix goes after the last MX line and copies its layout (blank owner)', () => {
  const text = fixture('spf-missing.zone');
  const fixed = applyPreferred(check(text), 'spf-missing', 0);
  assert.equal(fixed, text.replace('        IN MX   20 mail\n', '        IN MX   20 mail\n        IN TXT  "v=spf1 mx ~all"\n'));
  assert.deepEqual(only(check(fixed), 'spf-missing').length, 3);
});

test('spf-missing: a Null MX gets v=spf1 -all', () => {
  const text = fixture('spf-missing.zone');
  const fixed = applyPreferred(check(text), 'spf-missing', 1);
  assert.equal(fixed, text.replace('nomail  IN MX   0 .\n', 'nomail  IN MX   0 .\nnomail  IN TXT  "v=spf1 -all"\n'));
});

test('spf-missing: written owners become relative, realigned; TTL and class are kept', () => {
  const text = `${HEAD}example.com.   300 IN MX 10 mail\nshop.example.com. IN MX 10 mail\nwww IN A 192.0.2.80\n`;
  const c = check(text);
  assert.equal(applyPreferred(c, 'spf-missing', 0), `${HEAD}example.com.   300 IN MX 10 mail\n@              300 IN TXT "v=spf1 mx ~all"\nshop.example.com. IN MX 10 mail\nwww IN A 192.0.2.80\n`);
  assert.equal(applyPreferred(c, 'spf-missing', 1), `${HEAD}example.com.   300 IN MX 10 mail\nshop.example.com. IN MX 10 mail\nshop IN TXT "v=spf1 mx ~all"\nwww IN A 192.0.2.80\n`);
});

test('spf-missing: tabs, lower case and CRLF are kept', () => {
  const text = `${HEAD}@\tin\tmx\t10 mail\nwww IN A 192.0.2.80\n`.replace(/\n/g, '\r\n');
  assert.equal(applyPreferred(check(text), 'spf-missing'), `${HEAD}@\tin\tmx\t10 mail\n@\tin\ttxt\t"v=spf1 mx ~all"\nwww IN A 192.0.2.80\n`.replace(/\n/g, '\r\n'));
});

test('spf-missing: the owner is written relative to the $ORIGIN in force', () => {
  const text = `${HEAD}$ORIGIN sub.example.com.\n@ IN MX 10 mail.example.com.\n`;
  assert.equal(applyPreferred(check(text), 'spf-missing'), `${HEAD}$ORIGIN sub.example.com.\n@ IN MX 10 mail.example.com.\n@ IN TXT "v=spf1 mx ~all"\n`);
});

test('spf-missing: after an MX written over several lines, and on a last line without a line break', () => {
  const multi = `${HEAD}@ IN MX ( 10\n          mail ) ; primary\nwww IN A 192.0.2.80\n`;
  assert.equal(applyPreferred(check(multi), 'spf-missing'), `${HEAD}@ IN MX ( 10\n          mail ) ; primary\n@ IN TXT "v=spf1 mx ~all"\nwww IN A 192.0.2.80\n`);
  const last = `${HEAD}@ IN MX 10 mail`;
  assert.equal(applyPreferred(check(last), 'spf-missing'), `${HEAD}@ IN MX 10 mail\n@ IN TXT "v=spf1 mx ~all"`);
});

test('spf-missing: MX records made by $GENERATE get no fix', () => {
  const c = check(`${HEAD}$GENERATE 1-1 @ MX "10 mail$"\n`);
  assert.equal(only(c, 'spf-missing').length, 1);
  assert.deepEqual(fixTitles(c, 'spf-missing'), [[]]);
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import type { ZoneDiagnostic } from '../../../server/src/language/model/types';
import { applyFix, check, fixesOf, fixture, only, single, type Checked } from './helpers';

const MX = ['mx-target-no-address', 'mx-target-is-cname', 'mx-target-is-ip', 'mx-null', 'mx-missing'];
const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n';

function at(c: Checked, code: string, text: string, written: string): ZoneDiagnostic {
  const d = only(c, code).find((x) => text.slice(x.start, x.end) === written);
  assert.ok(d, `${code} at "${written}"`);
  return d;
}

describe('MX rules', () => {
  const text = fixture('mx.zone');

  test('findings sit at the annotated fields', () => {
    assertAnnotated(text, MX);
  });

  test('in-zone targets without address are errors; others are notes', () => {
    const c = check(text);
    assert.equal(at(c, 'mx-target-no-address', text, 'nowhere').severity, 'error');
    assert.equal(at(c, 'mx-target-no-address', text, 'mail.example.net.').severity, 'information');
    assert.match(at(c, 'mx-target-no-address', text, 'mail.example.net.').message, /not checked offline/);
    assert.equal(at(c, 'mx-target-no-address', text, 'mx.sub').severity, 'information');
    assert.match(at(c, 'mx-target-no-address', text, 'mail.example.com').message, /trailing dot/);
  });

  test('mx-target-no-address offers an A record snippet, not for a missing trailing dot', () => {
    const c = check(text);
    const [fix] = fixesOf(c, at(c, 'mx-target-no-address', text, 'nowhere'));
    assert.equal(fix.snippet, true);
    assert.equal(fix.edits[0].newText, 'nowhere IN A ${1:192.0.2.1}\n');
    const fixed = applyFix(fix, { '': text })[''];
    assert.equal(fixed, text + 'nowhere IN A 192.0.2.1\n');
    assert.equal(only(check(fixed), 'mx-target-no-address').filter((d) => d.severity === 'error').length, 1);
    assert.deepEqual(fixesOf(c, at(c, 'mx-target-no-address', text, 'mail.example.com')), []);
    assert.deepEqual(fixesOf(c, at(c, 'mx-target-no-address', text, 'mail.example.net.')), []);
  });

  test('a target in another zone of the workspace is checked there, and the fix edits that zone', () => {
    const other = { uri: 'net.zone', origin: 'example.net.', text: '$ORIGIN example.net.\n$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\nwww IN A 192.0.2.8' };
    const zone = HEAD + '@ IN MX 10 mail.example.net.\n';
    const c = check(zone, 'example.com.', [other]);
    const d = single(c, 'mx-target-no-address');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /zone example\.net/);
    const [fix] = fixesOf(c, d);
    assert.equal(fix.edits[0].uri, 'net.zone');
    assert.equal(applyFix(fix, { '': zone, 'net.zone': other.text })['net.zone'], other.text + '\nmail IN A 192.0.2.1\n');
    const fine = check(zone, 'example.com.', [{ ...other, text: other.text + '\nmail IN AAAA 2001:db8::25\n' }]);
    assert.equal(only(fine, 'mx-target-no-address').length, 0);
  });

  test('mx-target-is-cname names the canonical host and the fix uses it', () => {
    const c = check(text);
    const d = at(c, 'mx-target-is-cname', text, 'alias');
    assert.equal(d.severity, 'warning');
    assert.equal(d.related?.length, 1);
    const [fix] = fixesOf(c, d);
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(fix, { '': text })[''];
    assert.equal(fixed, text.replace('c          IN MX  10 alias', 'c          IN MX  10 mail'));
    assert.equal(only(check(fixed), 'mx-target-is-cname').length, 0);
  });

  test('mx-target-is-cname follows a chain; an alias that leads nowhere gets no fix', () => {
    const chain = HEAD + '@ IN MX 10 a1\na1 IN CNAME a2\na2 IN CNAME host.example.com.\nhost IN AAAA 2001:db8::1\nx IN MX 10 loop1\nloop1 IN CNAME loop2\nloop2 IN CNAME loop1\n';
    const c = check(chain);
    const [good, loop] = only(c, 'mx-target-is-cname').sort((p, q) => p.start - q.start);
    assert.match(good.message, /alias of host\.example\.com/);
    assert.equal(fixesOf(c, good)[0].edits[0].newText, 'host');
    assert.match(loop.message, /does not end/);
    assert.deepEqual(fixesOf(c, loop), []);
  });

  test('mx-target-is-ip offers the name that has the address', () => {
    const c = check(text);
    const d = at(c, 'mx-target-is-ip', text, '192.0.2.25');
    const fixes = fixesOf(c, d);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Use mail.example.com, which has the address 192.0.2.25', true]]);
    assert.equal(applyFix(fixes[0], { '': text })[''], text.replace('d          IN MX  10 192.0.2.25\n', 'd          IN MX  10 mail\n'));
    assert.deepEqual(fixesOf(c, at(c, 'mx-target-is-ip', text, '2001:db8::25')), [], 'no name has that address');
  });

  test('mx-null: the fix sets the preference to 0', () => {
    const c = check(text);
    const d = at(c, 'mx-null', text, '10');
    const fixed = applyFix(fixesOf(c, d)[0], { '': text })[''];
    assert.equal(fixed, text.replace('g          IN MX  10 .', 'g          IN MX  0 .'));
    assert.equal(only(check(fixed), 'mx-null').length, 1, 'the Null MX beside another MX remains');
    const beside = at(c, 'mx-null', text, '.');
    assert.equal(beside.related?.length, 1);
    assert.deepEqual(fixesOf(c, beside), []);
  });
});

describe('mx-missing', () => {
  test('mail records without an MX at the apex: a hint at the evidence', () => {
    assertAnnotated(HEAD + '@ IN NS ns1\n@ IN TXT "v=spf1 ip4:192.0.2.0/24 -all"\n;    ^^^ mx-missing\n', ['mx-missing']);
    assertAnnotated(HEAD + '@ IN NS ns1\nsel._domainkey IN TXT "v=DKIM1; p="\n;                 ^^^ mx-missing\n', ['mx-missing']);
    assertAnnotated(HEAD + '@ IN NS ns1\n_dmarc IN TXT "v=DMARC1; p=reject"\n;         ^^^ mx-missing\n', ['mx-missing']);
    assert.equal(single(check(HEAD + '_dmarc IN TXT "v=DMARC1; p=reject"\n'), 'mx-missing').severity, 'hint');
  });

  test('no hint with an MX (a Null MX too), an apex alias, or only `v=spf1 -all`', () => {
    const none = (t: string) => assert.equal(only(check(HEAD + t), 'mx-missing').length, 0, t);
    none('@ IN TXT "v=spf1 -all"\n');
    none('@ IN TXT "v=spf1 mx -all"\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n');
    none('@ IN MX 0 .\n_dmarc IN TXT "v=DMARC1; p=reject"\n');
    none('www IN TXT "v=spf1 a -all"\nwww IN A 192.0.2.1\n');
    assert.equal(only(check(HEAD + '@ IN TXT "v=spf1 -all redirect=_spf.example.net"\n'), 'mx-missing').length, 1, 'a redirect may allow senders');
  });
});

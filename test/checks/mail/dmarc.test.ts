import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyFix, check, fixesOf, fixture, only, single, withZones } from './helpers';

const DMARC = ['dmarc-syntax', 'dmarc-policy-none', 'dmarc-pct-partial', 'dmarc-no-rua', 'dmarc-multiple', 'dmarc-missing'];

const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n';

describe('DMARC rules', () => {
  test('findings sit at the annotated tags, values and records', () => {
    assertAnnotated(fixture('dmarc.zone'), DMARC);
  });

  test('dmarc-multiple points at the other record', () => {
    const d = single(check(fixture('dmarc.zone')), 'dmarc-multiple');
    assert.equal(d.severity, 'error');
    assert.equal(d.related?.length, 1);
    assert.match(fixture('dmarc.zone').slice(d.related![0].start - 20, d.related![0].end), /_dmarc\.g IN TXT/);
  });
});

describe('dmarc-missing', () => {
  const zone = HEAD + '  IN NS ns1\n  IN MX 10 mail\n;    ^^ dmarc-missing\nns1 IN A 192.0.2.1\nmail IN A 192.0.2.25\n';

  test('a zone with MX records and no DMARC record is told so, at the MX', () => {
    assertAnnotated(zone, ['dmarc-missing']);
    assert.equal(single(check(zone), 'dmarc-missing').severity, 'information');
  });

  test('the fix inserts a starter record after the last apex record', () => {
    const c = check(zone);
    const [fix] = fixesOf(c, single(c, 'dmarc-missing'));
    assert.equal(fix.isPreferred, true);
    const fixed = applyFix(fix, { '': zone })[''];
    assert.equal(
      fixed,
      HEAD +
        '  IN NS ns1\n  IN MX 10 mail\n_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n;    ^^ dmarc-missing\nns1 IN A 192.0.2.1\nmail IN A 192.0.2.25\n',
    );
    const again = check(fixed);
    assert.equal(only(again, 'dmarc-missing').length, 0);
    assert.equal(only(again, 'dmarc-syntax').length, 0);
    assert.equal(only(again, 'dmarc-policy-none').length, 1, 'the starter record is monitoring only');
  });

  test('the fix keeps CRLF line endings and a record written over several lines', () => {
    const text = HEAD.replace(/\n/g, '\r\n') + '@ IN NS ns1\r\n@ IN MX 10 mail\r\n@ IN TXT ( "v=spf1 mx"\r\n  " -all" )\r\nmail IN A 192.0.2.25\r\n';
    const c = check(text);
    const fixed = applyFix(fixesOf(c, single(c, 'dmarc-missing'))[0], { '': text })[''];
    assert.equal(fixed, text.replace('" -all" )\r\n', '" -all" )\r\n_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\r\n'));
  });

  test('the fix goes to the end of the file when the apex records end it (no final line break)', () => {
    const text = HEAD + 'mail IN A 192.0.2.25\n@ IN MX 10 mail';
    const c = check(text);
    const fixed = applyFix(fixesOf(c, single(c, 'dmarc-missing'))[0], { '': text })[''];
    assert.equal(fixed, text + '\n_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n');
  });

  test('the fix writes the owner absolute where another $ORIGIN is in force', () => {
    const text = HEAD + '@ IN MX 10 mail\nmail IN A 192.0.2.25\n$ORIGIN sub.example.com.\nexample.com. IN TXT "v=spf1 mx -all"\nhost IN A 192.0.2.9\n';
    const c = check(text);
    const fixed = applyFix(fixesOf(c, single(c, 'dmarc-missing'))[0], { '': text })[''];
    const record = '_dmarc.example.com. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n';
    assert.equal(fixed, text.replace('-all"\n', '-all"\n' + record));
    assert.ok(check(fixed).zone.at('_dmarc.example.com.', 'TXT').length === 1);
  });

  test('no finding without MX, with a DMARC record, with an alias to a DMARC service, or under a parent policy', () => {
    assert.equal(only(check(HEAD + 'www IN A 192.0.2.1\n'), 'dmarc-missing').length, 0);
    assert.equal(only(check(HEAD + '@ IN MX 10 mail\nmail IN A 192.0.2.25\n_dmarc IN TXT "v=DMARC1; p=reject"\n'), 'dmarc-missing').length, 0);
    assert.equal(only(check(HEAD + '@ IN MX 10 mail\nmail IN A 192.0.2.25\n_dmarc IN CNAME example.com.dmarc.service.example.\n'), 'dmarc-missing').length, 0);
    const sub = '$ORIGIN sub.example.com.\n$TTL 1h\n@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n';
    const parent = { uri: 'parent.zone', origin: 'example.com.', text: HEAD + '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"\n' };
    assert.equal(only(check(sub, 'sub.example.com.', [parent]), 'dmarc-missing').length, 0);
    assert.equal(only(check(sub, 'sub.example.com.'), 'dmarc-missing').length, 1, 'without the parent zone it is reported');
  });

  test('a workspace factory is honoured by assertAnnotated', () => {
    // The same zone as a child of a zone with a DMARC policy: no annotation expected.
    const sub = '$ORIGIN sub.example.com.\n$TTL 1h\n@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\n@ IN MX 10 mail\nmail IN A 192.0.2.25\n';
    assertAnnotated(sub, ['dmarc-missing'], 'sub.example.com.', withZones([{ uri: 'p.zone', origin: 'example.com.', text: HEAD + '_dmarc IN TXT "v=DMARC1; p=reject"\n' }]));
  });
});

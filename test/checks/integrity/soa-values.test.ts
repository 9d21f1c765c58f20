import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { serialDateProblem } from '../../../server/src/language/checks/integrity/soa-values';
import { mark } from './helpers';

const NS = '@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n';

// The date serials below are far from the current time; they would be read as Unix times only
// after 2033 (see serialDateProblem), and the unit test pins the clock.
test('soa-values: each bad value is reported on its own field', () => {
  const text = `$TTL 3600
@ IN SOA ns1 hostmaster 2099023001 600 900 1000 90000
${mark(24, 34, 'soa-values')}
${mark(35, 38, 'soa-values')}
${mark(39, 42, 'soa-values')}
${mark(43, 47, 'soa-values')}
${mark(48, 53, 'soa-values')}
${NS}`;
  const found = assertAnnotated(text, ['soa-values']);
  const byStart = new Map(found.map((f) => [f.startChar, f.message]));
  assert.match(byStart.get(24)!, /2099-02 has no day 30/);
  assert.match(byStart.get(35)!, /below the 20 minutes RFC 1912/);
  assert.match(byStart.get(39)!, /not below refresh/);
  assert.match(byStart.get(43)!, /below refresh plus retry \(1500\)/);
  assert.match(byStart.get(48)!, /above 1 day/);
  assert.ok(diagnosticsOf(text).raw.filter((d) => d.code === 'soa-values').every((d) => d.severity === 'warning'));
});

test('soa-values: values merely outside the recommendations are information', () => {
  const text = `$TTL 3600
@ IN SOA ns1 hostmaster 1 3600 1800 1209600 60
${mark(26, 30, 'soa-values')}
${mark(31, 35, 'soa-values')}
${mark(44, 46, 'soa-values')}
${NS}`;
  assertAnnotated(text, ['soa-values']);
  assert.ok(diagnosticsOf(text).raw.filter((d) => d.code === 'soa-values').every((d) => d.severity === 'information'));
});

test('soa-values: units, a long refresh, a month that does not exist, expire not above refresh, a short expire', () => {
  const text = `$TTL 3600
@ IN SOA ns1 hostmaster 1999133001 2d 3600 4w 3600
${mark(24, 34, 'soa-values')}
${mark(35, 37, 'soa-values')}
${NS}`;
  const found = assertAnnotated(text, ['soa-values']);
  assert.match(found.find((f) => f.startChar === 24)!.message, /month 13 does not exist/);
  const expire = `$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 14400 3600\n${mark(37, 42, 'soa-values')}\n${NS}`;
  assert.match(assertAnnotated(expire, ['soa-values'])[0].message, /not above refresh/);
  const short = `$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1d 3600\n${mark(37, 39, 'soa-values')}\n${NS}`;
  assert.match(assertAnnotated(short, ['soa-values'])[0].message, /below 1 week/);
});

test('soa-values: a good SOA, leap days and counters are fine', () => {
  for (const soa of ['2024022901 6h 1h 1w 1d', '2010111217 21600 3600 604800 86400', '42 86400 7200 3600000 3600', '4294967295 14400 3600 1209600 300']) {
    assertAnnotated(`$TTL 3600\n@ IN SOA ns1 hostmaster ${soa}\n${NS}`, ['soa-values']);
  }
});

test('soa-values: serialDateProblem reads YYYYMMDDnn and leaves Unix times alone', () => {
  const now = 1_700_000_000; // 2023-11-14
  assert.equal(serialDateProblem(2023111401, now), null);
  assert.equal(serialDateProblem(2023022901, now), '2023-02 has no day 29');
  assert.equal(serialDateProblem(2024022901, now), null);
  assert.equal(serialDateProblem(2024000101, now), 'month 00 does not exist');
  assert.equal(serialDateProblem(1234567890, now), null, 'not date-like');
  assert.equal(serialDateProblem(12345, now), null);
  // 1999133001 as a Unix time is in 2033: read as a date in 2023, as a timestamp in 2033.
  assert.equal(serialDateProblem(1999133001, now), 'month 13 does not exist');
  assert.equal(serialDateProblem(1999133001, 1999133001 - 3600), null);
});

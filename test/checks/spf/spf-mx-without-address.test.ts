import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, only, withZones, type OtherZone } from './helpers';

const exampleNet: OtherZone = { uri: 'example.net.zone', origin: 'example.net.', text: fixture('example.net.zone') };

test('spf-mx-without-address: annotated fixture', () => {
  assertAnnotated(fixture('spf-mx-without-address.zone'), ['spf-mx-without-address'], 'example.com.', withZones([exampleNet]));
});

test('spf-mx-without-address: the hosts without address are named', () => {
  const c = check(fixture('spf-mx-without-address.zone'), 'example.com.', [exampleNet]);
  const [apex, shop] = only(c, 'spf-mx-without-address').map((d) => d.message);
  assert.match(apex, /^'mx' authorises the addresses of the MX hosts of example\.com, but the MX host backup\.example\.com has no A or AAAA record/);
  assert.match(shop, /the MX host nohost\.example\.net has no A or AAAA record/);
});

test('spf-mx-without-address: hosts in a zone that is not open are not judged', () => {
  const c = check(fixture('spf-mx-without-address.zone'));
  assert.deepEqual(only(c, 'spf-mx-without-address').map((d) => c.text.slice(d.start, d.end)), ['mx']);
});

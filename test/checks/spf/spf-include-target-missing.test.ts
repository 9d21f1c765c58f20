import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, only, withZones, type OtherZone } from './helpers';

const exampleNet: OtherZone = { uri: 'example.net.zone', origin: 'example.net.', text: fixture('example.net.zone') };

test('spf-include-target-missing: annotated fixture', () => {
  assertAnnotated(fixture('spf-include-target-missing.zone'), ['spf-include-target-missing'], 'example.com.', withZones([exampleNet]));
});

test('spf-include-target-missing: the message says why there is no record', () => {
  const c = check(fixture('spf-include-target-missing.zone'), 'example.com.', [exampleNet]);
  const [missing, www, nospf, glued] = only(c, 'spf-include-target-missing').map((d) => d.message);
  assert.match(missing, /^missing\.example\.com does not exist in this zone: an include of a name without an SPF record gives permerror \(RFC 7208 §5\.2\)/);
  assert.match(www, /^www\.example\.com has no SPF record in this zone: an include/);
  assert.match(nospf, /^nospf\.example\.net has no SPF record in zone example\.net: a redirect to a name without an SPF record gives permerror \(RFC 7208 §6\.1\)/);
  assert.match(glued, /split right after v=spf1/);
});

test('spf-include-target-missing: targets in a zone that is not open are not checked', () => {
  const c = check(fixture('spf-include-target-missing.zone'));
  assert.deepEqual(only(c, 'spf-include-target-missing').map((d) => c.text.slice(d.start, d.end)), ['missing.example.com', 'www.example.com']);
});

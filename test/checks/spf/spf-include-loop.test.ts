import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, headFor, HEAD, only, withZones, type OtherZone } from './helpers';

const exampleNet: OtherZone = { uri: 'example.net.zone', origin: 'example.net.', text: fixture('example.net.zone') };

test('spf-include-loop: annotated fixture', () => {
  assertAnnotated(fixture('spf-include-loop.zone'), ['spf-include-loop'], 'example.com.', withZones([exampleNet]));
});

test('spf-include-loop: the message shows the loop; the other terms of the loop in this zone are related', () => {
  const c = check(fixture('spf-include-loop.zone'), 'example.com.', [exampleNet]);
  const [self, pair, ring] = only(c, 'spf-include-loop');
  assert.match(self.message, /self\.example\.com → self\.example\.com\./);
  assert.match(pair.message, /e2\.example\.com → e3\.example\.com → e2\.example\.com\. .*RFC 7208 §4\.6\.4/);
  assert.deepEqual(pair.related?.map((r) => c.text.slice(r.start, r.end)), ['include:e2.example.com']);
  assert.match(ring.message, /ring\.example\.com → back\.example\.net → ring\.example\.com\./);
  assert.deepEqual(self.related, []);
});

test('spf-include-loop: without example.net the ring is not known to close', () => {
  const c = check(fixture('spf-include-loop.zone'));
  assert.equal(only(c, 'spf-include-loop').length, 2);
});

test('spf-include-loop: the zone holding the other half of a loop reports its own term', () => {
  // Checked from example.net, with example.com in the workspace.
  const com: OtherZone = { uri: 'example.com.zone', origin: 'example.com.', text: fixture('spf-include-loop.zone') };
  const c = check(fixture('example.net.zone'), 'example.net.', [com]);
  assert.deepEqual(only(c, 'spf-include-loop').map((d) => c.text.slice(d.start, d.end)), ['include:ring.example.com']);
});

test('spf-include-loop: a loop through a CNAME, and a long loop', () => {
  const c = check(`${HEAD}a IN TXT "v=spf1 include:b.example.com -all"\nb IN CNAME c\nc IN TXT "v=spf1 redirect=d.example.com"\nd IN TXT "v=spf1 include:a.example.com -all"\n`);
  const [loop] = only(c, 'spf-include-loop');
  assert.equal(c.text.slice(loop.start, loop.end), 'include:b.example.com');
  assert.match(loop.message, /a\.example\.com → c\.example\.com → d\.example\.com → a\.example\.com\./);
  assert.equal(loop.related?.length, 2);
  const other = check(`${headFor('example.org.')}x IN TXT "v=spf1 include:y.example.org -all"\ny IN TXT "v=spf1 -all"\n`, 'example.org.');
  assert.deepEqual(only(other, 'spf-include-loop'), []);
});

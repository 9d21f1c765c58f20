import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, HEAD, only, withZones, type OtherZone } from './helpers';

const exampleNet: OtherZone = { uri: 'example.net.zone', origin: 'example.net.', text: fixture('example.net.zone') };

test('spf-void-lookup: annotated fixture', () => {
  assertAnnotated(fixture('spf-void-lookup.zone'), ['spf-void-lookup'], 'example.com.', withZones([exampleNet]));
});

test('spf-void-lookup: more than two in one record makes them errors', () => {
  const c = check(fixture('spf-void-lookup.zone'), 'example.com.', [exampleNet]);
  const found = only(c, 'spf-void-lookup').map((d) => [c.text.slice(d.start, d.end), d.severity]);
  assert.deepEqual(found, [
    ['missing.example.com', 'error'],
    ['www.example.com', 'error'],
    ['none.example.com', 'error'],
    ['a', 'warning'],
    ['mx', 'warning'],
    ['gone.example.net', 'warning'],
    ['x.example.net', 'warning'],
  ]);
  const messages = only(c, 'spf-void-lookup').map((d) => d.message);
  assert.match(messages[0], /^'a:missing\.example\.com' queries missing\.example\.com, which does not exist: a void lookup.*This record makes 3 void lookups/);
  assert.match(messages[1], /which has no MX record/);
  assert.match(messages[2], /which does not exist/);
  assert.match(messages[3], /^'a' queries bare\.example\.com, which has no A or AAAA record.*allow 2 void lookups/);
  assert.match(messages[5], /gone\.example\.net, which does not exist \(zone example\.net\)/);
});

test('spf-void-lookup: an include of a name without records counts towards the limit but is reported by spf-include-target-missing', () => {
  const c = check(`${HEAD}@ IN TXT "v=spf1 a:n1.example.com a:n2.example.com include:n3.example.com -all"\n`);
  assert.deepEqual(only(c, 'spf-void-lookup').map((d) => [c.text.slice(d.start, d.end), d.severity]), [['n1.example.com', 'error'], ['n2.example.com', 'error']]);
  assert.deepEqual(only(c, 'spf-include-target-missing').map((d) => c.text.slice(d.start, d.end)), ['n3.example.com']);
});

test('spf-void-lookup: nothing for names outside the workspace', () => {
  const c = check(`${HEAD}@ IN TXT "v=spf1 a:gone.example.net -all"\n`);
  assert.deepEqual(only(c, 'spf-void-lookup'), []);
});

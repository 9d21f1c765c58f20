import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { assertFindings, HEAD, messagesOf } from './helpers';

test('out-of-zone: one finding per run of records with an owner outside the origin', () => {
  const text = `${HEAD}www.example.org. IN A 192.0.2.1
    IN AAAA 2001:db8::1
$ORIGIN example.net.
mail IN A 192.0.2.2
`;
  assertFindings(text, 'out-of-zone', ['7:0-16', '10:0-4']);
  const messages = messagesOf(text, 'out-of-zone');
  assert.match(messages[0], /these 2 records are ignored/);
  assert.match(messages[1], /mail\.example\.net\. is outside the zone example\.com\./);
});

test('out-of-zone: names at and below the origin, in any case, and a look-alike suffix', () => {
  assertAnnotated(`${HEAD}WWW.Example.COM. IN A 192.0.2.1\n$ORIGIN sub.example.com.\nx IN A 192.0.2.2\n`, ['out-of-zone']);
  assertFindings(`${HEAD}badexample.com. IN A 192.0.2.1\n`, 'out-of-zone', ['7:0-15']);
});

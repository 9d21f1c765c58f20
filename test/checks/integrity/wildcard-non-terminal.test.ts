import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD, messagesOf } from './helpers';

test('wildcard-non-terminal: a * label that is not leftmost, and * inside a label', () => {
  const text = `${HEAD}*.wild IN A 192.0.2.1
foo.*.wild IN A 192.0.2.2
;   ^ wildcard-non-terminal
a.mail* IN A 192.0.2.3
; ^^^^^ wildcard-non-terminal
`;
  assertAnnotated(text, ['wildcard-non-terminal']);
  const [below, inside] = messagesOf(text, 'wildcard-non-terminal');
  assert.match(below, /\*\.wild\.example\.com\. becomes a wildcard with names below it/);
  assert.match(inside, /"mail\*" is not a wildcard/);
});

test('wildcard-non-terminal: leftmost wildcards, and a * in the origin itself, are fine', () => {
  assertAnnotated(`${HEAD}* IN MX 10 mail\n*.sub IN TXT "x"\n`, ['wildcard-non-terminal']);
  assertAnnotated('$TTL 1h\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\nwww IN A 192.0.2.1\n', ['wildcard-non-terminal'], 'a.*.example.');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { doubledOrigin } from '../../../server/src/language/checks/integrity/name-missing-trailing-dot';
import { applyFix, assertFindings, fixesOf, HEAD, messagesOf } from './helpers';

test('name-missing-trailing-dot: rdata names that repeat the origin', () => {
  const text = `${HEAD}@ IN MX 10 mail.example.com
;          ^^^^^^^^^^^^^^^^ name-missing-trailing-dot
www IN CNAME Example.Com
;            ^^^^^^^^^^^ name-missing-trailing-dot
_sip._tcp IN SRV 0 5 5060 sip.example.com
;                         ^^^^^^^^^^^^^^^ name-missing-trailing-dot
$ORIGIN sub.example.com.
x IN NS ns.sub.example.com
;       ^^^^^^^^^^^^^^^^^^ name-missing-trailing-dot
`;
  assertAnnotated(text, ['name-missing-trailing-dot']);
  assert.match(messagesOf(text, 'name-missing-trailing-dot')[0], /becomes mail\.example\.com\.example\.com\. Write "mail\.example\.com\." if/);
});

test('name-missing-trailing-dot: written owners too', () => {
  assertFindings(`${HEAD}www.example.com IN A 192.0.2.1\n`, 'name-missing-trailing-dot', ['7:0-15']);
});

test('name-missing-trailing-dot: absolute names, plain relative names and other domains are fine', () => {
  const text = `${HEAD}@ IN MX 10 mail.example.com.
@ IN MX 20 mail
@ IN MX 30 mail.example.net
www IN CNAME notexample.com
`;
  assertAnnotated(text, ['name-missing-trailing-dot']);
  assert.equal(doubledOrigin('mail.example.com', 'mail.example.com.example.com.'), 'example.com.');
  assert.equal(doubledOrigin('mail', 'mail.example.com.'), null);
  assert.equal(doubledOrigin('notexample.com', 'notexample.com.example.com.'), null);
  assert.equal(doubledOrigin('mail.example.com.', 'mail.example.com.'), null);
});

test('name-missing-trailing-dot: the fix adds the dot', () => {
  const text = `${HEAD}@ IN MX 10 mail.example.com ; primary\nwww.example.com IN A 192.0.2.1\n`;
  assert.equal(applyFix(text, 'name-missing-trailing-dot', 0), `${HEAD}@ IN MX 10 mail.example.com. ; primary\nwww.example.com IN A 192.0.2.1\n`);
  assert.equal(applyFix(text, 'name-missing-trailing-dot', 1), `${HEAD}@ IN MX 10 mail.example.com ; primary\nwww.example.com. IN A 192.0.2.1\n`);
  assert.equal(fixesOf(text, 'name-missing-trailing-dot')[0][0].isPreferred, true);
});

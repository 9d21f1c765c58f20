import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { applyFix, fixesOf, HEAD } from './helpers';

test('duplicate-record: the second copy is reported, compared in canonical form', () => {
  const text = `${HEAD}@ IN MX 10 mail
@ IN MX 10 MAIL.example.com.
;    ^^^^^^^^^^^^^^^^^^^^^^^ duplicate-record
txt IN TXT "a" "b"
txt IN TXT "ab"
txt IN TXT "a" "b"
;      ^^^^^^^^^^^ duplicate-record
@ 300 IN A 192.0.2.1
@ 600 IN A 192.0.2.1
;        ^^^^^^^^^^^ duplicate-record
txt IN TXT "A" "b"
`;
  assertAnnotated(text, ['duplicate-record']);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'duplicate-record')!;
  assert.equal(text.slice(d.related![0].start, d.related![0].end), 'MX');
});

test('duplicate-record: RFC 3597 generic rdata equals the presentation form', () => {
  const text = `${HEAD}www IN A 192.0.2.1
www IN A \\# 4 C0000201
;      ^^^^^^^^^^^^^^^ duplicate-record
`;
  assertAnnotated(text, ['duplicate-record']);
});

test('duplicate-record: the fix deletes the second copy and keeps the lines around it', () => {
  const text = `${HEAD}www IN A 192.0.2.1
www IN A 192.0.2.1 ; again
www IN AAAA 2001:db8::1
`;
  assert.equal(applyFix(text, 'duplicate-record'), `${HEAD}www IN A 192.0.2.1\nwww IN AAAA 2001:db8::1\n`);
  const inherited = `${HEAD}www IN A 192.0.2.1\n    IN A 192.0.2.1\n    IN TXT "x"`;
  assert.equal(applyFix(inherited, 'duplicate-record'), `${HEAD}www IN A 192.0.2.1\n    IN TXT "x"`);
  const last = `${HEAD}www IN A 192.0.2.1\nwww IN A 192.0.2.1`;
  assert.equal(applyFix(last, 'duplicate-record'), `${HEAD}www IN A 192.0.2.1`);
});

test('duplicate-record: no fix when deleting would change the next record or shares a line', () => {
  // The next line inherits the owner "www" from the duplicate; after "mail" it would be mail's.
  const inheritsOwner = `${HEAD}www IN A 192.0.2.1\nmail IN A 192.0.2.5\nwww IN A 192.0.2.1\n    IN TXT "x"\n`;
  assert.deepEqual(fixesOf(inheritsOwner, 'duplicate-record'), [[]]);
  const sameOwnerBefore = `${HEAD}www IN A 192.0.2.1\nwww IN A 192.0.2.1\n    IN TXT "x"\n`;
  assert.equal(applyFix(sameOwnerBefore, 'duplicate-record'), `${HEAD}www IN A 192.0.2.1\n    IN TXT "x"\n`);
  const multiline = `${HEAD}www IN A 192.0.2.1\n(www IN A 192.0.2.1)\n`;
  assert.deepEqual(fixesOf(multiline, 'duplicate-record'), [[]]);
});

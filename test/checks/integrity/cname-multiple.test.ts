import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('cname-multiple: a second, different CNAME at a name', () => {
  const text = `${HEAD}email IN CNAME mail
email IN CNAME mail2
;        ^^^^^ cname-multiple
    IN CNAME mail3.example.net.
;      ^^^^^ cname-multiple
`;
  const found = assertAnnotated(text, ['cname-multiple']);
  assert.match(found[0].message, /already has a CNAME to mail\.example\.com\./);
});

test('cname-multiple: the same target written twice (relative and absolute) is a duplicate, not a second CNAME', () => {
  assertAnnotated(`${HEAD}email IN CNAME mail\nemail IN CNAME mail.example.com.\nother IN CNAME mail\n`, ['cname-multiple']);
});

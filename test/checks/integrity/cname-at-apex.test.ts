import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('cname-at-apex: a CNAME at the apex, however the owner is written', () => {
  const text = `${HEAD}@ IN CNAME www.example.net.
;    ^^^^^ cname-at-apex
example.com. 300 IN CNAME other.example.net.
;                   ^^^^^ cname-at-apex
`;
  assertAnnotated(text, ['cname-at-apex']);
});

test('cname-at-apex: CNAMEs below the apex are fine', () => {
  assertAnnotated(`${HEAD}www IN CNAME @\n`, ['cname-at-apex']);
});

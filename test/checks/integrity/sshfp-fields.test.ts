import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('sshfp-fields: unknown algorithm and fingerprint type', () => {
  const text = `${HEAD}host IN SSHFP 5 2 ${'12'.repeat(32)}
;             ^ sshfp-fields
host IN SSHFP 4 3 ${'12'.repeat(32)}
;               ^ sshfp-fields
`;
  assertAnnotated(text, ['sshfp-fields']);
});

test('sshfp-fields: the defined combinations', () => {
  const text = `${HEAD}host IN SSHFP 1 1 ${'ab'.repeat(20)}
host IN SSHFP 3 2 ${'ab'.repeat(32)}
host IN SSHFP 4 2 ${'cd'.repeat(32)}
host IN SSHFP 6 2 ${'ef'.repeat(32)}
`;
  assertAnnotated(text, ['sshfp-fields']);
});

import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

const SHA256 = 'AB'.repeat(32);
const SHA512 = 'CD'.repeat(64);

test('tlsa-fields: undefined parameters and digests of the wrong length', () => {
  const text = `${HEAD}_25._tcp.mx IN TLSA 4 1 1 ${SHA256}
;                   ^ tlsa-fields
_25._tcp.mx IN TLSA 3 2 1 ${SHA256}
;                     ^ tlsa-fields
_25._tcp.mx IN TLSA 3 1 3 ${SHA256}
;                       ^ tlsa-fields
_443._tcp IN TLSA 3 1 1 ${SHA512}
;                       ${'^'.repeat(128)} tlsa-fields
_443._tcp IN TLSA 3 1 2 ${SHA256}
;                       ${'^'.repeat(64)} tlsa-fields
x._smimecert IN SMIMEA 3 1 1 ABCD
;                            ^^^^ tlsa-fields
`;
  assertAnnotated(text, ['tlsa-fields']);
});

test('tlsa-fields: well-formed records, full data and private-use values', () => {
  const text = `${HEAD}_25._tcp.mx IN TLSA 3 1 1 ${SHA256}
_25._tcp.mx IN TLSA 2 0 2 ${SHA512}
_25._tcp.mx IN TLSA 3 0 0 308201
_25._tcp.mx IN TLSA 255 255 255 00
`;
  assertAnnotated(text, ['tlsa-fields']);
});

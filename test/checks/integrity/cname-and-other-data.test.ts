import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('cname-and-other-data: each other record beside a CNAME, with the CNAME as related', () => {
  const text = `${HEAD}www IN CNAME host.example.net.
www IN A 192.0.2.1
;      ^ cname-and-other-data
    IN MX 10 mail.example.net.
;      ^^ cname-and-other-data
www IN KEY 0 3 1 AQID
;      ^^^ cname-and-other-data
`;
  const found = assertAnnotated(text, ['cname-and-other-data']);
  assert.match(found.find((f) => f.line === 9)!.message, /publish the record at the CNAME target/);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'cname-and-other-data')!;
  assert.equal(text.slice(d.related![0].start, d.related![0].end), 'CNAME');
});

test('cname-and-other-data: a record written before the CNAME is reported too', () => {
  const text = `${HEAD}mail IN TXT "v=spf1 -all"
;       ^^^ cname-and-other-data
mail IN CNAME mx.example.net.
`;
  assertAnnotated(text, ['cname-and-other-data']);
});

test('cname-and-other-data: RRSIG and NSEC beside a CNAME are allowed; other names are independent', () => {
  const text = `${HEAD}www IN CNAME host.example.net.
www IN RRSIG CNAME 13 3 3600 20300101000000 20200101000000 12345 example.com. AAAA
www IN NSEC x.example.com. CNAME RRSIG NSEC
host IN A 192.0.2.1
host IN TXT "x"
`;
  assertAnnotated(text, ['cname-and-other-data']);
});

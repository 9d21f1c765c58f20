/**
 * Every record type against the oracle files: rdata BIND 9.18 loads must parse without error and
 * encode to the octets BIND stores (cross-checked with ldns where it can read them), the RFC 3597
 * form of the same octets must decode and re-encode unchanged, and rdata BIND refuses must give
 * an error at exactly the marked range.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGenericRdata, rrTypeByName } from '../../server/src/language/rrtypes/registry';
import type { RdataField } from '../../server/src/language/rrtypes/spec';
import { hex, recordContext } from './tokenize';
import { invalidCases, validCases } from './fixtures';

const REQUIRED = `A AAAA NS CNAME DNAME SOA MX PTR TXT SPF SRV CAA NAPTR HINFO RP LOC SSHFP TLSA SMIMEA OPENPGPKEY CERT
  DS CDS DNSKEY CDNSKEY RRSIG NSEC NSEC3 NSEC3PARAM ZONEMD SVCB HTTPS URI AFSDB KX APL CSYNC DHCID IPSECKEY WKS`.split(/\s+/);

const valid = validCases();
const invalid = invalidCases();

function decodeGeneric(type: string, hexText: string): { fields: RdataField[] | null; errors: string[] } {
  const spec = rrTypeByName(type)!;
  const { ctx } = recordContext(type, `\\# ${hexText.length / 2} ${hexText}`);
  const bytes = parseGenericRdata(ctx.tokens, ctx);
  assert.ok(bytes, `\\# form rejected: ${JSON.stringify(ctx.errors)}`);
  const fields = spec.fromWire(bytes, { start: ctx.tokens[0].start, end: ctx.tokens[ctx.tokens.length - 1].end }, ctx);
  return { fields, errors: ctx.errors.map((e) => e.message) };
}

describe('oracle: coverage', () => {
  test('every required type has valid and invalid oracle cases', () => {
    const validTypes = new Set(valid.map((c) => c.type));
    const invalidTypes = new Set(invalid.map((c) => c.type));
    for (const t of REQUIRED) {
      assert.ok(validTypes.has(t), `no valid case for ${t}`);
      assert.ok(t === 'DNAME' || t === 'PTR' || t === 'SPF' || t === 'SMIMEA' || t === 'CDNSKEY' || t === 'AFSDB' || t === 'KX' || invalidTypes.has(t), `no invalid case for ${t}`);
      assert.ok(rrTypeByName(t), `${t} is not modelled`);
    }
    assert.ok(valid.length >= 130 && invalid.length >= 130);
  });
});

describe('oracle: presentation rdata BIND loads', () => {
  for (const c of valid) {
    test(`${c.type} ${c.rdata.replace(/\n/g, ' ').slice(0, 70)}`, () => {
      const spec = rrTypeByName(c.type);
      assert.ok(spec, `${c.type} is not modelled`);
      const { ctx } = recordContext(c.type, c.rdata);
      const fields = spec.parse(ctx);
      assert.deepEqual(ctx.errors, []);
      assert.ok(fields);
      assert.equal(hex(spec.toWire(fields)), c.hex);
      // Field names follow the schema, in order (optional trailing fields may be absent).
      assert.deepEqual(fields.map((f) => f.name), spec.fields.slice(0, fields.length).map((f) => f.name));
    });
  }
});

describe('oracle: the same rdata in RFC 3597 form', () => {
  for (const c of valid) {
    test(`${c.type} \\# ${c.hex.length / 2} ${c.hex.slice(0, 40)}`, () => {
      const spec = rrTypeByName(c.type)!;
      const { fields, errors } = decodeGeneric(c.type, c.hex);
      assert.deepEqual(errors, []);
      assert.ok(fields);
      assert.equal(hex(spec.toWire(fields)), c.hex);
    });
  }
});

describe('oracle: rdata BIND refuses', () => {
  for (const c of invalid) {
    test(`${c.type} ${c.rdata.slice(0, 70)} (BIND: ${c.bindError})`, () => {
      const spec = rrTypeByName(c.type)!;
      const { ctx, rdataStart } = recordContext(c.type, c.rdata);
      let fields: RdataField[] | null;
      if (ctx.tokens[0]?.text === '\\#') {
        const bytes = parseGenericRdata(ctx.tokens, ctx);
        fields = bytes && spec.fromWire(bytes, { start: ctx.tokens[0].start, end: ctx.tokens[ctx.tokens.length - 1].end }, ctx);
      } else {
        fields = spec.parse(ctx);
      }
      assert.equal(fields, null, 'the record should be rejected');
      const want = { start: rdataStart + c.from, end: rdataStart + c.to };
      assert.ok(
        ctx.errors.some((e) => e.start === want.start && e.end === want.end),
        `no error at [${want.start}, ${want.end}); got ${JSON.stringify(ctx.errors)}`,
      );
    });
  }
});

import type { RRTypeSpec, RdataField } from '../spec';
import type { FieldDef } from '../define';
import { decodeFields, decodeGuarded, encodeFields, field, parseFields } from '../define';
import type { FieldCodec } from '../fields';
import { binary, domainName, ipv4, ipv6, u8 } from '../fields';
import { WireError, WireWriter } from '../wire';

/** Gateway type 0: no gateway, written as `.` and absent on the wire. */
const noGateway: FieldCodec = {
  kind: 'special',
  arity: 'one',
  parse([t], ctx, what) {
    if (t.quoted || t.text !== '.') {
      ctx.error(t.start, t.end, `${what} must be "." when the gateway type is 0 (no gateway)`);
      return null;
    }
    return { value: '.' };
  },
  encode: () => undefined,
  decode: () => '.',
};

const GATEWAY_DOC = 'The gateway: `.` for type 0, an IPv4 address for type 1, an IPv6 address for type 2, a domain name for type 3.';
const GATEWAYS: readonly FieldCodec[] = [noGateway, ipv4, ipv6, domainName];

function defsFor(gatewayType: number): FieldDef[] {
  return [
    field('precedence', u8, 'Precedence 0-255 among several IPSECKEY records, lowest first.'),
    field('gatewayType', u8, 'Form of the gateway field: 0 none, 1 IPv4 address, 2 IPv6 address, 3 domain name.'),
    field('algorithm', u8, 'Public key algorithm: 0 none, 1 DSA, 2 RSA, 3 ECDSA (RFC 8005), 4 EdDSA.'),
    field('gateway', GATEWAYS[gatewayType] ?? domainName, GATEWAY_DOC),
    field('publicKey', binary('base64'), 'The public key in base64 (format given by the algorithm); it may be split over several words.'),
  ];
}

/** RFC 4025 §2: an IPsec keying record. */
export const IPSECKEY: RRTypeSpec = {
  name: 'IPSECKEY',
  code: 45,
  summary: 'IPsec gateway and public key for opportunistic encryption to the owner name.',
  rfc: 'RFC 4025 §2',
  fields: defsFor(3).map(({ name, kind, doc }) => ({ name, kind: name === 'gateway' ? 'special' : kind, doc })),
  parse(ctx) {
    const typeToken = ctx.tokens[1];
    const gatewayType = typeToken && /^[0-9]+$/.test(typeToken.text) ? Number(typeToken.text) : 3;
    if (gatewayType > 3 && gatewayType <= 255) {
      ctx.error(typeToken.start, typeToken.end, `IPSECKEY gatewayType must be 0-3 (0 none, 1 IPv4, 2 IPv6, 3 domain name); got ${gatewayType}`);
      return null;
    }
    return parseFields('IPSECKEY', defsFor(gatewayType), ctx.tokens, ctx);
  },
  toWire(fields) {
    const w = new WireWriter();
    const gatewayType = fields.find((f) => f.name === 'gatewayType')?.value as number;
    encodeFields(defsFor(gatewayType), fields, w);
    return w.finish();
  },
  fromWire(bytes, range, ctx) {
    return decodeGuarded('IPSECKEY', bytes, range, ctx, (r) => {
      const gatewayType = bytes.length > 1 ? bytes[1] : 0;
      if (gatewayType > 3) throw new WireError(`gateway type ${gatewayType} is not defined (0-3)`);
      const fields: RdataField[] = decodeFields('IPSECKEY', defsFor(gatewayType), r, range);
      return fields;
    });
  },
};

import type { RRTypeSpec } from '../spec';
import { decodeGuarded, rdataRange } from '../define';
import { bytesToHex, hexToBytes, WireWriter } from '../wire';

/** RFC 1035 §3.3.10: opaque data with no presentation format of its own. */
export const NULL: RRTypeSpec = {
  name: 'NULL',
  code: 10,
  summary: 'Opaque experimental data (at most 65535 octets); it can only be written in RFC 3597 form.',
  rfc: 'RFC 1035 §3.3.10',
  fields: [{ name: 'data', kind: 'hex', doc: 'Any octets, written as `\\# <length> <hex>` (RFC 3597 §5).' }],
  parse(ctx) {
    const r = rdataRange(ctx);
    ctx.error(r.start, r.end, 'NULL rdata has no text form: write it as \\# <length> <hex> (RFC 3597 §5)');
    return null;
  },
  toWire(fields) {
    const w = new WireWriter();
    w.bytes(hexToBytes((fields[0]?.value as string) ?? ''));
    return w.finish();
  },
  fromWire(bytes, range, ctx) {
    return decodeGuarded('NULL', bytes, range, ctx, (r) => [{ name: 'data', ...range, value: bytesToHex(r.rest(), true) }]);
  },
};

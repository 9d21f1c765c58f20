/**
 * APL (RFC 3123): a list of address prefixes, each `[!]afi:address/prefix` with afi 1 (IPv4) or
 * 2 (IPv6). On the wire each item is afi, prefix length, negation bit with the address length,
 * and the address with its trailing zero octets left out (RFC 3123 §4). The field value is the
 * list in canonical text (addresses as RFC 5952 for IPv6).
 */
import type { RRTypeSpec } from '../spec';
import { decodeGuarded, rdataRange } from '../define';
import { formatIpv4, formatIpv6, isAddressError, parseIpv4, parseIpv6 } from '../addresses';
import { WireError, WireWriter } from '../wire';

const FAMILIES: Record<number, { octets: number; bits: number; parse: typeof parseIpv4; format: (b: ArrayLike<number>) => string }> = {
  1: { octets: 4, bits: 32, parse: parseIpv4, format: formatIpv4 },
  2: { octets: 16, bits: 128, parse: parseIpv6, format: formatIpv6 },
};

interface AplItem {
  negate: boolean;
  afi: number;
  prefix: number;
  address: Uint8Array;
}

type ItemResult = AplItem | { error: string; from: number; to: number };

function parseItem(text: string): ItemResult {
  const m = /^(!?)([0-9]{1,5}):([^/]*)\/([0-9]{1,3})$/.exec(text);
  if (!m) return { error: `APL item "${text}" must have the form [!]afi:address/prefix (e.g. 1:192.0.2.0/24)`, from: 0, to: text.length };
  const afi = Number(m[2]);
  const family = FAMILIES[afi];
  const afiFrom = m[1].length;
  if (!family) return { error: `APL address family ${afi} is not supported: use 1 (IPv4) or 2 (IPv6)`, from: afiFrom, to: afiFrom + m[2].length };
  const addrFrom = afiFrom + m[2].length + 1;
  const address = family.parse(m[3]);
  if (isAddressError(address)) return { error: address.error, from: addrFrom + address.from, to: addrFrom + address.to };
  const prefix = Number(m[4]);
  if (prefix > family.bits) return { error: `APL prefix length ${prefix} is over ${family.bits}`, from: text.length - m[4].length, to: text.length };
  return { negate: m[1] === '!', afi, prefix, address };
}

function formatItem(item: AplItem): string {
  return `${item.negate ? '!' : ''}${item.afi}:${FAMILIES[item.afi].format(item.address)}/${item.prefix}`;
}

function encodeItem(item: AplItem, w: WireWriter): void {
  let len = item.address.length;
  while (len > 0 && item.address[len - 1] === 0) len--;
  w.u16(item.afi);
  w.u8(item.prefix);
  w.u8((item.negate ? 0x80 : 0) | len);
  w.bytes(item.address.subarray(0, len));
}

export const APL: RRTypeSpec = {
  name: 'APL',
  code: 42,
  summary: 'Address prefix list: IPv4 and IPv6 prefixes, each possibly negated, for applications that need an address list.',
  rfc: 'RFC 3123 §4-5',
  fields: [{ name: 'items', kind: 'special', doc: 'Zero or more prefixes `[!]afi:address/prefix`: afi 1 for IPv4, 2 for IPv6; `!` negates the item.', optional: true }],
  parse(ctx) {
    const items: string[] = [];
    let ok = true;
    for (const t of ctx.tokens) {
      const r: ItemResult = t.quoted ? { error: 'an APL item cannot be a quoted string', from: 0, to: t.end - t.start } : parseItem(t.text);
      if ('error' in r) {
        ctx.error(t.start + (t.quoted ? 0 : r.from), t.quoted ? t.end : t.start + Math.max(r.to, r.from + 1), r.error);
        ok = false;
      } else items.push(formatItem(r));
    }
    if (!ok) return null;
    return [{ name: 'items', ...rdataRange(ctx), value: items }];
  },
  toWire(fields) {
    const w = new WireWriter();
    for (const text of (fields[0]?.value as string[]) ?? []) encodeItem(parseItem(text) as AplItem, w);
    return w.finish();
  },
  fromWire(bytes, range, ctx) {
    return decodeGuarded('APL', bytes, range, ctx, (r) => {
      const items: string[] = [];
      while (!r.atEnd) {
        const afi = r.u16('address family');
        const prefix = r.u8('prefix length');
        const nlen = r.u8('address length');
        const family = FAMILIES[afi];
        if (!family) throw new WireError(`address family ${afi} is not supported (1 or 2)`);
        const len = nlen & 0x7f;
        if (prefix > family.bits) throw new WireError(`prefix length ${prefix} is over ${family.bits}`);
        if (len > family.octets) throw new WireError(`address length ${len} is over ${family.octets}`);
        const part = r.take(len, 'address');
        if (len > 0 && part[len - 1] === 0) throw new WireError('address has trailing zero octets, which RFC 3123 §4 says to leave out');
        const address = new Uint8Array(family.octets);
        address.set(part);
        items.push(formatItem({ negate: (nlen & 0x80) !== 0, afi, prefix, address }));
      }
      return [{ name: 'items', start: range.start, end: range.end, value: items }];
    });
  },
};

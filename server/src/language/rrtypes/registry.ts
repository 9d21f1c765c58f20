/**
 * Every record type we model field by field, looked up by mnemonic, `TYPEnnn` or code, plus the
 * RFC 3597 generic rdata form `\# <length> <hex>` that any type may use.
 */
import type { RRTypeSpec, RdataContext, RdataToken } from './spec';
import { typeCodeOf, typeInfoByCode, typeInfoByName, allTypeInfos, typeMnemonic, type TypeCodeInfo } from './typeCodes';
import { decodeHex, isEncodingError } from './encodings';
import { rdataRange } from './define';
import { A } from './types/a';
import { AAAA } from './types/aaaa';
import { AFSDB } from './types/afsdb';
import { APL } from './types/apl';
import { CAA } from './types/caa';
import { CDNSKEY } from './types/cdnskey';
import { CDS } from './types/cds';
import { CERT } from './types/cert';
import { CNAME } from './types/cname';
import { CSYNC } from './types/csync';
import { DHCID } from './types/dhcid';
import { DNAME } from './types/dname';
import { DNSKEY } from './types/dnskey';
import { DS } from './types/ds';
import { EUI48 } from './types/eui48';
import { EUI64 } from './types/eui64';
import { HINFO } from './types/hinfo';
import { HTTPS } from './types/https';
import { IPSECKEY } from './types/ipseckey';
import { KX } from './types/kx';
import { LOC } from './types/loc';
import { MB, MD, MF, MG, MINFO, MR } from './types/mailbox';
import { MX } from './types/mx';
import { NAPTR } from './types/naptr';
import { NS } from './types/ns';
import { NSEC } from './types/nsec';
import { NSEC3 } from './types/nsec3';
import { NSEC3PARAM } from './types/nsec3param';
import { NULL } from './types/null';
import { OPENPGPKEY } from './types/openpgpkey';
import { PTR } from './types/ptr';
import { RP } from './types/rp';
import { RRSIG } from './types/rrsig';
import { RT } from './types/rt';
import { SMIMEA } from './types/smimea';
import { SOA } from './types/soa';
import { SPF } from './types/spf';
import { SRV } from './types/srv';
import { SSHFP } from './types/sshfp';
import { SVCB } from './types/svcb';
import { TLSA } from './types/tlsa';
import { TXT } from './types/txt';
import { URI } from './types/uri';
import { WKS } from './types/wks';
import { ZONEMD } from './types/zonemd';

export { typeCodeOf, typeMnemonic, typeInfoByName, typeInfoByCode, allTypeInfos };
export type { TypeCodeInfo };
export type { AnchoredRdataContext } from './define';

const SPECS: readonly RRTypeSpec[] = [
  A, NS, MD, MF, CNAME, SOA, MB, MG, MR, NULL, WKS, PTR, HINFO, MINFO, MX, TXT, RP, AFSDB, RT, AAAA, LOC, SRV,
  NAPTR, KX, CERT, DNAME, APL, DS, SSHFP, IPSECKEY, RRSIG, NSEC, DNSKEY, DHCID, NSEC3, NSEC3PARAM, TLSA,
  SMIMEA, CDS, CDNSKEY, OPENPGPKEY, CSYNC, ZONEMD, SVCB, HTTPS, SPF, EUI48, EUI64, URI, CAA,
];

const BY_NAME = new Map<string, RRTypeSpec>(SPECS.map((s) => [s.name, s]));
const BY_CODE = new Map<number, RRTypeSpec>(SPECS.map((s) => [s.code, s]));

/** The modelled type for an upper-case mnemonic, or for `TYPEnnn` when nnn is a modelled code. */
export function rrTypeByName(upper: string): RRTypeSpec | undefined {
  const direct = BY_NAME.get(upper);
  if (direct) return direct;
  if (upper.length > 4 && /^type[0-9]/i.test(upper)) {
    const code = typeCodeOf(upper);
    return code === undefined ? undefined : BY_CODE.get(code);
  }
  const upperCased = upper.toUpperCase();
  return upperCased === upper ? undefined : BY_NAME.get(upperCased);
}

export function rrTypeByCode(code: number): RRTypeSpec | undefined {
  return BY_CODE.get(code);
}

/** Every modelled type, in code order. */
export function allRRTypes(): readonly RRTypeSpec[] {
  return [...SPECS].sort((a, b) => a.code - b.code);
}

/** True for a known mnemonic (modelled or not) or any `TYPEnnn`. */
export function isKnownTypeName(text: string): boolean {
  return typeCodeOf(text) !== undefined;
}

/**
 * RFC 3597 §5 generic rdata: `tokens` starts with `\#`, then the rdata length in decimal, then
 * that many octets as hex over any number of words (none when the length is 0). Returns the
 * octets, or null after reporting the problem at the offending token.
 */
export function parseGenericRdata(tokens: readonly RdataToken[], ctx: RdataContext): Uint8Array | null {
  const mark = tokens[0];
  if (!mark || mark.quoted || mark.text !== '\\#') {
    const r = mark ? { start: mark.start, end: mark.end } : rdataRange(ctx);
    ctx.error(r.start, r.end, 'generic rdata must start with \\# (RFC 3597 §5)');
    return null;
  }
  const lengthToken = tokens[1];
  if (!lengthToken) {
    ctx.error(mark.start, mark.end, '\\# must be followed by the rdata length in octets and the rdata in hex (RFC 3597 §5)');
    return null;
  }
  if (lengthToken.quoted || !/^[0-9]{1,5}$/.test(lengthToken.text) || Number(lengthToken.text) > 65535) {
    ctx.error(lengthToken.start, lengthToken.end, `\\# rdata length must be a decimal number 0-65535; got "${lengthToken.text}"`);
    return null;
  }
  const length = Number(lengthToken.text);
  const hexTokens = tokens.slice(2);
  for (const t of hexTokens) {
    if (t.quoted) {
      ctx.error(t.start, t.end, '\\# rdata must be hex digits, not a quoted string');
      return null;
    }
  }
  const hex = hexTokens.map((t) => t.text).join('');
  const bytes = decodeHex(hex);
  if (isEncodingError(bytes)) {
    const at = locate(hexTokens, bytes.from);
    ctx.error(at, at + 1, `\\# rdata: ${bytes.error}`);
    return null;
  }
  if (bytes.length !== length) {
    const where = hexTokens.length > 0 ? { start: hexTokens[0].start, end: hexTokens[hexTokens.length - 1].end } : { start: lengthToken.start, end: lengthToken.end };
    ctx.error(where.start, where.end, `\\# says the rdata is ${length} octet${length === 1 ? '' : 's'} but ${bytes.length} ${bytes.length === 1 ? 'is' : 'are'} given`);
    return null;
  }
  return bytes;
}

/** Document offset of joined character `index` of the tokens' texts. */
function locate(tokens: readonly RdataToken[], index: number): number {
  let k = index;
  for (const t of tokens) {
    if (k < t.text.length) return t.start + k;
    k -= t.text.length;
  }
  return tokens.length > 0 ? tokens[tokens.length - 1].end - 1 : 0;
}

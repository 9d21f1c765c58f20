/**
 * The IANA "Resource Record (RR) TYPEs" registry as far as a zone file can meet it: mnemonic ↔
 * code for every assigned type, including those we do not model field by field, so that
 * `TYPEnnn` (RFC 3597 §5) and mnemonics convert both ways and a misspelt type is noticed.
 */

export interface TypeCodeInfo {
  name: string;
  code: number;
  /** Query-only or transport types (RFC 6895 §3.1): never valid in a zone file. */
  meta?: boolean;
  /** Why the type should no longer be published, when it should not. */
  obsolete?: string;
}

const TABLE: readonly TypeCodeInfo[] = [
  { name: 'A', code: 1 },
  { name: 'NS', code: 2 },
  { name: 'MD', code: 3, obsolete: 'RFC 973: replaced by MX' },
  { name: 'MF', code: 4, obsolete: 'RFC 973: replaced by MX' },
  { name: 'CNAME', code: 5 },
  { name: 'SOA', code: 6 },
  { name: 'MB', code: 7, obsolete: 'experimental in RFC 1035 and never deployed (RFC 2505 §2.1)' },
  { name: 'MG', code: 8, obsolete: 'experimental in RFC 1035 and never deployed (RFC 2505 §2.1)' },
  { name: 'MR', code: 9, obsolete: 'experimental in RFC 1035 and never deployed (RFC 2505 §2.1)' },
  { name: 'NULL', code: 10 },
  { name: 'WKS', code: 11, obsolete: 'RFC 1123 §6.1.3.6: WKS should not be used' },
  { name: 'PTR', code: 12 },
  { name: 'HINFO', code: 13 },
  { name: 'MINFO', code: 14, obsolete: 'experimental in RFC 1035 and never deployed' },
  { name: 'MX', code: 15 },
  { name: 'TXT', code: 16 },
  { name: 'RP', code: 17 },
  { name: 'AFSDB', code: 18 },
  { name: 'X25', code: 19 },
  { name: 'ISDN', code: 20 },
  { name: 'RT', code: 21 },
  { name: 'NSAP', code: 22 },
  { name: 'NSAP-PTR', code: 23, obsolete: 'RFC 1706: NSAP-PTR is deprecated' },
  { name: 'SIG', code: 24, obsolete: 'RFC 3755: replaced by RRSIG for DNSSEC (still used by SIG(0))' },
  { name: 'KEY', code: 25, obsolete: 'RFC 3755: replaced by DNSKEY for DNSSEC (still used by SIG(0))' },
  { name: 'PX', code: 26 },
  { name: 'GPOS', code: 27 },
  { name: 'AAAA', code: 28 },
  { name: 'LOC', code: 29 },
  { name: 'NXT', code: 30, obsolete: 'RFC 3755: replaced by NSEC' },
  { name: 'EID', code: 31 },
  { name: 'NIMLOC', code: 32 },
  { name: 'SRV', code: 33 },
  { name: 'ATMA', code: 34 },
  { name: 'NAPTR', code: 35 },
  { name: 'KX', code: 36 },
  { name: 'CERT', code: 37 },
  { name: 'A6', code: 38, obsolete: 'RFC 6563: A6 is historic; use AAAA' },
  { name: 'DNAME', code: 39 },
  { name: 'SINK', code: 40 },
  { name: 'OPT', code: 41, meta: true },
  { name: 'APL', code: 42 },
  { name: 'DS', code: 43 },
  { name: 'SSHFP', code: 44 },
  { name: 'IPSECKEY', code: 45 },
  { name: 'RRSIG', code: 46 },
  { name: 'NSEC', code: 47 },
  { name: 'DNSKEY', code: 48 },
  { name: 'DHCID', code: 49 },
  { name: 'NSEC3', code: 50 },
  { name: 'NSEC3PARAM', code: 51 },
  { name: 'TLSA', code: 52 },
  { name: 'SMIMEA', code: 53 },
  { name: 'HIP', code: 55 },
  { name: 'NINFO', code: 56 },
  { name: 'RKEY', code: 57 },
  { name: 'TALINK', code: 58 },
  { name: 'CDS', code: 59 },
  { name: 'CDNSKEY', code: 60 },
  { name: 'OPENPGPKEY', code: 61 },
  { name: 'CSYNC', code: 62 },
  { name: 'ZONEMD', code: 63 },
  { name: 'SVCB', code: 64 },
  { name: 'HTTPS', code: 65 },
  { name: 'DSYNC', code: 66 },
  { name: 'SPF', code: 99, obsolete: 'RFC 7208 §3.1: publish SPF as TXT only' },
  { name: 'UINFO', code: 100 },
  { name: 'UID', code: 101 },
  { name: 'GID', code: 102 },
  { name: 'UNSPEC', code: 103 },
  { name: 'NID', code: 104 },
  { name: 'L32', code: 105 },
  { name: 'L64', code: 106 },
  { name: 'LP', code: 107 },
  { name: 'EUI48', code: 108 },
  { name: 'EUI64', code: 109 },
  { name: 'TKEY', code: 249, meta: true },
  { name: 'TSIG', code: 250, meta: true },
  { name: 'IXFR', code: 251, meta: true },
  { name: 'AXFR', code: 252, meta: true },
  { name: 'MAILB', code: 253, meta: true },
  { name: 'MAILA', code: 254, meta: true },
  { name: 'ANY', code: 255, meta: true },
  { name: 'URI', code: 256 },
  { name: 'CAA', code: 257 },
  { name: 'AVC', code: 258 },
  { name: 'DOA', code: 259 },
  { name: 'AMTRELAY', code: 260 },
  { name: 'RESINFO', code: 261 },
  { name: 'WALLET', code: 262 },
  { name: 'CLA', code: 263 },
  { name: 'IPN', code: 264 },
  { name: 'TA', code: 32768 },
  { name: 'DLV', code: 32769, obsolete: 'RFC 8749: DLV is historic' },
];

const BY_NAME = new Map<string, TypeCodeInfo>(TABLE.map((t) => [t.name, t]));
const BY_CODE = new Map<number, TypeCodeInfo>(TABLE.map((t) => [t.code, t]));

/** The registry entry for an upper-case mnemonic. */
export function typeInfoByName(upper: string): TypeCodeInfo | undefined {
  return BY_NAME.get(upper);
}

export function typeInfoByCode(code: number): TypeCodeInfo | undefined {
  return BY_CODE.get(code);
}

export function allTypeInfos(): readonly TypeCodeInfo[] {
  return TABLE;
}

/**
 * The code of `TYPEnnn` (any case, nnn decimal 0-65535, RFC 3597 §5), or of a known mnemonic;
 * undefined for anything else.
 */
export function typeCodeOf(text: string): number | undefined {
  const upper = text.toUpperCase();
  const m = /^TYPE([0-9]{1,5})$/.exec(upper);
  if (m) {
    const code = Number(m[1]);
    return code <= 65535 ? code : undefined;
  }
  return BY_NAME.get(upper)?.code;
}

/** The mnemonic of a code, or `TYPEnnn` when it has none. */
export function typeMnemonic(code: number): string {
  return BY_CODE.get(code)?.name ?? `TYPE${code}`;
}

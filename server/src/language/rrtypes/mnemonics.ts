/**
 * Numeric rdata fields that BIND also accepts as mnemonics: DNSSEC algorithms (RFC 4034
 * Appendix A.1 and the IANA registry), DS digest types, and CERT certificate types (RFC 4398
 * §2.1). The spellings are the ones BIND 9.18 reads (it does not know the IANA spellings with
 * hyphens such as `DSA-NSEC3-SHA1`); matching is case-insensitive.
 */

export interface MnemonicTable {
  /** What the numbers are, for messages ("DNSSEC algorithm"). */
  what: string;
  byName: ReadonlyMap<string, number>;
  /** The name BIND prints for a number, when it has one. */
  byCode: ReadonlyMap<number, string>;
}

function table(what: string, entries: readonly [string, number][]): MnemonicTable {
  const byName = new Map<string, number>();
  const byCode = new Map<number, string>();
  for (const [name, code] of entries) {
    byName.set(name, code);
    if (!byCode.has(code)) byCode.set(code, name);
  }
  return { what, byName, byCode };
}

export const DNSSEC_ALGORITHMS = table('DNSSEC algorithm', [
  ['RSAMD5', 1],
  ['DH', 2],
  ['DSA', 3],
  ['RSASHA1', 5],
  ['NSEC3DSA', 6],
  ['NSEC3RSASHA1', 7],
  ['RSASHA256', 8],
  ['RSASHA512', 10],
  ['ECCGOST', 12],
  ['ECDSAP256SHA256', 13],
  ['ECDSA256', 13],
  ['ECDSAP384SHA384', 14],
  ['ECDSA384', 14],
  ['ED25519', 15],
  ['ED448', 16],
  ['INDIRECT', 252],
  ['PRIVATEDNS', 253],
  ['PRIVATEOID', 254],
]);

export const DS_DIGEST_TYPES = table('DS digest type', [
  ['SHA-1', 1],
  ['SHA1', 1],
  ['SHA-256', 2],
  ['SHA256', 2],
  ['GOST', 3],
  ['SHA-384', 4],
  ['SHA384', 4],
]);

/** Digest lengths in octets for the DS digest types whose length is fixed (RFC 4034, 4509, 5933, 6605). */
export const DS_DIGEST_LENGTHS: ReadonlyMap<number, number> = new Map([
  [1, 20],
  [2, 32],
  [3, 32],
  [4, 48],
]);

export const CERT_TYPES = table('CERT certificate type', [
  ['PKIX', 1],
  ['SPKI', 2],
  ['PGP', 3],
  ['IPKIX', 4],
  ['ISPKI', 5],
  ['IPGP', 6],
  ['ACPKIX', 7],
  ['IACPKIX', 8],
  ['URI', 253],
  ['OID', 254],
]);

/** A mnemonic from `t` (any case) or a decimal number up to `max`. */
export function lookupMnemonic(t: MnemonicTable, text: string): number | undefined {
  return t.byName.get(text.toUpperCase());
}

/**
 * dnskey-fields: DNSKEY and CDNSKEY parameters (RFC 4034 §2.1): protocol must be 3; the flags
 * of a zone key are 256 (ZSK) or 257 (KSK, the SEP bit), plus 128 for a revoked key
 * (RFC 5011 §3); the algorithm must be one validators know (IANA DNSSEC algorithm numbers),
 * and RFC 8624 §3.1 says not to sign with RSAMD5, DSA, DSA-NSEC3-SHA1 or ECC-GOST.
 * The CDNSKEY delete form `0 3 0 AA==` (RFC 8078 §4) is allowed.
 */
import { DNSSEC_ALGORITHMS } from '../../rrtypes/mnemonics';
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, numberOf } from './common';

const ZONE_KEY_FLAGS = new Set([256, 257, 384, 385]);
/** RFC 8624 §3.1: MUST NOT be used for signing. */
const MUST_NOT_SIGN = new Set([1, 3, 6, 12]);

export const dnskeyFields: Rule = {
  id: 'dnskey-fields',
  defaultSeverity: 'error',
  summary: 'A DNSKEY/CDNSKEY with protocol other than 3, flags other than 256/257, or an unknown or forbidden algorithm.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofTypes(['DNSKEY', 'CDNSKEY'], true)) {
      const flags = numberOf(r, 'flags');
      const protocol = numberOf(r, 'protocol');
      const alg = numberOf(r, 'algorithm');
      const key = fieldNamed(r, 'publicKey');
      if (r.type === 'CDNSKEY' && flags?.v === 0 && alg?.v === 0 && protocol?.v === 3 && key?.value === 'AA==') continue;
      if (flags && !ZONE_KEY_FLAGS.has(flags.v)) {
        const zoneBit = (flags.v & 256) !== 0;
        report({
          ...fieldPlace(r, flags.f),
          message: zoneBit
            ? `${r.type} flags ${flags.v} set bits that are not defined for zone keys; use 256 (zone-signing key) or 257 (key-signing key) (RFC 4034 §2.1.1, RFC 3757).`
            : `${r.type} flags ${flags.v} lack the Zone Key bit (256), so validators never use this key for the zone; use 256 (zone-signing key) or 257 (key-signing key) (RFC 4034 §2.1.1).`,
        });
      }
      if (protocol && protocol.v !== 3) {
        report({ ...fieldPlace(r, protocol.f), message: `${r.type} protocol ${protocol.v}: it must be 3 (RFC 4034 §2.1.2); validators treat the key as invalid.` });
      }
      if (alg) {
        const name = DNSSEC_ALGORITHMS.byCode.get(alg.v);
        if (!name || alg.v === 0 || alg.v === 2 || alg.v === 252) {
          report({ ...fieldPlace(r, alg.f), message: `${r.type} algorithm ${alg.v} is not a DNSSEC signing algorithm validators know (8 RSASHA256, 13 ECDSAP256SHA256, 15 ED25519, ...); they treat the zone as unsigned or fail it.` });
        } else if (MUST_NOT_SIGN.has(alg.v)) {
          report({ ...fieldPlace(r, alg.f), severity: 'warning', message: `${r.type} algorithm ${alg.v} (${name}) must not be used for signing any more (RFC 8624 §3.1); many validators treat such zones as unsigned. Roll to algorithm 13 (ECDSAP256SHA256) or 8 (RSASHA256).` });
        }
      }
    }
  },
};

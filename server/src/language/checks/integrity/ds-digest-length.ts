/**
 * ds-digest-length: DS and CDS digests must have the length of their digest type: 1 SHA-1 20
 * octets (RFC 4034 §5.1.4), 2 SHA-256 32 (RFC 4509), 3 GOST 32 (RFC 5933), 4 SHA-384 48
 * (RFC 6605), 5 GOST R 34.11-2012 32 (RFC 9558), 6 SM3 32 (RFC 9563). Digest type 0 is only
 * meaningful in the CDS "delete" form `0 0 0 00` (RFC 8078 §4); other digest types are unknown
 * to validators, which then treat the delegation as unsigned. A DS that can never match a key
 * makes a signed child zone fail validation (SERVFAIL).
 * BIND refuses wrong lengths of types 1-4 while reading, so those already fail to parse.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, numberOf } from './common';

const DIGEST_OCTETS: Record<number, { octets: number; name: string }> = {
  1: { octets: 20, name: 'SHA-1' },
  2: { octets: 32, name: 'SHA-256' },
  3: { octets: 32, name: 'GOST R 34.11-94' },
  4: { octets: 48, name: 'SHA-384' },
  5: { octets: 32, name: 'GOST R 34.11-2012' },
  6: { octets: 32, name: 'SM3' },
};

export const dsDigestLength: Rule = {
  id: 'ds-digest-length',
  defaultSeverity: 'error',
  summary: 'A DS/CDS digest whose length does not fit its digest type, or an unknown digest type.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofTypes(['DS', 'CDS'], true)) {
      const type = numberOf(r, 'digestType');
      const digest = fieldNamed(r, 'digest');
      if (!type || !digest || typeof digest.value !== 'string') continue;
      const octets = digest.value.length / 2;
      const known = DIGEST_OCTETS[type.v];
      if (type.v === 0) {
        const alg = numberOf(r, 'algorithm')?.v;
        const isDelete = r.type === 'CDS' && alg === 0 && numberOf(r, 'keyTag')?.v === 0 && digest.value === '00';
        if (!isDelete) {
          report({ ...fieldPlace(r, type.f), message: r.type === 'CDS' ? 'CDS digest type 0 is only valid in the delete form "0 0 0 00" (RFC 8078 §4).' : 'DS digest type 0 is reserved (RFC 4034 §5.1.3); validators cannot use this DS.' });
        }
      } else if (!known) {
        report({ ...fieldPlace(r, type.f), severity: 'warning', message: `${r.type} digest type ${type.v} is not one validators know (1 SHA-1, 2 SHA-256, 4 SHA-384, ...); they ignore this ${r.type}, and a child signed only under it is treated as unsigned.` });
      } else if (octets !== known.octets) {
        report({ ...fieldPlace(r, digest), message: `${r.type} digest type ${type.v} (${known.name}) needs ${known.octets} octets (${known.octets * 2} hex digits); this one has ${octets}, so it never matches the child's key and validation fails.` });
      }
    }
  },
};

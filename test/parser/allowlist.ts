/**
 * The disagreements with BIND we accept, each with its reason. Every entry is a documented
 * dialect decision (docs/zone-format.md, "Differences from BIND"); anything not matched here
 * fails differential.test.ts. Keep the predicates narrow: an entry must not swallow a new bug.
 */
import type { CaseOutcome } from '../oracle/differential';

export interface Allowance {
  id: string;
  reason: string;
  matches(o: CaseOutcome): boolean;
}

const onlyOurs = (o: CaseOutcome, ids: string[]): boolean => o.ours.length > 0 && o.ours.every((f) => ids.includes(f.id));

export const ALLOWLIST: readonly Allowance[] = [
  {
    id: 'dnssec-policy',
    reason: 'BIND checks DNSSEC signatures (expiry) and CDS/CDNSKEY consistency at load time; we do not validate DNSSEC cryptography.',
    matches: (o) => o.kind === 'bind-only-reject' && o.bind.failures.length > 0 && o.bind.failures.every((f) => f.kind === 'policy'),
  },
  {
    id: 'ttl-above-max',
    reason: 'A TTL above 2^31-1: BIND loads it as 0 with a warning; we report ttl-range as an error (RFC 2181 §8: such a TTL is a mistake).',
    matches: (o) => o.kind === 'ours-only-reject' && onlyOurs(o, ['ttl-range']),
  },
  {
    id: 'byte-order-mark',
    reason: 'A UTF-8 byte order mark at the start: BIND reads it as part of the first owner and fails; we skip it (editors add it silently).',
    matches: (o) => o.kind === 'bind-only-reject' && o.zone.files[0].text.charCodeAt(0) === 0xfeff,
  },
  {
    id: 'type-not-modelled',
    reason: 'A type BIND knows by name that our registry does not model yet (reported to the record-type work): we ask for RFC 3597 form.',
    matches: (o) => o.kind === 'ours-only-reject' && o.ours.every((f) => f.id === 'rdata-invalid' && /is not a type known by name here/.test(f.message)),
  },
  {
    id: 'wks-service-names',
    reason: 'WKS services written as names: BIND looks them up in the machine\'s services database (getservbyname), so their meaning depends on the host; our WKS takes port numbers (reported to the record-type work).',
    matches: (o) => o.kind === 'ours-only-reject' && o.ours.every((f) => f.id === 'rdata-invalid' && /^WKS services: unknown service/.test(f.message)),
  },
];

/** Not disagreements, but counted alongside them: cases where BIND's $INCLUDE base was needed. */
export const INCLUDE_BASE: Allowance = {
  id: 'include-base-directory',
  reason: 'A relative $INCLUDE path that only resolves against BIND\'s working directory; we resolve against the including file (the zone was compared after parsing it again the BIND way).',
  matches: (o) => o.includeResolvedLikeBind,
};

export function allowanceFor(o: CaseOutcome): Allowance | undefined {
  return ALLOWLIST.find((a) => a.matches(o));
}

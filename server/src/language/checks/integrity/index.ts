/**
 * The zone-integrity rules: structure of the zone (SOA, NS, glue, CNAME/DNAME), consistency of
 * records (duplicates, TTLs, names) and the well-formedness of a few record types.
 */
import type { Rule } from '../rule';
import { soaMissing } from './soa-missing';
import { soaNotAtApex } from './soa-not-at-apex';
import { soaMultiple } from './soa-multiple';
import { soaValues } from './soa-values';
import { soaMnameNotAuthoritative } from './soa-mname-not-authoritative';
import { nsMissing } from './ns-missing';
import { nsSingle } from './ns-single';
import { nsTargetIsIp } from './ns-target-is-ip';
import { nsTargetIsCname } from './ns-target-is-cname';
import { glueMissing } from './glue-missing';
import { glueOrphan } from './glue-orphan';
import { cnameAndOtherData } from './cname-and-other-data';
import { cnameMultiple } from './cname-multiple';
import { cnameAtApex } from './cname-at-apex';
import { cnameLoop } from './cname-loop';
import { cnameTargetMissing } from './cname-target-missing';
import { dnameWithChildren } from './dname-with-children';
import { outOfZone } from './out-of-zone';
import { duplicateRecord } from './duplicate-record';
import { ttlMismatchRrset } from './ttl-mismatch-rrset';
import { ttlMissing } from './ttl-missing';
import { nameMissingTrailingDot } from './name-missing-trailing-dot';
import { nameSyntax } from './name-syntax';
import { srvTargetNoAddress } from './srv-target-no-address';
import { srvTargetIsCname } from './srv-target-is-cname';
import { caaSyntax } from './caa-syntax';
import { tlsaFields } from './tlsa-fields';
import { sshfpFields } from './sshfp-fields';
import { dsDigestLength } from './ds-digest-length';
import { dnskeyFields } from './dnskey-fields';
import { wildcardNonTerminal } from './wildcard-non-terminal';
import { spfRrType } from './spf-rr-type';

export const integrityRules: Rule[] = [
  soaMissing,
  soaNotAtApex,
  soaMultiple,
  soaValues,
  soaMnameNotAuthoritative,
  nsMissing,
  nsSingle,
  nsTargetIsIp,
  nsTargetIsCname,
  glueMissing,
  glueOrphan,
  cnameAndOtherData,
  cnameMultiple,
  cnameAtApex,
  cnameLoop,
  cnameTargetMissing,
  dnameWithChildren,
  outOfZone,
  duplicateRecord,
  ttlMismatchRrset,
  ttlMissing,
  nameMissingTrailingDot,
  nameSyntax,
  srvTargetNoAddress,
  srvTargetIsCname,
  caaSyntax,
  tlsaFields,
  sshfpFields,
  dsDigestLength,
  dnskeyFields,
  wildcardNonTerminal,
  spfRrType,
];

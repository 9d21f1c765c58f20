/**
 * The SPF rules (RFC 7208): syntax and record selection first, then the policy itself, then the
 * checks that follow includes, redirects and lookups across the zones of the workspace. The
 * SPF TXT records of each zone are found and parsed once (records.ts) and shared by all of them.
 */
import type { Rule } from '../rule';
import { spfSyntax } from './spf-syntax';
import { spfJoinedBadly } from './spf-joined-badly';
import { spfMultipleRecords } from './spf-multiple-records';
import { spfRecordTooLong } from './spf-record-too-long';
import { spfPermissiveAll } from './spf-permissive-all';
import { spfNoAll } from './spf-no-all';
import { spfRedirectWithAll } from './spf-redirect-with-all';
import { spfTermsAfterAll } from './spf-terms-after-all';
import { spfPtrDeprecated } from './spf-ptr-deprecated';
import { spfMissing } from './spf-missing';
import { spfLookupLimit } from './spf-lookup-limit';
import { spfVoidLookup } from './spf-void-lookup';
import { spfIncludeLoop } from './spf-include-loop';
import { spfIncludeTargetMissing } from './spf-include-target-missing';
import { spfMxWithoutAddress } from './spf-mx-without-address';

export const spfRules: Rule[] = [
  spfSyntax,
  spfJoinedBadly,
  spfMultipleRecords,
  spfRecordTooLong,
  spfPermissiveAll,
  spfNoAll,
  spfRedirectWithAll,
  spfTermsAfterAll,
  spfPtrDeprecated,
  spfMissing,
  spfLookupLimit,
  spfVoidLookup,
  spfIncludeLoop,
  spfIncludeTargetMissing,
  spfMxWithoutAddress,
];

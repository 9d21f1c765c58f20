/**
 * Mail-deliverability rules other than SPF (those are in checks/spf): DKIM, DMARC, MTA-STS,
 * TLS-RPT and BIMI records, MX targets, and reverse DNS of the mail hosts.
 */
import type { Rule } from '../rule';
import { bimiSyntax } from './bimi-syntax';
import { dkimKeyRevoked } from './dkim-key-revoked';
import { dkimKeyTypeMismatch } from './dkim-key-type-mismatch';
import { dkimSha1 } from './dkim-sha1';
import { dkimSyntax } from './dkim-syntax';
import { dkimTestingMode } from './dkim-testing-mode';
import { dkimWeakKey } from './dkim-weak-key';
import { dmarcMissing } from './dmarc-missing';
import { dmarcMultiple } from './dmarc-multiple';
import { dmarcNoRua } from './dmarc-no-rua';
import { dmarcPctPartial } from './dmarc-pct-partial';
import { dmarcPolicyNone } from './dmarc-policy-none';
import { dmarcSyntax } from './dmarc-syntax';
import { mtaStsHostMissing } from './mta-sts-host-missing';
import { mtaStsSyntax } from './mta-sts-syntax';
import { mxMissing } from './mx-missing';
import { mxNull } from './mx-null';
import { mxTargetIsCname } from './mx-target-is-cname';
import { mxTargetIsIp } from './mx-target-is-ip';
import { mxTargetNoAddress } from './mx-target-no-address';
import { ptrHint } from './ptr-hint';
import { ptrMismatch } from './ptr-mismatch';
import { ptrMissing } from './ptr-missing';
import { tlsrptSyntax } from './tlsrpt-syntax';

export const mailRules: Rule[] = [
  mxTargetNoAddress,
  mxTargetIsCname,
  mxTargetIsIp,
  mxNull,
  mxMissing,
  dkimSyntax,
  dkimKeyRevoked,
  dkimWeakKey,
  dkimKeyTypeMismatch,
  dkimTestingMode,
  dkimSha1,
  dmarcSyntax,
  dmarcPolicyNone,
  dmarcPctPartial,
  dmarcNoRua,
  dmarcMultiple,
  dmarcMissing,
  mtaStsSyntax,
  mtaStsHostMissing,
  tlsrptSyntax,
  bimiSyntax,
  ptrMissing,
  ptrMismatch,
  ptrHint,
];

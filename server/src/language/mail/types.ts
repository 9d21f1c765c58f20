import type { OffsetRange, Severity } from '../text/finding';
import type { JoinedText } from '../text/charString';

/** The mail-authentication TXT records this module understands. */
export type MailRecordKind = 'dkim' | 'dmarc' | 'mta-sts' | 'tlsrpt' | 'bimi';

/**
 * One problem found in a mail record. `code` is a stable kebab-case rule id (see
 * `MAIL_RULES`); `start`/`end` are half-open document offsets.
 */
export interface MailFinding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

/** Rule ids raised by this module, with their default severity and a one-line summary. */
export const MAIL_RULES = [
  { id: 'dkim-syntax', defaultSeverity: 'error', summary: 'DKIM key record (RFC 6376 §3.6.1) is malformed or uses unknown values.' },
  { id: 'dkim-key-revoked', defaultSeverity: 'warning', summary: 'DKIM key record has an empty p= tag: the key is revoked.' },
  { id: 'dkim-weak-key', defaultSeverity: 'warning', summary: 'DKIM RSA key is shorter than 2048 bits (error below 1024).' },
  { id: 'dkim-key-type-mismatch', defaultSeverity: 'error', summary: 'DKIM k= tag does not match the kind of key in p=.' },
  { id: 'dkim-testing-mode', defaultSeverity: 'information', summary: 'DKIM key is in testing mode (t=y).' },
  { id: 'dkim-sha1', defaultSeverity: 'warning', summary: 'DKIM key only allows SHA-1 signatures (h=sha1).' },
  { id: 'dmarc-syntax', defaultSeverity: 'error', summary: 'DMARC record (RFC 7489, DMARCbis) is malformed or uses unknown values.' },
  { id: 'dmarc-policy-none', defaultSeverity: 'information', summary: 'DMARC policy is p=none: monitoring only.' },
  { id: 'dmarc-pct-partial', defaultSeverity: 'information', summary: 'DMARC pct= applies the policy to only part of the failing mail.' },
  { id: 'dmarc-no-rua', defaultSeverity: 'information', summary: 'DMARC record asks for no aggregate reports (no rua=).' },
  { id: 'mta-sts-syntax', defaultSeverity: 'error', summary: 'MTA-STS TXT record (RFC 8461 §3.1) is malformed.' },
  { id: 'tlsrpt-syntax', defaultSeverity: 'error', summary: 'SMTP TLS Reporting record (RFC 8460 §3) is malformed.' },
  { id: 'bimi-syntax', defaultSeverity: 'error', summary: 'BIMI assertion record is malformed.' },
] as const satisfies readonly { id: string; defaultSeverity: Severity; summary: string }[];

export type MailRuleId = (typeof MAIL_RULES)[number]['id'];

/** One `name=value` tag with the document ranges of its parts. */
export interface MailTag {
  /** The tag name as written. */
  name: string;
  /** The value as written, without the whitespace around it (inner whitespace is kept). */
  value: string;
  nameRange: OffsetRange;
  /** Empty range just after `=` when the value is empty. */
  valueRange: OffsetRange;
  /** From the first character of the name to the last character of the value. */
  range: OffsetRange;
  /** Index into the joined text of the first name character, for sub-ranges. */
  nameIndex: number;
  /** Index into the joined text of the `=`. */
  equalsIndex: number;
  /** Index into the joined text of the first value character (just after `=` when empty). */
  valueIndex: number;
  /** Ordinal of this tag-spec among the non-empty ones of the record (0 for the first). */
  position: number;
  /** True for the second and later occurrences of a name (already reported as an error). */
  duplicate: boolean;
}

/** A record split into tags, plus what went wrong. */
export interface ParsedTagList {
  /** The record's strings joined, with the map back to document offsets. */
  text: JoinedText;
  tags: MailTag[];
  findings: MailFinding[];
}

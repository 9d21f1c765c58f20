/**
 * When does BIND refuse a zone, and which of our findings corresponds to each reason?
 *
 * BIND refuses a zone for three kinds of reasons, and each maps to something of ours:
 *
 * | BIND (named-checkzone -i local -k ignore)                         | kind   | ours                                   |
 * |-------------------------------------------------------------------|--------|----------------------------------------|
 * | `file:line: syntax error`, `unexpected end of input/line`,        | syntax | a syntax-stage diagnostic (severity    |
 * |   `bad dotted quad`, `bad base64`, `out of range`, `extra input`, |        | error): syntax-error, rdata-invalid,   |
 * |   `label too long`, `unbalanced quotes/parentheses`, `FORMERR`... |        | name-invalid, ...                      |
 * | `unknown RR type`, `invalid use of a meta type`, `obsolete`       | syntax | unknown-type / rdata-invalid           |
 * | `unknown $ directive`                                             | syntax | unknown-directive                      |
 * | `class 'CH' != zone class 'IN'`                                   | syntax | class-mismatch                         |
 * | `file not found` and other failures of an `$INCLUDE`              | syntax | include-failed                         |
 * | `no TTL specified; zone rejected`                                 | zone   | ttl-missing (zoneChecks.ts)            |
 * | `CNAME and other data`                                            | zone   | cname-and-other-data                   |
 * | `multiple RRs of singleton type` (SOA, CNAME, DNAME)              | zone   | singleton-multiple                     |
 * | `DS record at top of zone`                                        | zone   | ds-at-apex                             |
 * | `invalid NS owner name (wildcard)`                                | zone   | ns-wildcard-owner                      |
 * | `SOA record not at top of zone`                                   | zone   | soa-not-at-apex                        |
 * | `has 0 SOA records`                                               | zone   | soa-missing                            |
 * | `has no NS records`                                               | zone   | ns-missing                             |
 * | apex `NS 'x' has no address records` / `is a CNAME` /             | zone   | ns-target-unresolvable                 |
 * |   `is below a DNAME` (in-zone targets only, with -i local)        |        |                                        |
 * | `signature has expired`, `CDS/CDNSKEY consistency checks failed`, | policy | nothing: we do not validate DNSSEC;    |
 * |   `no valid signature found`, DNSKEY checks                       |        | allowlisted in differential.test.ts    |
 *
 * Messages that BIND prints for zones it loads (warnings) are listed in WARNINGS and never count.
 * Anything else BIND prints when it refuses a zone is classified `unclassified`, which makes the
 * differential test report it so that this table gets extended rather than silently wrong.
 */
import type { BindMessage } from './bind';

export type FailureKind = 'syntax' | 'zone' | 'policy' | 'unclassified';

export interface BindFailure {
  /** Our counterpart's id (a parser code, a zoneChecks.ts id) or a policy id. */
  id: string;
  kind: FailureKind;
  /** 1-based line BIND named, or 0 for zone-level failures. */
  line: number;
  file: string;
  text: string;
}

interface Pattern {
  re: RegExp;
  id: string;
  kind: FailureKind;
}

/** BIND warnings: printed for zones BIND loads; never a reason for refusal. */
const WARNINGS: RegExp[] = [
  /TTL set to prior TTL/,
  /ignoring out-of-zone data/,
  /using RFC ?1035 TTL semantics/,
  /no TTL specified; using SOA MINTTL instead/,
  /> MAXTTL, setting/,
  /file does not end with newline/,
  /^[^ ]+\/[A-Z0-9]+ '.*' has no (REQUIRED GLUE |SIBLING GLUE )?address records/, // delegation or MX/SRV target: warning
  /^[^ ]+\/[A-Z0-9]+ '.*' is a CNAME \(illegal\)/,
  /^[^ ]+\/[A-Z0-9]+ '.*' is below a DNAME/,
  /loaded serial/,
  /record with inherited owner .* immediately after \$ORIGIN/,
  /\bwarning: /,
  /not loaded due to errors/,
  /loading from master file .* failed/,
  /^(zone|journal file|dumping)\b/,
];

const PATTERNS: Pattern[] = [
  { re: /signature has expired|signature is in the future|CDS\/CDNSKEY consistency|no valid signature|DNSKEY|NSEC3PARAM|key .* not found|not signed/i, id: 'dnssec-policy', kind: 'policy' },
  { re: /no TTL specified; zone rejected/, id: 'ttl-missing', kind: 'zone' },
  { re: /CNAME and other data/, id: 'cname-and-other-data', kind: 'zone' },
  { re: /multiple RRs of singleton type/, id: 'singleton-multiple', kind: 'zone' },
  { re: /DS record at top of zone/, id: 'ds-at-apex', kind: 'zone' },
  { re: /invalid NS owner name \(wildcard\)/, id: 'ns-wildcard-owner', kind: 'zone' },
  { re: /SOA record not at top of zone/, id: 'soa-not-at-apex', kind: 'zone' },
  { re: /^has 0 SOA records/, id: 'soa-missing', kind: 'zone' },
  { re: /^has \d+ SOA records/, id: 'singleton-multiple', kind: 'zone' },
  { re: /^has no NS records/, id: 'ns-missing', kind: 'zone' },
  { re: /^NS '.*' (has no address records|is a CNAME|is below a DNAME)/, id: 'ns-target-unresolvable', kind: 'zone' },
  { re: /unknown RR type|unknown class\/type|invalid use of a meta type|: obsolete$/, id: 'unknown-type', kind: 'syntax' },
  { re: /unknown \$ ?directive/, id: 'unknown-directive', kind: 'syntax' },
  { re: /class '.*' != zone class/, id: 'class-mismatch', kind: 'syntax' },
  { re: /file not found|permission denied|is a directory|not a regular file|too many open files/i, id: 'include-failed', kind: 'syntax' },
];

const SUMMARY = /loading from master file .* failed: (.*)$/;

/** Why BIND refused a zone, from all its messages (call only for refused zones). */
export function classifyBindMessages(messages: readonly BindMessage[]): BindFailure[] {
  const out: BindFailure[] = [];
  let summary: string | null = null;
  for (const m of messages) {
    const s = SUMMARY.exec(m.text);
    if (s) summary = s[1];
    const p = PATTERNS.find((x) => x.re.test(m.text));
    if (p) {
      out.push({ id: p.id, kind: p.kind, line: m.line, file: m.file, text: m.text });
      continue;
    }
    if (WARNINGS.some((w) => w.test(m.text))) continue;
    // Any other line-numbered message of a refused zone is an error in that record's text.
    if (m.line > 0) out.push({ id: 'syntax', kind: 'syntax', line: m.line, file: m.file, text: m.text });
    else out.push({ id: 'unclassified', kind: 'unclassified', line: 0, file: '', text: m.text });
  }
  // BIND names the first load error in its summary even when it printed no line for it.
  if (out.length === 0 && summary !== null) out.push({ id: 'syntax', kind: 'syntax', line: 0, file: '', text: summary });
  if (out.length === 0) out.push({ id: 'unclassified', kind: 'unclassified', line: 0, file: '', text: messages.map((m) => m.text).join(' | ') || '(no message)' });
  return out;
}

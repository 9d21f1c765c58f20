/**
 * The zone model's value types. Every record keeps the source ranges of its parts, so a rule
 * can point at the one field that is wrong, and the file it came from ($INCLUDE).
 */
import type { RdataField } from '../rrtypes/spec';
import type { Severity } from '../text/finding';

/** Where a record's TTL came from (RFC 1035 §5.1, RFC 2308 §4, BIND's rules). */
export const enum TtlSource {
  Explicit = 0,
  /** The `$TTL` directive in force. */
  Directive = 1,
  /** No `$TTL`: the last explicitly written TTL (RFC 1035 semantics, BIND warns). */
  Previous = 2,
  /** No TTL known at all: the SOA minimum (BIND warns for the SOA record itself). */
  SoaMinimum = 3,
  /** No TTL known and nothing to fall back on (BIND refuses the record). */
  None = 4,
}

export interface ZoneRecord {
  /** Canonical absolute owner (lowercase, trailing dot). */
  owner: string;
  /** Range of the written owner; -1 when the owner was inherited from the previous record. */
  ownerStart: number;
  ownerEnd: number;
  ttl: number;
  ttlSource: TtlSource;
  /** Range of the written TTL, -1 when none was written. */
  ttlStart: number;
  ttlEnd: number;
  class: string;
  classStart: number;
  classEnd: number;
  /** Upper-case mnemonic, or `TYPEnnn` for types we do not know by name. */
  type: string;
  typeCode: number;
  typeStart: number;
  typeEnd: number;
  /** Parsed fields; empty when the rdata did not parse (`valid` is then false). */
  rdata: RdataField[];
  rdataStart: number;
  rdataEnd: number;
  /** The whole record, first token to last. */
  start: number;
  end: number;
  /** Index into Zone.files: 0 for the document itself. */
  file: number;
  valid: boolean;
  /** Written in RFC 3597 `\# len hex` form. */
  generic: boolean;
  /** Produced by a `$GENERATE` directive (ranges point at the directive). */
  generated: boolean;
}

export interface Directive {
  name: string;
  start: number;
  end: number;
  /** Ranges and texts of the arguments as written. */
  args: { text: string; start: number; end: number }[];
  file: number;
}

/** A finding at a range of one of the zone's files, from the parser or from a rule. */
export interface ZoneDiagnostic {
  /** Stable kebab-case rule id (also the setting key and the docs page). */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  file: number;
  /** What a quick-fix needs (rule specific). */
  data?: unknown;
  /** Other places that explain this finding. */
  related?: { file: number; start: number; end: number; message: string }[];
}

export interface ZoneFile {
  /** Path or URI as given by the caller; '' for an unnamed document. */
  name: string;
  text: string;
}

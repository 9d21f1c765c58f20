/**
 * The contract every record type implements. The rrtypes folder is the bottom layer: the parser,
 * the model, the checks and the editor features all read a type's schema from here.
 */
import type { CharString } from '../text/charString';

/** One rdata token as the lexer found it. */
export interface RdataToken {
  /** Source text of the token; for a quoted token, the text between the quotes (escapes still encoded). */
  text: string;
  /** Document offsets of the whole token (including quotes when quoted). */
  start: number;
  end: number;
  quoted: boolean;
}

/** The value a field holds once parsed. */
export type FieldValue = number | string | CharString | CharString[] | string[];

export interface RdataField {
  /** The schema field name (`preference`, `exchange`, `serial`, ...). */
  name: string;
  /** Document range of the field (several tokens for base64/hex/type lists/strings). */
  start: number;
  end: number;
  /**
   * Parsed value: numbers for integers and TTLs; the canonical absolute name for names
   * (see names.ts); canonical text for addresses; CharString(s) for character-strings;
   * normalised text for base64/hex; string[] of mnemonics for type bitmaps.
   */
  value: FieldValue;
  /** For names: the source had no trailing dot and the origin was appended. */
  relative?: boolean;
}

export type FieldKind =
  | 'name'
  | 'u8'
  | 'u16'
  | 'u32'
  | 'ttl'
  | 'ipv4'
  | 'ipv6'
  | 'charstring'
  | 'charstrings'
  | 'base64'
  | 'hex'
  | 'typebitmap'
  | 'time'
  | 'text'
  | 'special';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** One or two sentences for hover and completion, in our own words. */
  doc: string;
  /** The field may be absent (only ever the last ones). */
  optional?: boolean;
}

/** What a type's parser is given and how it reports problems. */
export interface RdataContext {
  tokens: readonly RdataToken[];
  /** Canonical absolute origin for relative names, or null when none is known. */
  origin: string | null;
  /** Report a problem at a document range; the record is then marked invalid. */
  error(start: number, end: number, message: string): void;
  /** Report a doubtful but loadable value (BIND would warn). */
  warning(start: number, end: number, message: string): void;
  /**
   * Report an error under its own rule id while keeping the record in the model, for errors a
   * rule can fix on the parsed value (a TXT string over 255 octets). Absent in contexts that
   * cannot keep the record; callers then use `error`.
   */
  reportKept?(code: string, start: number, end: number, message: string): void;
}

export interface RRTypeSpec {
  /** Upper-case mnemonic. */
  name: string;
  code: number;
  /** One line: what the type is for. */
  summary: string;
  /** Where it is defined, e.g. `RFC 1035 §3.3.9`. */
  rfc: string;
  fields: readonly FieldSpec[];
  /** At most one record of this type at a name (CNAME, DNAME, SOA). */
  singleton?: boolean;
  /** Obsolete or deprecated types (SPF, ...), for hints and semantic tokens. */
  obsolete?: string;
  /** Parse presentation-format rdata. Returns the fields, or null when an error was reported. */
  parse(ctx: RdataContext): RdataField[] | null;
  /** Encode parsed fields to wire-format rdata (used to compare with RFC 3597 `\# len hex`). */
  toWire(fields: readonly RdataField[]): Uint8Array;
  /**
   * Decode wire-format rdata (from `\#`) into fields. Field ranges are all set to `range`.
   * Returns null (after `ctx.error`) when the bytes are not valid for this type.
   */
  fromWire(bytes: Uint8Array, range: { start: number; end: number }, ctx: RdataContext): RdataField[] | null;
}

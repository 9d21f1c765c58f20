/**
 * The error-tolerant zone parser: turns the lexer's entries into records and directives,
 * applying owner, TTL and class inheritance as BIND does (RFC 1035 §5.1, RFC 2308 §4).
 * It never throws: a bad record is reported at the exact range and skipped, and parsing goes on
 * at the next entry, so every error of the file is reported and every good record is kept.
 */
import { lex, TokenKind, type LexResult } from './lexer';
import { NameCache } from '../rrtypes/names';
import { rrTypeByName, typeCodeOf, parseGenericRdata, type AnchoredRdataContext } from '../rrtypes/registry';
import { parseTimeWithUnits } from '../rrtypes/fields';
import type { RdataField, RdataToken, RRTypeSpec } from '../rrtypes/spec';
import { TtlSource, type Directive, type ZoneDiagnostic, type ZoneFile, type ZoneRecord } from '../model/types';
import { handleDirective } from './directives';
import type { Severity } from '../text/finding';
import { RecordRdataContext } from './rdataContext';
import { canonicalClass, isClassAt, isInClass, isMetaType, plainSmallNumber, typeKey } from './tokenReading';
import { CHECKPOINT_ENTRIES, checkpointAt, type ParseCheckpoint } from './checkpoints';
import { canonicalOrigin, firstOrigin } from './zoneOrigin';
import { encodingMessage, firstLineEnd } from './encoding';

export const MAX_TTL = 2147483647;

export interface ParseOptions {
  /** Origin to start with (absolute, with or without the trailing dot); else `$ORIGIN` or the SOA decides. */
  origin?: string;
  /** Name of the document (path or URI), used to resolve `$INCLUDE`. */
  fileName?: string;
  /** Reads an `$INCLUDE`d file; absent: includes are reported as not followed. */
  readInclude?: (path: string, fromFile: string) => { name: string; text: string; encoding?: string } | { error: string };
  /** Upper bound on records one `$GENERATE` may produce. */
  generateLimit?: number;
  /** Upper bound on `$INCLUDE` nesting. */
  includeDepthLimit?: number;
  /** The document's encoding, when whoever read its bytes found it is not ASCII/UTF-8 (e.g. UTF-16LE). */
  encoding?: string;
}

export interface ParseResult {
  origin: string | null;
  files: ZoneFile[];
  records: ZoneRecord[];
  directives: Directive[];
  diagnostics: ZoneDiagnostic[];
  /** Comment ranges of the document itself (file 0), as [start, end) pairs. */
  comments: Int32Array;
  commentCount: number;
  /** Parenthesis pairs of the document itself: [open, close] offsets (close -1 if unclosed). */
  parens: number[];
  /** The origin the caller gave (ParseOptions.origin, canonical), before `$ORIGIN` or the SOA. */
  givenOrigin: string | null;
  /** Errors the lexer found in the document (an incremental parse needs a clean lex). */
  lexErrors: number;
  /** Inheritance state at regular entries of the document, for incremental parsing. */
  checkpoints: ParseCheckpoint[];
}

/** RDLENGTH is 16 bits (RFC 1035 §3.2.1). */
const MAX_RDATA_OCTETS = 65535;
/**
 * Source text shorter than this cannot encode to more than MAX_RDATA_OCTETS: presentation formats
 * take at least one character per octet, except names (a relative name gains the origin, at
 * most 255 octets per name, and a name takes at least 2 characters with its separator).
 */
const LONG_RDATA_TEXT = 512;


/** Parser state shared across the document and its includes. */
export class ParserState {
  origin: string | null = null;
  defaultTtl: number | null = null;
  /** The default TTL is the SOA minimum (no `$TTL` before a TTL-less SOA), not a `$TTL`. */
  defaultTtlFromSoa = false;
  lastTtl: number | null = null;
  lastOwner: string | null = null;
  zoneClass: string | null = null;
  file = 0;
  includeStack: string[] = [];
  readonly files: ZoneFile[] = [];
  readonly records: ZoneRecord[] = [];
  readonly directives: Directive[] = [];
  readonly diagnostics: ZoneDiagnostic[] = [];
  /** Where checkpoints of the document's entries go; null: none are taken. */
  checkpoints: ParseCheckpoint[] | null = null;

  // Owner interning: consecutive records with the same written owner share one parse.
  private lastOwnerText = '';
  private lastOwnerOrigin: string | null = null;
  private lastOwnerName = '';

  constructor(readonly options: ParseOptions) {}

  report(code: string, severity: Severity, start: number, end: number, message: string, data?: unknown): void {
    this.diagnostics.push({ code, severity, start, end, message, file: this.file, data });
  }

  /** Names parsed during this parse, owners and rdata alike (see NameCache). */
  readonly names = new NameCache();

  /** The owner written at [start, end) of `source`: compared in place with the last one first. */
  ownerAt(source: string, start: number, end: number): string | null {
    const last = this.lastOwnerText;
    if (this.origin === this.lastOwnerOrigin && last.length === end - start && last.length > 0 && source.startsWith(last, start)) return this.lastOwnerName;
    return this.ownerName(source.slice(start, end), start);
  }

  ownerName(text: string, start: number): string | null {
    if (text === this.lastOwnerText && this.origin === this.lastOwnerOrigin) return this.lastOwnerName;
    const r = this.names.parse(text, this.origin);
    if (r.error) {
      this.report('name-invalid', 'error', start + r.error.from, start + Math.max(r.error.to, r.error.from + 1), r.error.message);
      return null;
    }
    this.lastOwnerText = text;
    this.lastOwnerOrigin = this.origin;
    this.lastOwnerName = r.name;
    return r.name;
  }

  /** Parse one file (the document or an include) into the shared state. */
  parseText(text: string): LexResult {
    const lx = lex(text);
    for (const e of lx.errors) this.report('syntax-error', e.severity, e.start, e.end, e.message);
    const checkpoints = this.file === 0 && this.includeStack.length === 1 ? this.checkpoints : null;
    checkpoints?.push(checkpointAt(lx, -1, this, this.records.length, this.directives.length, this.diagnostics.length));
    for (let e = 0; e < lx.entryCount; e++) {
      if (checkpoints !== null && e > 0 && e % CHECKPOINT_ENTRIES === 0) checkpoints.push(checkpointAt(lx, e, this, this.records.length, this.directives.length, this.diagnostics.length));
      const first = lx.entryFirst[e];
      if (lx.entryHasOwner[e] === 1 && text.charCodeAt(lx.tokStart[first]) === 0x24 /* $ */ && lx.tokKind[first] === TokenKind.Word) {
        handleDirective(this, lx, e);
      } else {
        this.parseRecord(lx, e);
      }
    }
    return lx;
  }

  private parseRecord(lx: LexResult, e: number): void {
    const text = lx.text;
    const first = lx.entryFirst[e];
    const last = lx.entryLast[e];
    const start = lx.tokStart[first];
    const end = lx.tokEnd[last - 1];
    let k = first;
    let owner: string | null;
    let ownerStart = -1;
    let ownerEnd = -1;
    if (lx.entryHasOwner[e] === 1) {
      ownerStart = lx.tokStart[k];
      ownerEnd = lx.tokEnd[k];
      if (lx.tokKind[k] === TokenKind.Quoted) {
        this.report('syntax-error', 'error', ownerStart, ownerEnd, 'an owner name cannot be a quoted string');
        return;
      }
      owner = this.ownerAt(text, ownerStart, ownerEnd);
      k++;
      if (owner === null) return;
      this.lastOwner = owner;
    } else {
      owner = this.lastOwner;
      if (owner === null) {
        this.report('syntax-error', 'error', start, lx.tokEnd[first], 'this line starts with blank space, so it takes the owner of the previous record, but there is none');
        return;
      }
    }

    let ttl = -1;
    let ttlStart = -1;
    let ttlEnd = -1;
    let cls: string | null = null;
    let classStart = -1;
    let classEnd = -1;
    for (let n = 0; n < 2 && k < last; n++) {
      const s = lx.tokStart[k];
      const e = lx.tokEnd[k];
      const c0 = text.charCodeAt(s);
      if (ttl < 0 && c0 >= 0x30 && c0 <= 0x39 && lx.tokKind[k] === TokenKind.Word) {
        // A plain number of at most 9 digits (nearly every TTL) is read in place: it is always
        // below 2^31, so none of the checks below can apply.
        const plain = plainSmallNumber(text, s, e);
        if (plain >= 0) {
          ttl = plain;
          ttlStart = s;
          ttlEnd = e;
          k++;
          continue;
        }
        const t = text.slice(s, e);
        // Parsed up to 2^32-1 so that values above 2^31-1 reach the ttl-range report below
        // (fixed: parseTtl itself refuses them, which turned them into a generic syntax-error).
        const v = parseTtlUpToU32(t);
        if (typeof v !== 'number') {
          this.report('syntax-error', 'error', s, lx.tokEnd[k], `bad TTL "${t}": ${v.error}`);
          return;
        }
        ttlStart = s;
        ttlEnd = lx.tokEnd[k];
        ttl = v;
        if (v > MAX_TTL) {
          this.report('ttl-range', 'error', s, ttlEnd, `TTL ${v} is above 2147483647 (2^31-1); RFC 2181 §8 says to treat it as 0, and BIND loads it as 0`);
          ttl = 0;
        }
      } else if (cls === null && isClassAt(text, s, e)) {
        // Fixed: `CLASS1` used to be kept as written and then reported as differing from IN.
        cls = isInClass(text, s, e) ? 'IN' : canonicalClass(text.slice(s, e));
        classStart = s;
        classEnd = lx.tokEnd[k];
      } else break;
      k++;
    }

    if (k >= last) {
      this.report('syntax-error', 'error', start, end, 'record has no type (expected e.g. A, MX, TXT after the owner, TTL and class)');
      return;
    }
    const typeStart = lx.tokStart[k];
    const typeEnd = lx.tokEnd[k];
    const { upper: typeText, spec, code: typeCode } = this.typeOf(text, typeStart, typeEnd);
    if (typeCode === undefined || lx.tokKind[k] === TokenKind.Quoted) {
      // Fixed: the hint used to be given to lines that do start with an owner, not to those that don't.
      const why = ttl >= 0 || cls !== null || lx.entryHasOwner[e] === 1 ? '' : ' (if this is meant as an owner, the line must not start with blank space)';
      this.report('unknown-type', 'error', typeStart, typeEnd, `unknown record type "${text.slice(typeStart, typeEnd)}"${why}`);
      return;
    }
    if (isMetaType(typeCode)) {
      // Added: query and meta types (TYPE0, OPT, TKEY..ANY, the whole 128-255 range) carry no zone
      // data (RFC 6895 §3.1); BIND refuses them ("invalid use of a meta type").
      this.report('unknown-type', 'error', typeStart, typeEnd, `${typeText} is a query or meta type (RFC 6895 §3.1), which cannot appear in zone data`);
      return;
    }
    k++;

    const tokens = rdataTokens(lx, k, last);
    const rdataStart = k < last ? lx.tokStart[k] : typeEnd;
    const rdataEnd = k < last ? lx.tokEnd[last - 1] : typeEnd;
    const ctx = new RecordRdataContext(this, tokens, { start: typeStart, end: typeEnd });
    let fields: RdataField[] | null;
    let generic = false;
    if (tokens.length > 0 && !tokens[0].quoted && tokens[0].text === '\\#') {
      generic = true;
      const bytes = parseGenericRdata(tokens, ctx);
      fields = bytes === null ? null : spec ? spec.fromWire(bytes, { start: rdataStart, end: rdataEnd }, ctx) : [];
    } else if (spec) {
      fields = spec.parse(ctx);
    } else {
      this.report('rdata-invalid', 'error', typeStart, rdataEnd, `${typeText} is not a type known by name here, so its rdata must be written in RFC 3597 form: \\# <length> <hex>`);
      fields = null;
    }
    let valid = fields !== null && !ctx.failed;
    if (valid && spec && rdataEnd - rdataStart > LONG_RDATA_TEXT && spec.toWire(fields!).length > MAX_RDATA_OCTETS) {
      // Added: rdata longer than its 16-bit length field can say (RFC 1035 §3.2.1); BIND: "ran out
      // of space". Only long source text is encoded to check, so ordinary records cost nothing.
      this.report('rdata-invalid', 'error', rdataStart, rdataEnd, `${spec.name} rdata is ${spec.toWire(fields!).length} octets; the limit is ${MAX_RDATA_OCTETS}`);
      valid = false;
    }

    const record: ZoneRecord = {
      owner,
      ownerStart,
      ownerEnd,
      ttl: 0,
      ttlSource: TtlSource.Explicit,
      ttlStart,
      ttlEnd,
      class: cls ?? this.zoneClass ?? 'IN',
      classStart,
      classEnd,
      type: spec ? spec.name : typeText,
      typeCode,
      typeStart,
      typeEnd,
      rdata: valid ? fields! : [],
      rdataStart,
      rdataEnd,
      start,
      end,
      file: this.file,
      valid,
      generic,
      generated: false,
    };
    this.resolveTtlAndClass(record, ttl, spec);
    this.records.push(record);
  }

  /** Apply TTL and class inheritance; used for written and generated records alike. */
  resolveTtlAndClass(record: ZoneRecord, ttl: number, spec: RRTypeSpec | undefined): void {
    if (ttl >= 0) {
      record.ttl = ttl;
      record.ttlSource = TtlSource.Explicit;
      this.lastTtl = ttl;
    } else if (this.defaultTtl !== null) {
      record.ttl = this.defaultTtl;
      record.ttlSource = this.defaultTtlFromSoa ? TtlSource.SoaMinimum : TtlSource.Directive;
    } else if (this.lastTtl !== null) {
      record.ttl = this.lastTtl;
      record.ttlSource = TtlSource.Previous;
    } else if (spec?.name === 'SOA' && record.valid) {
      const minimum = record.rdata.find((f) => f.name === 'minimum');
      record.ttl = typeof minimum?.value === 'number' ? minimum.value : 0;
      record.ttlSource = TtlSource.SoaMinimum;
      // Fixed: BIND makes the SOA minimum the default TTL from here on, as if it were a $TTL
      // (verified with BIND 9.18: a later TTL-less record gets it even after an explicit TTL);
      // it used to become only the "previous TTL".
      this.defaultTtl = record.ttl;
      this.defaultTtlFromSoa = true;
    } else {
      record.ttlSource = TtlSource.None;
    }
    if (this.zoneClass === null) this.zoneClass = record.class;
    else if (record.classStart >= 0 && record.class !== this.zoneClass) {
      this.report('class-mismatch', 'error', record.classStart, record.classEnd, `class ${record.class} differs from the zone's class ${this.zoneClass}`);
    }
  }

  /**
   * A context for one record's rdata: errors are reported as `rdata-invalid` and mark the record.
   * `anchor` (the type token) is where the types report rdata that is missing altogether (fixed:
   * it was not passed, so such errors landed at offset 0 of the file).
   */
  rdataContext(tokens: RdataToken[], anchor?: { start: number; end: number }): AnchoredRdataContext & { failed: boolean } {
    return new RecordRdataContext(this, tokens, anchor);
  }

  // Type tokens by their letters (case folded): a zone uses a handful of types a million times,
  // so the upper-casing and the registry lookups are done once per spelling.
  private readonly typeCache = new Map<number, TypeLookup>();

  private typeOf(text: string, start: number, end: number): TypeLookup {
    const key = typeKey(text, start, end);
    const known = key >= 0 ? this.typeCache.get(key) : undefined;
    if (known) return known;
    const upper = text.slice(start, end).toUpperCase();
    const spec = rrTypeByName(upper);
    const found: TypeLookup = { upper, spec, code: spec ? spec.code : typeCodeOf(upper) };
    if (key >= 0) this.typeCache.set(key, found);
    return found;
  }
}

interface TypeLookup {
  upper: string;
  spec: RRTypeSpec | undefined;
  code: number | undefined;
}

/**
 * A TTL field: a number of seconds or a duration with units, up to 2^32-1 (the wire field's size).
 * Callers report values above MAX_TTL as `ttl-range` and use 0, as BIND does (RFC 2181 §8).
 */
export function parseTtlUpToU32(text: string): number | { error: string } {
  const v = parseTimeWithUnits(text, 4294967295, 'TTL');
  if (typeof v !== 'number' && /^[0-9]+$/.test(text)) return { error: 'TTLs are 0-2147483647 seconds (RFC 2181 §8), and this does not even fit in 32 bits' };
  return v;
}

/** The rdata tokens of an entry, from token `from` up to (not including) `to`. */
export function rdataTokens(lx: LexResult, from: number, to: number): RdataToken[] {
  const tokens: RdataToken[] = new Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const quoted = lx.tokKind[i] === TokenKind.Quoted;
    tokens[i - from] = { text: quoted ? lx.tokenContent(i) : lx.text.slice(lx.tokStart[i], lx.tokEnd[i]), start: lx.tokStart[i], end: lx.tokEnd[i], quoted };
  }
  return tokens;
}

/** Parse a zone document (and, through `readInclude`, its includes). Never throws. */
export function parseZoneText(text: string, options: ParseOptions = {}): ParseResult {
  const state = new ParserState(options);
  state.origin = canonicalOrigin(options.origin);
  const initialOrigin = state.origin;
  state.checkpoints = [];
  state.files.push({ name: options.fileName ?? '', text });
  state.includeStack.push(options.fileName ?? '');
  let lx: LexResult;
  let failed = false;
  if (options.encoding) state.report('file-encoding', 'error', 0, firstLineEnd(text), encodingMessage('This file', options.encoding));
  try {
    lx = state.parseText(text);
  } catch (err) {
    // A bug must not take the editor down: report it on the first character and keep what parsed.
    state.file = 0;
    state.report('internal-error', 'error', 0, Math.min(1, text.length), `internal parser error: ${(err as Error).message}`);
    lx = lex('');
    failed = true;
  }
  return {
    origin: initialOrigin ?? firstOrigin(state),
    files: state.files,
    records: state.records,
    directives: state.directives,
    diagnostics: state.diagnostics,
    comments: lx.comments,
    commentCount: lx.commentCount,
    parens: lx.parens,
    givenOrigin: initialOrigin,
    lexErrors: failed ? 1 : lx.errors.length,
    checkpoints: state.checkpoints,
  };
}

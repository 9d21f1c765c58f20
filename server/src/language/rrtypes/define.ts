/**
 * Builds an RRTypeSpec from a list of field codecs: token counting with messages that name the
 * fields, per-field parsing, wire encoding in field order, and decoding from `\#` rdata. Types
 * with unusual syntax (LOC, SVCB, APL, ...) write their own parse and reuse the helpers here.
 */
import type { FieldSpec, RRTypeSpec, RdataContext, RdataField, RdataToken } from './spec';
import type { FieldCodec } from './fields';
import { WireReader, WireWriter, WireError } from './wire';
import type { NameCache } from './names';

export interface FieldDef extends FieldSpec {
  codec: FieldCodec;
}

/** A field of a type: the kind is taken from the codec. */
export function field(name: string, codec: FieldCodec, doc: string, optional = false): FieldDef {
  return { name, kind: codec.kind, doc, codec, ...(optional ? { optional } : {}) };
}

/** Reports a problem with a parsed or decoded field (its range is used). */
export interface FieldReporter {
  error(f: RdataField, message: string): void;
  warning(f: RdataField, message: string): void;
}

export interface TypeDef {
  name: string;
  code: number;
  summary: string;
  rfc: string;
  fields: readonly FieldDef[];
  singleton?: boolean;
  obsolete?: string;
  /** Checks across fields, run after parsing and after decoding `\#` rdata. */
  validate?(fields: readonly RdataField[], report: FieldReporter): void;
}

/**
 * The parser may add `anchor` (the range of the type token) to the context; rdata errors that
 * have no token to point at (the rdata is missing altogether) are reported there.
 */
export interface AnchoredRdataContext extends RdataContext {
  anchor?: { start: number; end: number };
  /** The parser's name cache (see NameCache): names are parsed through it when present. */
  names?: NameCache;
}

/**
 * A context that counts the errors reported through it (the parser's own): a type can tell
 * whether its parse failed by comparing the count, without wrapping the context.
 */
export interface CountingRdataContext extends AnchoredRdataContext {
  readonly errorCount: number;
}

export function isCounting(ctx: RdataContext): ctx is CountingRdataContext {
  return typeof (ctx as Partial<CountingRdataContext>).errorCount === 'number';
}

/** Range of all the rdata tokens, or the anchor when there are none. */
export function rdataRange(ctx: RdataContext): { start: number; end: number } {
  const t = ctx.tokens;
  if (t.length > 0) return { start: t[0].start, end: t[t.length - 1].end };
  return (ctx as AnchoredRdataContext).anchor ?? { start: 0, end: 0 };
}

export function countMessage(type: string, fields: readonly FieldSpec[], needed: number, got: number): string {
  const names = fields.map((f) => (f.optional ? `[${f.name}]` : f.name)).join(' ');
  return `${type} needs ${needed === fields.length ? '' : 'at least '}${needed} field${needed === 1 ? '' : 's'}: ${names}; got ${got}`;
}

export function reporterFor(ctx: RdataContext): FieldReporter {
  return {
    error: (f, m) => ctx.error(f.start, f.end, m),
    warning: (f, m) => ctx.warning(f.start, f.end, m),
  };
}

/** Collects whether any error was reported through a wrapped context. */
export function trackErrors(ctx: RdataContext): { ctx: RdataContext; failed: () => boolean } {
  let failed = false;
  const wrapped: AnchoredRdataContext = {
    tokens: ctx.tokens,
    origin: ctx.origin,
    anchor: (ctx as AnchoredRdataContext).anchor,
    error(s, e, m) {
      failed = true;
      ctx.error(s, e, m);
    },
    warning: (s, e, m) => ctx.warning(s, e, m),
    reportKept: ctx.reportKept?.bind(ctx),
  };
  return { ctx: wrapped, failed: () => failed };
}

/** What parseFields needs to know about a field list, worked out once per list (not per record). */
interface FieldsPlan {
  type: string;
  rest: FieldDef | undefined;
  fixedCount: number;
  requiredFixed: number;
  restMin: number;
  needed: number;
  /** `${type} ${field}` for each field, the name codecs give in messages. */
  whats: string[];
}

const plans = new WeakMap<readonly FieldDef[], FieldsPlan>();

function planOf(type: string, defs: readonly FieldDef[]): FieldsPlan {
  const known = plans.get(defs);
  if (known && known.type === type) return known;
  const rest = defs.length > 0 && defs[defs.length - 1].codec.arity === 'rest' ? defs[defs.length - 1] : undefined;
  const fixed = rest ? defs.slice(0, -1) : defs;
  const requiredFixed = fixed.filter((d) => !d.optional).length;
  const restMin = rest && !rest.optional ? (rest.codec.minTokens ?? 1) : 0;
  const plan: FieldsPlan = { type, rest, fixedCount: fixed.length, requiredFixed, restMin, needed: requiredFixed + (restMin > 0 ? 1 : 0), whats: defs.map((d) => `${type} ${d.name}`) };
  plans.set(defs, plan);
  return plan;
}

/** Parse `tokens` field by field with `defs` (only the last may take the rest). Null after an error. */
export function parseFields(type: string, defs: readonly FieldDef[], tokens: readonly RdataToken[], ctx: RdataContext): RdataField[] | null {
  const { rest, fixedCount, requiredFixed, restMin, needed, whats } = planOf(type, defs);
  if (tokens.length < requiredFixed + restMin) {
    const r = tokens.length > 0 ? { start: tokens[0].start, end: tokens[tokens.length - 1].end } : rdataRange(ctx);
    ctx.error(r.start, r.end, countMessage(type, defs, needed, tokens.length));
    return null;
  }
  if (!rest && tokens.length > fixedCount) {
    const extra = tokens.slice(fixedCount);
    ctx.error(extra[0].start, extra[extra.length - 1].end, `${countMessage(type, defs, fixedCount, tokens.length)} (unexpected extra data)`);
    return null;
  }
  // Sized to the field count: every record keeps this array, and one grown by push holds room
  // for 17 elements (about 150 bytes per record of a 100 000-record zone for nothing).
  const out: RdataField[] = new Array<RdataField>(defs.length);
  let count = 0;
  let ok = true;
  let pos = 0;
  for (let k = 0; k < defs.length; k++) {
    const d = defs[k];
    const isRest = d === rest;
    const taken = isRest ? tokens.slice(pos) : pos < tokens.length ? [tokens[pos]] : [];
    if (taken.length === 0 && !isRest) break; // an optional trailing field that is absent
    const parsed = d.codec.parse(taken, ctx, whats[k]);
    pos += taken.length;
    if (!parsed) {
      ok = false;
      continue;
    }
    const start = taken.length > 0 ? taken[0].start : tokens.length > 0 ? tokens[tokens.length - 1].end : rdataRange(ctx).end;
    const end = taken.length > 0 ? taken[taken.length - 1].end : start;
    // Built whole: adding `relative` afterwards moved it to a separate property store (40 bytes).
    out[count++] = parsed.relative !== undefined ? { name: d.name, start, end, value: parsed.value, relative: parsed.relative } : { name: d.name, start, end, value: parsed.value };
  }
  if (!ok) return null;
  if (count < out.length) out.length = count;
  return out;
}

export function encodeFields(defs: readonly FieldDef[], fields: readonly RdataField[], w: WireWriter): void {
  for (const d of defs) {
    const f = fields.find((x) => x.name === d.name);
    if (f) d.codec.encode(f.value, w);
  }
}

/** Decode `defs` from `r`; throws WireError. Optional trailing one-token fields may be absent. */
export function decodeFields(type: string, defs: readonly FieldDef[], r: WireReader, range: { start: number; end: number }): RdataField[] {
  const out: RdataField[] = [];
  for (const d of defs) {
    if (d.optional && d.codec.arity === 'one' && r.atEnd) break;
    const value = d.codec.decode(r, `${type} ${d.name}`, range);
    out.push({ name: d.name, start: range.start, end: range.end, value });
  }
  return out;
}

/** Run a wire decoder, turning WireError into ctx.error on `range`. */
export function decodeGuarded(type: string, bytes: Uint8Array, range: { start: number; end: number }, ctx: RdataContext, body: (r: WireReader) => RdataField[] | null): RdataField[] | null {
  const r = new WireReader(bytes);
  try {
    const fields = body(r);
    if (fields && !r.atEnd) throw new WireError(`${r.remaining} octet${r.remaining === 1 ? '' : 's'} left over after the last field`);
    return fields;
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    ctx.error(range.start, range.end, `${type} rdata: ${e.message}`);
    return null;
  }
}

export function defineType(def: TypeDef): RRTypeSpec {
  const spec: RRTypeSpec = {
    name: def.name,
    code: def.code,
    summary: def.summary,
    rfc: def.rfc,
    fields: def.fields.map(({ name, kind, doc, optional }) => ({ name, kind, doc, ...(optional ? { optional } : {}) })),
    parse(ctx) {
      if (isCounting(ctx)) {
        // The parser's context counts its errors: no wrapper (four closures per record) needed.
        const before = ctx.errorCount;
        const fields = parseFields(def.name, def.fields, ctx.tokens, ctx);
        if (!fields) return null;
        def.validate?.(fields, reporterFor(ctx));
        return ctx.errorCount > before ? null : fields;
      }
      const tracked = trackErrors(ctx);
      const fields = parseFields(def.name, def.fields, ctx.tokens, tracked.ctx);
      if (!fields) return null;
      def.validate?.(fields, reporterFor(tracked.ctx));
      return tracked.failed() ? null : fields;
    },
    toWire(fields) {
      const w = new WireWriter();
      encodeFields(def.fields, fields, w);
      return w.finish();
    },
    fromWire(bytes, range, ctx) {
      const tracked = trackErrors(ctx);
      const fields = decodeGuarded(def.name, bytes, range, tracked.ctx, (r) => decodeFields(def.name, def.fields, r, range));
      if (!fields) return null;
      def.validate?.(fields, reporterFor(tracked.ctx));
      return tracked.failed() ? null : fields;
    },
  };
  if (def.singleton) spec.singleton = true;
  if (def.obsolete) spec.obsolete = def.obsolete;
  return spec;
}

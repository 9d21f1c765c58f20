/**
 * BIND's `$GENERATE range lhs [ttl] [class] type rhs`: `$` in lhs and rhs is replaced by the
 * iterator, `${offset[,width[,base]]}` formats it (bases d, o, x, X, n, N), `\$` is a literal `$`.
 * Generated records point at the directive's lhs, type and rhs; expansion is bounded.
 */
import { TokenKind, type LexResult } from './lexer';
import type { ParserState } from './parser';
import { MAX_TTL, parseTtlUpToU32 } from './parser';
import { parseName } from '../rrtypes/names';
import { rrTypeByName } from '../rrtypes/registry';
import type { RdataToken } from '../rrtypes/spec';
import { TtlSource, type Directive, type ZoneRecord } from '../model/types';

export const DEFAULT_GENERATE_LIMIT = 65536;

interface Range {
  start: number;
  stop: number;
  step: number;
}

export function expandGenerate(state: ParserState, lx: LexResult, e: number, d: Directive): void {
  const a = d.args;
  if (a.length < 4) {
    state.report('generate-invalid', 'error', d.start, d.end, '$GENERATE needs: range lhs [ttl] [class] type rhs, e.g. $GENERATE 1-254 host-$ A 192.0.2.$');
    return;
  }
  const range = parseRange(a[0].text);
  if (typeof range === 'string') {
    state.report('generate-invalid', 'error', a[0].start, a[0].end, range);
    return;
  }
  const lhs = a[1];
  let k = 2;
  let ttl = -1;
  let cls: string | null = null;
  for (let n = 0; n < 2 && k < a.length - 2; n++) {
    const t = a[k].text;
    if (ttl < 0 && /^[0-9]/.test(t)) {
      const v = parseTtlUpToU32(t);
      if (typeof v !== 'number') {
        state.report('generate-invalid', 'error', a[k].start, a[k].end, `bad TTL "${t}": ${v.error}`);
        return;
      }
      // Fixed: values above 2^31-1 were refused by parseTtl before reaching this check.
      if (v > MAX_TTL) state.report('ttl-range', 'error', a[k].start, a[k].end, `TTL ${v} is above 2147483647 (2^31-1); BIND loads it as 0`);
      ttl = v > MAX_TTL ? 0 : v;
    } else if (cls === null && /^(IN|CH|HS)$/i.test(t)) {
      cls = t.toUpperCase();
    } else break;
    k++;
  }
  if (a.length - k !== 2) {
    state.report('generate-invalid', 'error', a[Math.min(k, a.length - 1)].start, d.end, '$GENERATE needs exactly one type and one rhs after the lhs (quote an rhs that has spaces)');
    return;
  }
  const typeArg = a[k];
  const rhs = a[k + 1];
  const spec = rrTypeByName(typeArg.text.toUpperCase());
  if (!spec) {
    state.report('unknown-type', 'error', typeArg.start, typeArg.end, `unknown record type "${typeArg.text}" in $GENERATE`);
    return;
  }
  for (const part of [lhs, rhs]) {
    const problem = checkTemplate(part.text);
    if (problem) {
      state.report('generate-invalid', 'error', part.start, part.end, problem);
      return;
    }
  }
  const count = Math.floor((range.stop - range.start) / range.step) + 1;
  const limit = state.options.generateLimit ?? DEFAULT_GENERATE_LIMIT;
  if (count > limit) {
    state.report('generate-invalid', 'error', a[0].start, a[0].end, `$GENERATE would make ${count} records; only the first ${limit} are expanded (setting dnsZone.generateLimit)`);
  }
  const rhsQuoted = lx.tokKind[lx.entryFirst[e] + 1 + k + 1] === TokenKind.Quoted;
  let reported = false;
  const made = Math.min(count, limit);
  for (let n = 0, i = range.start; n < made; n++, i += range.step) {
    const ownerText = substitute(lhs.text, i);
    const owner = parseName(ownerText, state.origin);
    if (owner.error) {
      if (!reported) state.report('generate-invalid', 'error', lhs.start, lhs.end, `for ${i}, the owner "${ownerText}" is not valid: ${owner.error.message}`);
      reported = true;
      continue;
    }
    const tokens = splitRdata(substitute(rhs.text, i), rhs.start, rhs.end, rhsQuoted);
    const ctx = state.rdataContext(tokens, { start: typeArg.start, end: typeArg.end });
    // Report only the first failing iteration: the others fail the same way.
    const quiet = { ...ctx, error: (s: number, en: number, m: string) => { ctx.failed = true; if (!reported) ctx.error(s, en, `for ${i}: ${m}`); reported = true; }, warning: () => undefined, reportKept: undefined };
    const fields = spec.parse(quiet);
    const record: ZoneRecord = {
      owner: owner.name,
      ownerStart: lhs.start,
      ownerEnd: lhs.end,
      ttl: 0,
      ttlSource: TtlSource.Explicit,
      ttlStart: -1,
      ttlEnd: -1,
      class: cls ?? state.zoneClass ?? 'IN',
      classStart: -1,
      classEnd: -1,
      type: spec.name,
      typeCode: spec.code,
      typeStart: typeArg.start,
      typeEnd: typeArg.end,
      rdata: fields && !ctx.failed ? fields : [],
      rdataStart: rhs.start,
      rdataEnd: rhs.end,
      start: d.start,
      end: d.end,
      file: state.file,
      valid: fields !== null && !ctx.failed,
      generic: false,
      generated: true,
    };
    state.resolveTtlAndClass(record, ttl, spec);
    state.records.push(record);
  }
}

function parseRange(text: string): Range | string {
  const m = /^([0-9]{1,10})-([0-9]{1,10})(?:\/([0-9]{1,10}))?$/.exec(text);
  if (!m) return `bad $GENERATE range "${text}": expected start-stop or start-stop/step`;
  const start = Number(m[1]);
  const stop = Number(m[2]);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (stop < start) return `$GENERATE range ${text} runs backwards`;
  if (step < 1) return '$GENERATE step must be at least 1';
  if (stop > 0xffffffff) return '$GENERATE range is limited to 0-4294967295';
  return { start, stop, step };
}

const MODIFIER = /^\{(-?[0-9]+)(?:,([0-9]+)(?:,([doxXnN]))?)?\}/;

/** A syntax problem in a template, or null. */
function checkTemplate(t: string): string | null {
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '\\') i++;
    else if (c === '$' && t[i + 1] === '{') {
      const m = MODIFIER.exec(t.slice(i + 1, i + 40));
      if (!m) return `bad $GENERATE modifier at "${t.slice(i, i + 12)}": expected \${offset[,width[,base]]} with base one of d o x X n N`;
      i += m[0].length;
    }
  }
  return null;
}

/** Replace `$` and `${...}` in a template for iterator value `i`. */
export function substitute(t: string, i: number): string {
  let out = '';
  for (let p = 0; p < t.length; p++) {
    const c = t[p];
    if (c === '\\' && t[p + 1] === '$') {
      out += '$';
      p++;
    } else if (c === '\\') {
      out += c + (t[p + 1] ?? '');
      p++;
    } else if (c === '$') {
      const m = t[p + 1] === '{' ? MODIFIER.exec(t.slice(p + 1, p + 40)) : null;
      if (m) {
        out += format(i + Number(m[1]), m[2] === undefined ? 0 : Number(m[2]), m[3] ?? 'd');
        p += m[0].length;
      } else out += String(i);
    } else out += c;
  }
  return out;
}

function format(v: number, width: number, base: string): string {
  if (base === 'n' || base === 'N') return nibbles(v, width, base === 'N');
  // As C's printf("%0*d") / ("%0*x") in BIND: the width counts the sign, and hex and octal show a
  // negative value as its 32-bit two's complement. (Fixed: the sign used to come on top of the width.)
  if (v < 0 && base !== 'd') v >>>= 0;
  const radix = base === 'o' ? 8 : base === 'x' || base === 'X' ? 16 : 10;
  let s = Math.abs(v).toString(radix);
  if (base === 'X') s = s.toUpperCase();
  return v < 0 ? '-' + s.padStart(width - 1, '0') : s.padStart(width, '0');
}

/**
 * BIND's nibble format for ip6.arpa: hex digits least significant first, each followed by a dot
 * while more digits or width remain; the width counts the dots too, so `${0,4,n}` of 1 is `1.0.`.
 * (Fixed: the width used to count digits only, and no trailing dot was written.)
 */
function nibbles(v: number, width: number, upper: boolean): string {
  let value = v >>> 0;
  let out = '';
  do {
    const digit = (value & 0xf).toString(16);
    out += upper ? digit.toUpperCase() : digit;
    value >>>= 4;
    if (width > 0) width--;
    if (width > 0 || value !== 0) {
      out += '.';
      if (width > 0) width--;
    }
  } while (value !== 0 || width > 0);
  return out;
}

/** Split generated rdata text into tokens; every token points at the rhs in the document. */
function splitRdata(text: string, start: number, end: number, quoted: boolean): RdataToken[] {
  const tokens: RdataToken[] = [];
  if (quoted && !/\s/.test(text)) return [{ text, start, end, quoted: false }];
  const re = /"((?:[^"\\]|\\.)*)"|((?:[^\s"\\]|\\.)+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ text: m[1] ?? m[2], start, end, quoted: m[1] !== undefined });
  }
  return tokens;
}

/**
 * `$` directives (RFC 1035 §5.1, BIND): $ORIGIN, $TTL, $INCLUDE and $GENERATE.
 * $INCLUDE is resolved relative to the including file (a deliberate difference from BIND,
 * which resolves against its working directory; see docs/zone-format.md).
 */
import { TokenKind, type LexResult } from './lexer';
import { parseTtlUpToU32, type ParserState } from './parser';
import { encodingMessage } from './encoding';
import { parseName } from '../rrtypes/names';
import { expandGenerate } from './generate';
import { pairsOpenedBefore } from './parenPairs';
import type { Directive } from '../model/types';

const DEFAULT_INCLUDE_DEPTH = 16;

export function handleDirective(state: ParserState, lx: LexResult, e: number): void {
  const first = lx.entryFirst[e];
  const last = lx.entryLast[e];
  const name = lx.tokenText(first).toUpperCase();
  const args: Directive['args'] = [];
  for (let k = first + 1; k < last; k++) {
    args.push({ text: lx.tokKind[k] === TokenKind.Quoted ? lx.tokenContent(k) : lx.tokenText(k), start: lx.tokStart[k], end: lx.tokEnd[k] });
  }
  const directive: Directive = { name, start: lx.tokStart[first], end: lx.tokEnd[last - 1], args, file: state.file };
  state.directives.push(directive);
  const nameEnd = lx.tokEnd[first];
  if (!lineBreakFollows(lx, directive.start, directive.end)) {
    // Added: BIND 9.18 refuses a directive on the last line of a file with no line break after
    // it ("extra input text"), while it accepts a record there; found by the differential test.
    state.report('syntax-error', 'error', directive.start, directive.end, `BIND refuses a ${name} directive on the last line of a file that does not end with a line break; add one`);
  }
  switch (name) {
    case '$ORIGIN':
      return origin(state, directive, nameEnd);
    case '$TTL':
      return ttl(state, directive, nameEnd);
    case '$INCLUDE':
      return include(state, directive, nameEnd);
    case '$GENERATE':
      return expandGenerate(state, lx, e, directive);
    default:
      state.report('unknown-directive', 'error', directive.start, nameEnd, `unknown directive ${lx.tokenText(first)} (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE)`);
  }
}

/**
 * Whether the entry whose last token ends at `from` is ended by a line break: LF, CRLF or a lone
 * CR (fixed: only an LF counted, and anywhere after the directive, so `$ORIGIN x.` + lone CR at
 * the end of a file was refused while BIND accepts it). A comment runs past a lone CR to the next
 * LF (lexer.ts), as in BIND, which refuses `$ORIGIN x. ; c` + lone CR at the end of a file. Only
 * blank space, parentheses and comments can follow the entry's last token, and a line break
 * inside the directive's parentheses does not end it.
 */
function lineBreakFollows(lx: LexResult, start: number, from: number): boolean {
  const text = lx.text;
  // Only the directive's own parentheses count: one opened before it and never closed ended
  // where the lexer recovered (the directive starts a line after it).
  let depth = insideParens(lx.parens, from, start) ? 1 : 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x3b) {
      const lf = text.indexOf('\n', i);
      if (lf < 0) return false;
      if (depth === 0) return true;
      i = lf;
    } else if ((c === 0x0a || c === 0x0d) && depth === 0) return true;
  }
  return false;
}

/** Whether `offset` lies between a `(` opened at or after `openedFrom` and its `)` (or after a `(` never closed). */
function insideParens(parens: number[], offset: number, openedFrom = 0): boolean {
  const k = pairsOpenedBefore(parens, offset);
  if (k === 0 || parens[2 * k - 2] < openedFrom) return false;
  const close = parens[2 * k - 1];
  return close < 0 || close > offset;
}

function origin(state: ParserState, d: Directive, nameEnd: number): void {
  if (d.args.length !== 1) {
    state.report('directive-syntax', 'error', d.start, d.args.length ? d.end : nameEnd, d.args.length ? '$ORIGIN takes one domain name' : '$ORIGIN needs a domain name');
    return;
  }
  const a = d.args[0];
  const r = parseName(a.text, state.origin);
  if (r.error) {
    state.report('name-invalid', 'error', a.start + r.error.from, a.start + Math.max(r.error.to, r.error.from + 1), r.error.message);
    return;
  }
  state.origin = r.name;
}

function ttl(state: ParserState, d: Directive, nameEnd: number): void {
  if (d.args.length !== 1) {
    state.report('directive-syntax', 'error', d.start, d.args.length ? d.end : nameEnd, d.args.length ? '$TTL takes one value' : '$TTL needs a value, e.g. $TTL 1h');
    return;
  }
  const a = d.args[0];
  // Fixed: parseTtl refuses values above 2^31-1, so they never reached the ttl-range report.
  const v = parseTtlUpToU32(a.text);
  if (typeof v !== 'number') {
    state.report('directive-syntax', 'error', a.start, a.end, `bad $TTL "${a.text}": ${v.error}`);
    return;
  }
  if (v > 2147483647) {
    state.report('ttl-range', 'error', a.start, a.end, `$TTL ${v} is above 2147483647 (2^31-1); BIND sets it to 0`);
    state.defaultTtl = 0;
    state.defaultTtlFromSoa = false;
    return;
  }
  state.defaultTtl = v;
  state.defaultTtlFromSoa = false;
}

function include(state: ParserState, d: Directive, nameEnd: number): void {
  if (d.args.length < 1 || d.args.length > 2) {
    state.report('directive-syntax', 'error', d.start, d.args.length ? d.end : nameEnd, '$INCLUDE takes a file name and an optional origin');
    return;
  }
  const pathArg = d.args[0];
  let includeOrigin = state.origin;
  if (d.args.length === 2) {
    const o = d.args[1];
    const r = parseName(o.text, state.origin);
    if (r.error) {
      state.report('name-invalid', 'error', o.start + r.error.from, o.start + Math.max(r.error.to, r.error.from + 1), r.error.message);
      return;
    }
    includeOrigin = r.name;
  }
  const reader = state.options.readInclude;
  if (!reader) {
    state.report('include-failed', 'information', pathArg.start, pathArg.end, `$INCLUDE "${pathArg.text}" was not followed (no file access here): records in it are not checked`);
    return;
  }
  const limit = state.options.includeDepthLimit ?? DEFAULT_INCLUDE_DEPTH;
  if (state.includeStack.length > limit) {
    state.report('include-failed', 'error', pathArg.start, pathArg.end, `$INCLUDE nesting deeper than ${limit} files`);
    return;
  }
  const from = state.includeStack[state.includeStack.length - 1];
  const got = reader(pathArg.text, from);
  if ('error' in got) {
    state.report('include-failed', 'error', pathArg.start, pathArg.end, got.error);
    return;
  }
  if (state.includeStack.includes(got.name)) {
    state.report('include-failed', 'error', pathArg.start, pathArg.end, `$INCLUDE cycle: ${[...state.includeStack.slice(state.includeStack.indexOf(got.name)), got.name].join(' -> ')}`);
    return;
  }
  if (got.encoding) state.report('file-encoding', 'error', pathArg.start, pathArg.end, encodingMessage(`The included file ${got.name}`, got.encoding));
  // The included file starts with the given origin and the current owner; both are restored afterwards (RFC 1035 §5.1).
  const saved = { origin: state.origin, lastOwner: state.lastOwner, file: state.file };
  const diagnosticsBefore = state.diagnostics.length;
  state.origin = includeOrigin;
  state.file = state.files.length;
  state.files.push({ name: got.name, text: got.text });
  state.includeStack.push(got.name);
  try {
    state.parseText(got.text);
  } finally {
    state.includeStack.pop();
    state.origin = saved.origin;
    state.lastOwner = saved.lastOwner;
    state.file = saved.file;
  }
  const problems = state.diagnostics.slice(diagnosticsBefore).filter((x) => x.severity === 'error' && x.file !== saved.file).length;
  if (problems > 0) {
    state.report('include-failed', 'error', pathArg.start, pathArg.end, `${problems} error${problems === 1 ? '' : 's'} in included file ${got.name}`);
  }
}

/**
 * A tiny stand-in for the zone lexer, for these tests only: splits one record's rdata into
 * RdataTokens with document offsets. Blank space separates words; `(` and `)` are dropped;
 * `;` starts a comment to the end of the line; `"` starts a quoted token (a word ends where a
 * quote begins, as in BIND); a backslash escapes the next character everywhere.
 */
import type { RdataContext, RdataField, RdataToken } from '../../server/src/language/rrtypes/spec';
import { rrTypeByName } from '../../server/src/language/rrtypes/registry';

export function tokenize(text: string, offset = 0): RdataToken[] {
  const tokens: RdataToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '(' || c === ')') {
      i++;
    } else if (c === ';') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      tokens.push({ text: text.slice(i + 1, Math.min(j, n)), start: offset + i, end: offset + Math.min(j + 1, n), quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < n && !' \t\n\r();"'.includes(text[j])) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j, n);
      tokens.push({ text: text.slice(i, j), start: offset + i, end: offset + j, quoted: false });
      i = j;
    }
  }
  return tokens;
}

export interface Problem {
  start: number;
  end: number;
  message: string;
}

export interface TestContext extends RdataContext {
  errors: Problem[];
  warnings: Problem[];
}

export function makeContext(tokens: RdataToken[], origin: string | null = 'example.com.'): TestContext {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  return {
    tokens,
    origin,
    errors,
    warnings,
    error: (start, end, message) => errors.push({ start, end, message }),
    warning: (start, end, message) => warnings.push({ start, end, message }),
  };
}

/** A one-record document `r IN TYPE rdata` with the rdata's tokens and a context over them. */
export function recordContext(type: string, rdata: string, origin: string | null = 'example.com.'): { doc: string; rdataStart: number; ctx: TestContext } {
  const prefix = `r IN ${type} `;
  const doc = prefix + rdata;
  return { doc, rdataStart: prefix.length, ctx: makeContext(tokenize(rdata, prefix.length), origin) };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Parse one record's rdata with the modelled type; throws when the type is not modelled. */
export function parseRecord(type: string, rdata: string, origin: string | null = 'example.com.'): { fields: RdataField[] | null; errors: Problem[]; warnings: Problem[]; rdataStart: number } {
  const spec = rrTypeByName(type);
  if (!spec) throw new Error(`${type} is not modelled`);
  const { ctx, rdataStart } = recordContext(type, rdata, origin);
  const fields = spec.parse(ctx);
  return { fields, errors: ctx.errors, warnings: ctx.warnings, rdataStart };
}

/** Document range of the first occurrence of `part` in the rdata of a `recordContext` document. */
export function rangeOf(rdata: string, part: string, rdataStart: number, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = rdata.indexOf(part, at + 1);
  if (at < 0) throw new Error(`"${part}" not in "${rdata}"`);
  return { start: rdataStart + at, end: rdataStart + at + part.length };
}

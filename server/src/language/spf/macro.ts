/**
 * Scanner for macro-strings (RFC 7208 §7.1):
 *
 *   macro-string  = *( macro-expand / macro-literal )
 *   macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 *   macro-literal = %x21-24 / %x26-7E
 *   macro-letter  = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
 *   transformers  = *DIGIT [ "r" ]
 *   delimiter     = "." / "-" / "+" / "," / "/" / "_" / "="
 *
 * Characters outside printable ASCII are reported by the record scanner, not here.
 */
import type { SpfIssue } from './issue';

/** Where the macro-string appears: the letters c, r, t are allowed only in explanation text (§7.2). */
export type MacroContext = 'domain-spec' | 'modifier-value' | 'explanation';

/** A macro with indices into the joined text (converted to document ranges by the caller). */
export interface RawMacro {
  text: string;
  letter?: string;
  urlEscape: boolean;
  digits?: number;
  reverse: boolean;
  delimiters: string;
  from: number;
  to: number;
  letterFrom?: number;
}

export interface MacroScan {
  macros: RawMacro[];
  issues: SpfIssue[];
  /**
   * Index (relative to the scanned text) where the final run of literal characters starts;
   * equals the text length when the string ends with a macro-expand.
   */
  literalTailStart: number;
}

const MACRO_LETTERS = 'slodiphcrtv';
const EXP_ONLY_LETTERS = 'crt';
const DELIMITERS = '.-+,/_=';

/** Scans `text`, which starts at joined index `base`. */
export function scanMacroString(text: string, base: number, context: MacroContext): MacroScan {
  const macros: RawMacro[] = [];
  const issues: SpfIssue[] = [];
  let literalTailStart = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '%') {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      macros.push({ text: text.slice(i, i + 2), urlEscape: false, reverse: false, delimiters: '', from: base + i, to: base + i + 2 });
      i += 2;
      literalTailStart = i;
      continue;
    }
    if (next !== '{') {
      const shown = next === undefined ? '' : next;
      issues.push({
        code: 'bad-macro',
        message:
          `'%${shown}' is not a macro: '%' must be followed by '{', '%', '_' or '-' (RFC 7208 §7.1); ` +
          `write '%%' for a literal percent sign`,
        from: base + i,
        to: base + i + (next === undefined ? 1 : 2),
      });
      i += next === undefined ? 1 : 2;
      literalTailStart = i;
      continue;
    }
    i = scanExpand(text, i, base, context, macros, issues);
    literalTailStart = i;
  }
  return { macros, issues, literalTailStart };
}

/** Scans `%{...}` starting at `start` (the '%'); returns the index just past it. */
function scanExpand(
  text: string,
  start: number,
  base: number,
  context: MacroContext,
  macros: RawMacro[],
  issues: SpfIssue[],
): number {
  const close = text.indexOf('}', start + 2);
  if (close < 0) {
    issues.push({
      code: 'bad-macro',
      message: `unclosed macro '${text.slice(start)}': a '}' is missing (RFC 7208 §7.1)`,
      from: base + start,
      to: base + text.length,
    });
    return text.length;
  }
  const body = text.slice(start + 2, close);
  const macro: RawMacro = {
    text: text.slice(start, close + 1),
    urlEscape: false,
    reverse: false,
    delimiters: '',
    from: base + start,
    to: base + close + 1,
  };
  macros.push(macro);
  if (body.length === 0) {
    issues.push({ code: 'bad-macro', message: "empty macro '%{}': a macro letter is missing (RFC 7208 §7.1)", from: macro.from, to: macro.to });
    return close + 1;
  }
  const letter = body[0];
  const lower = letter.toLowerCase();
  const letterAt = base + start + 2;
  if (!MACRO_LETTERS.includes(lower)) {
    issues.push({
      code: 'bad-macro',
      message: `'${letter}' is not a macro letter; valid letters are s l o d i p h v, and c r t in explanation text (RFC 7208 §7.2)`,
      from: letterAt,
      to: letterAt + 1,
    });
    return close + 1;
  }
  macro.letter = lower;
  macro.urlEscape = letter !== lower;
  macro.letterFrom = letterAt;
  if (EXP_ONLY_LETTERS.includes(lower) && context === 'domain-spec') {
    issues.push({
      code: 'exp-only-macro',
      message: `the macro letter '${letter}' is allowed only in explanation text, not in a domain-spec (RFC 7208 §7.2)`,
      from: letterAt,
      to: letterAt + 1,
    });
  }
  let j = 1;
  while (j < body.length && body[j] >= '0' && body[j] <= '9') j++;
  if (j > 1) {
    macro.digits = Number(body.slice(1, j));
    if (macro.digits === 0) {
      issues.push({
        code: 'bad-macro',
        message: 'the digit transformer must be non-zero (RFC 7208 §7.3)',
        from: letterAt + 1,
        to: letterAt + j,
      });
    }
  }
  if (j < body.length && (body[j] === 'r' || body[j] === 'R')) {
    macro.reverse = true;
    j++;
  }
  const delimStart = j;
  while (j < body.length && DELIMITERS.includes(body[j])) j++;
  macro.delimiters = body.slice(delimStart, j);
  if (j < body.length) {
    const at = base + start + 2 + j;
    issues.push({
      code: 'bad-macro',
      message:
        `unexpected '${body[j]}' in macro '${macro.text}': after the letter come optional digits, ` +
        `an optional 'r' and delimiters from ". - + , / _ =" (RFC 7208 §7.1)`,
      from: at,
      to: at + 1,
    });
  }
  return close + 1;
}

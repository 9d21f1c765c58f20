/**
 * Which origin a document has when nobody says: the first `$ORIGIN` before any record, else the
 * SOA owner when it is written absolute, else the file name (`example.com.zone`, `db.example.com`,
 * `example.com`), as zonelint's `--origin` documents. A cheap scan of the first lines only.
 */
import { parseName } from './rrtypes/names';

const SCAN_LINES = 200;

export function guessOrigin(text: string, fileName: string | undefined): string | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 0; line < SCAN_LINES && pos < text.length; line++) {
    const { raw, next } = codeLine(text, pos);
    const content = raw.trim();
    pos = next;
    if (!content) continue;
    const words = content.split(/\s+/);
    if (/^\$ORIGIN$/i.test(words[0]) && words[1]) {
      const r = parseName(words[1], null);
      if (!r.error && r.absolute) return r.name;
      continue;
    }
    if (words[0].startsWith('$')) continue;
    const soaAt = words.findIndex((w) => /^SOA$/i.test(w));
    if (soaAt > 0 && /^\S/.test(raw) && words[0].endsWith('.')) {
      const r = parseName(words[0], null);
      if (!r.error) return r.name;
    }
    if (soaAt > 0) break;
  }
  return originFromFileName(fileName);
}

/**
 * The line starting at `pos` as the lexer reads it, without its comment, and where the next one
 * starts. Lines end at LF, CRLF or a lone CR (fixed: LF only, so in a lone-CR file the first line
 * was the whole text), but a comment runs on past a lone CR to the next LF, and a backslash
 * escapes the CR of a CRLF (parser/lexer.ts, as in BIND).
 */
function codeLine(text: string, pos: number): { raw: string; next: number } {
  let quoted = false;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) return { raw: text.slice(pos, i), next: i + 1 };
    if (c === 0x5c) {
      const n = text.charCodeAt(i + 1);
      if (n !== 0x0a && !(n === 0x0d && text.charCodeAt(i + 2) !== 0x0a)) i++;
    } else if (c === 0x22) quoted = !quoted;
    else if (c === 0x3b && !quoted) {
      const lf = text.indexOf('\n', i);
      return { raw: text.slice(pos, i), next: lf < 0 ? text.length : lf + 1 };
    }
  }
  return { raw: text.slice(pos), next: text.length };
}

export function originFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  let base = decodeURIComponent(fileName.replace(/^.*[\\/]/, ''));
  base = base.replace(/^db\./i, '').replace(/\.(zone|dns|db|txt|hosts)$/i, '');
  if (!base || !/[a-z0-9]/i.test(base)) return null;
  const r = parseName(base.endsWith('.') ? base : base + '.', null);
  return r.error ? null : r.name;
}

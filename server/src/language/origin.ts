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
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = stripComment(text.slice(pos, end));
    const content = raw.trim();
    pos = end + 1;
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

function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) return line.slice(0, i);
  }
  return line;
}

export function originFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  let base = decodeURIComponent(fileName.replace(/^.*[\\/]/, ''));
  base = base.replace(/^db\./i, '').replace(/\.(zone|dns|db|txt|hosts)$/i, '');
  if (!base || !/[a-z0-9]/i.test(base)) return null;
  const r = parseName(base.endsWith('.') ? base : base + '.', null);
  return r.error ? null : r.name;
}

/**
 * name-missing-trailing-dot: a name written without the final dot is relative, and the origin
 * is appended (RFC 1035 §5.1). When the written text already ends with the origin, the author
 * meant an absolute name: `mail.example.com` in zone `example.com.` becomes
 * `mail.example.com.example.com.`, and mail, delegations or aliases silently go nowhere.
 * Checked for rdata names and written owners. The fix adds the dot.
 */
import type { Zone } from '../../model/zone';
import { parseName } from '../../rrtypes/names';
import type { Fix, Rule } from '../rule';
import { sourceOf } from './common';

interface DotData {
  /** Offset where the dot goes (the end of the written name). */
  insertAt: number;
}

/**
 * For a relative name written as `text` that became `absolute`, the origin that was appended,
 * when `text` itself already ends with that origin; else null.
 */
export function doubledOrigin(text: string, absolute: string): string | null {
  if (text === '' || text === '@' || text.endsWith('.')) return null;
  const written = parseName(text + '.', null);
  if (written.error || written.name === '.' || !absolute.startsWith(written.name.slice(0, -1) + '.')) return null;
  const origin = absolute.slice(written.name.length);
  if (origin === '' || origin === '.') return null;
  const bare = origin.slice(0, -1);
  const w = written.name.slice(0, -1);
  return w === bare || w.endsWith('.' + bare) ? origin : null;
}

/**
 * False when doubledOrigin(text at [start, end), absolute) is surely null, decided in place for
 * plain written names (letters, digits, `-`, `_`, `*`, inner dots), whose canonical form is their
 * lowercase text: the rule asks this of every name in the zone, and nearly all of them are fine.
 * True means "maybe": doubledOrigin itself decides.
 */
function mayDoubleOrigin(source: string, start: number, end: number, absolute: string): boolean {
  const n = end - start;
  if (n <= 0) return false;
  let labelStart = start;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x2e) {
      if (i === labelStart || i - labelStart > 63) return true;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2a)) {
      return true;
    }
  }
  // Ends with a dot (absolute, null), an unusual last label or length: let doubledOrigin decide.
  if (labelStart === end || end - labelStart > 63 || n + 2 > 255) return true;
  // doubledOrigin needs absolute = written + "." + O with the written name ending in O's labels
  // (the origin appended a second time): written at least as long as O without its dot.
  const appended = absolute.length - n - 1; // the length of O
  if (appended <= 1 || n < appended - 1) return false;
  // The written name, lowercased, must be followed by a dot in `absolute`.
  if (absolute.charCodeAt(n) !== 0x2e) return false;
  for (let i = 0; i < n; i++) {
    let c = source.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== absolute.charCodeAt(i)) return false;
  }
  // And end with O's labels: its last appended - 1 characters equal O without the trailing dot.
  const bare = appended - 1;
  for (let i = 0; i < bare; i++) {
    let c = source.charCodeAt(end - bare + i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== absolute.charCodeAt(n + 1 + i)) return false;
  }
  return n === bare || source.charCodeAt(end - bare - 1) === 0x2e;
}

function check(zone: Zone, file: number, start: number, end: number, value: string, what: string, report: (f: { start: number; end: number; file: number; message: string; data: DotData }) => void): void {
  const source = zone.files[file]?.text ?? '';
  if (!mayDoubleOrigin(source, Math.max(0, start), Math.min(end, source.length), value)) return;
  const text = sourceOf(zone, file, start, end);
  const origin = doubledOrigin(text, value);
  if (!origin) return;
  report({
    start,
    end,
    file,
    message: `${what} "${text}" has no trailing dot, so it is relative and the origin is appended: it becomes ${value} Write "${text}." if ${text} is meant.`,
    data: { insertAt: end },
  });
}

export const nameMissingTrailingDot: Rule = {
  id: 'name-missing-trailing-dot',
  defaultSeverity: 'error',
  summary: 'A name written without its trailing dot that already ends with the origin (the origin gets appended twice).',
  stage: 'semantic',
  check({ zone, report }) {
    const records = zone.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (r.generated) continue;
      if (r.ownerStart >= 0) check(zone, r.file, r.ownerStart, r.ownerEnd, r.owner, 'The owner name', report);
      for (let k = 0; k < r.rdata.length; k++) {
        const f = r.rdata[k];
        if (f.relative !== true || typeof f.value !== 'string') continue;
        check(zone, r.file, f.start, f.end, f.value, `The ${r.type} ${f.name}`, report);
      }
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const data = diagnostic.data as DotData | undefined;
    if (!data || typeof data.insertAt !== 'number') return [];
    const text = zone.files[diagnostic.file]?.text ?? '';
    if (text.charAt(data.insertAt) === '.') return [];
    return [{ title: 'Add the trailing dot (make the name absolute)', edits: [{ start: data.insertAt, end: data.insertAt, newText: '.', file: diagnostic.file }], isPreferred: true }];
  },
};

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

function check(zone: Zone, file: number, start: number, end: number, value: string, what: string, report: (f: { start: number; end: number; file: number; message: string; data: DotData }) => void): void {
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
    for (const r of zone.records) {
      if (r.generated) continue;
      if (r.ownerStart >= 0) check(zone, r.file, r.ownerStart, r.ownerEnd, r.owner, 'The owner name', report);
      for (const f of r.rdata) {
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

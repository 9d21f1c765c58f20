/**
 * Inlay hints: what the text leaves implicit. After a relative owner (`www`, `@`) and a relative
 * name in rdata (`MX 10 mail`), the absolute name it stands for; after a TTL or SOA timer written
 * as bare seconds (`3600`), the same duration in BIND's unit form (`1h`). Only for the document
 * itself (not included files) and not for $GENERATE records, whose ranges point at the directive.
 */
import type { Zone } from '../model/zone';
import type { OffsetRange } from '../text/finding';

export type InlayHintKindName = 'name' | 'duration';

export interface InlayHintEntry {
  /** Document offset the hint is shown at (just after the text it explains). */
  offset: number;
  label: string;
  kind: InlayHintKindName;
}

const SOA_TIMERS = new Set(['refresh', 'retry', 'expire', 'minimum']);
const UNIT_SIZES: readonly [number, string][] = [
  [604800, 'w'],
  [86400, 'd'],
  [3600, 'h'],
  [60, 'm'],
  [1, 's'],
];

/** Seconds in BIND's TTL unit form: 3600 -> `1h`, 5400 -> `1h30m`, 0 -> `0s`. */
export function compactDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let rest = seconds;
  let out = '';
  for (const [size, unit] of UNIT_SIZES) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

function isRelativeWritten(written: string): boolean {
  if (written === '@') return true;
  // A trailing dot that is not escaped (`a\.` ends in a literal dot, still relative).
  let backslashes = 0;
  for (let i = written.length - 2; i >= 0 && written[i] === '\\'; i--) backslashes++;
  return !(written.endsWith('.') && backslashes % 2 === 0);
}

/** The hints whose offset lies in `range` (the whole document when absent), in document order. */
export function inlayHints(zone: Zone, range?: OffsetRange): InlayHintEntry[] {
  const text = zone.text;
  const out: InlayHintEntry[] = [];
  const inRange = (o: number) => !range || (o >= range.start && o <= range.end);
  const duration = (start: number, end: number, seconds: number) => {
    // Only bare digits: `1h` already says what the hint would say.
    if (inRange(end) && /^\d+$/.test(text.slice(start, end)) && seconds >= 60) out.push({ offset: end, label: compactDuration(seconds), kind: 'duration' });
  };
  for (const r of zone.records) {
    if (r.file !== 0 || r.generated) continue;
    if (r.ownerStart >= 0 && inRange(r.ownerEnd) && isRelativeWritten(text.slice(r.ownerStart, r.ownerEnd))) out.push({ offset: r.ownerEnd, label: r.owner, kind: 'name' });
    if (r.ttlStart >= 0) duration(r.ttlStart, r.ttlEnd, r.ttl);
    for (const f of r.rdata) {
      if (f.relative && typeof f.value === 'string' && inRange(f.end)) out.push({ offset: f.end, label: f.value, kind: 'name' });
      else if (r.type === 'SOA' && SOA_TIMERS.has(f.name) && typeof f.value === 'number') duration(f.start, f.end, f.value);
    }
  }
  for (const d of zone.directives) {
    if (d.file !== 0 || d.name.toUpperCase() !== '$TTL' || d.args.length === 0) continue;
    const a = d.args[0];
    if (/^\d+$/.test(a.text)) duration(a.start, a.end, Number(a.text));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

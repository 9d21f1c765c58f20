/**
 * The human format, eslint-like: one line per finding, `file:line:col  severity  message  rule`,
 * grouped per file with a blank line between groups, location and severity aligned within a group, then one
 * summary line. No colours, so the output is the same on a terminal and in a log.
 */
import type { Counts, Problem } from '../lint';

export function formatText(problems: readonly Problem[], counts: Counts, display: (path: string) => string): string {
  if (problems.length === 0) return '';
  const groups: Problem[][] = [];
  for (const p of problems) {
    const last = groups[groups.length - 1];
    if (last && last[0].path === p.path) last.push(p);
    else groups.push([p]);
  }
  const out: string[] = [];
  for (const group of groups) {
    const name = display(group[0].path);
    const rows = group.map((p) => [`${name}:${p.line}:${p.column}`, p.severity, oneLine(p.message), p.rule]);
    // Location and severity are aligned; messages are not padded (they can be long).
    const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) out.push(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}  ${r[3]}`);
    out.push('');
  }
  out.push(summaryLine(counts));
  return out.join('\n') + '\n';
}

/** `✖ 12 problems (3 errors, 7 warnings, 2 infos)`, with `, N hints` only when there are hints. */
export function summaryLine(c: Counts): string {
  const total = c.error + c.warning + c.information + c.hint;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.information, 'info')];
  if (c.hint > 0) parts.push(plural(c.hint, 'hint'));
  return `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(s: string): string {
  // `(?<!\s)`: start only where a run of blanks starts; without it a long run with no line break
  // is rescanned from each of its characters (quadratic).
  return s.replace(/(?<!\s)\s*\r?\n\s*/g, ' ');
}

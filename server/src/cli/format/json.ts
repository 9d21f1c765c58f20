/**
 * The machine format: a JSON array of findings with exactly the keys
 * file, line, column, endLine, endColumn, severity, rule, message. Positions are 1-based, columns
 * in UTF-16 code units, and `endColumn` is the column just after the last character (exclusive).
 */
import type { Problem } from '../lint';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Problem['severity'];
  rule: string;
  message: string;
}

export function toJsonFindings(problems: readonly Problem[], display: (path: string) => string): JsonFinding[] {
  return problems.map((p) => ({ file: display(p.path), line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, severity: p.severity, rule: p.rule, message: p.message }));
}

export function formatJson(problems: readonly Problem[], display: (path: string) => string): string {
  return JSON.stringify(toJsonFindings(problems, display), null, 2) + '\n';
}

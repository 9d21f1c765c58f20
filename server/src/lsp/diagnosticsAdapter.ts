/**
 * Language-service findings -> LSP diagnostics: offsets to positions, the rule id as `code`, a
 * link to the rule's page, and `data` that lets a code action find the fix again.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { ZoneDiagnostic } from '../language/model/types';
import type { Severity } from '../language/text/finding';
import type { ParsedDocument } from './documentCache';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The docs folder ships next to the bundles (dist/) and next to tsc output (out/server/src/lsp). */
const DOCS_DIR = [path.resolve(__dirname, '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules')].find((p) => {
  try {
    return require('node:fs').existsSync(p);
  } catch {
    return false;
  }
}) ?? path.resolve(__dirname, '..', 'docs', 'rules');

export function ruleDocUri(id: string): string {
  return pathToFileURL(path.join(DOCS_DIR, `${id}.md`)).toString();
}

export interface DiagnosticData {
  /** The document version the finding was computed on: a fix is never applied to another. */
  version: number;
  /** Index of the finding in the language service's list for that version. */
  index: number;
}

export function toLspDiagnostics(parsed: ParsedDocument, list: readonly ZoneDiagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  list.forEach((d, index) => {
    if (d.file !== 0) return;
    const data: DiagnosticData = { version: parsed.version, index };
    out.push({
      range: { start: parsed.lines.positionAt(d.start), end: parsed.lines.positionAt(d.end) },
      severity: SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: ruleDocUri(d.code) },
      source: 'zonelint',
      message: d.message,
      data,
      relatedInformation: d.related
        ?.filter((r) => r.file === 0)
        .map((r) => ({ location: { uri: parsed.uri, range: { start: parsed.lines.positionAt(r.start), end: parsed.lines.positionAt(r.end) } }, message: r.message })),
    });
  });
  return out;
}

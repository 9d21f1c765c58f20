/**
 * Debounced validation: an edit schedules a run after a short delay; a newer edit replaces the
 * pending run; a result computed for a version that is no longer current is dropped.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validate } from '../language/languageService';
import type { ZoneDiagnostic } from '../language/model/types';
import type { ParsedDocument } from './documentCache';
import { toLspDiagnostics } from './diagnosticsAdapter';
import type { ServerContext } from '../server';

/** Other open zones are revalidated after an edit (cross-zone rules) only when there are this few. */
const CROSS_ZONE_REVALIDATE_LIMIT = 20;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void,
  ) {}

  schedule(doc: TextDocument, delay: number, cascade = true): void {
    this.cancel(doc.uri);
    const version = doc.version;
    const timer = setTimeout(() => {
      this.timers.delete(doc.uri);
      const current = this.ctx.documents.get(doc.uri);
      if (!current || current.version !== version) return;
      this.ctx.guard('validation', undefined, () => {
        const parsed = this.ctx.cache.get(current);
        const diagnostics = toLspDiagnostics(parsed, this.diagnosticsFor(parsed));
        // A newer version may have arrived while we worked: then this result is stale.
        if (this.ctx.documents.get(doc.uri)?.version === version) this.publish(doc.uri, version, diagnostics);
      });
      if (cascade) this.revalidateOthers(doc.uri);
    }, delay);
    this.timers.set(doc.uri, timer);
  }

  /** The zone diagnostics of a parsed version, computed once. */
  diagnosticsFor(parsed: ParsedDocument): ZoneDiagnostic[] {
    if (!parsed.diagnostics) {
      const s = this.ctx.settings();
      parsed.diagnostics = validate(parsed.zone, this.ctx.cache.workspace, { rules: s.rules, workspaceRuleRecordLimit: s.largeZoneRecordLimit }, parsed.lines);
      // The last live mail-server check's findings (lsp/handlers/liveChecks.ts), placed on this version.
      parsed.diagnostics.push(...this.ctx.liveFindings.diagnosticsFor(parsed.uri, parsed.zone, s.rules, parsed.lines));
    }
    return parsed.diagnostics;
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private revalidateOthers(uri: string): void {
    const others = this.ctx.documents.all().filter((d) => d.uri !== uri);
    if (others.length === 0 || others.length > CROSS_ZONE_REVALIDATE_LIMIT) return;
    for (const d of others) {
      this.ctx.cache.invalidateDiagnostics(d.uri);
      this.schedule(d, 50, false);
    }
  }
}

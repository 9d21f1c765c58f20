/**
 * Document and range formatting. The column options come from the `dnsZone.format` settings
 * once the settings carry them (read defensively here), tabs from the editor's options.
 */
import type { FormattingOptions, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { formatDocument, type FormatOptions } from '../../language/features/format/format';
import { parsedFor, toRange } from './common';

/** Format options from the settings object (`format` key, when present) and the editor's options. */
export function formatOptionsFrom(settings: unknown, editor: FormattingOptions): FormatOptions {
  const raw = (settings as { format?: Record<string, unknown> } | undefined)?.format ?? {};
  const out: FormatOptions = { useTabs: editor.insertSpaces === false, tabSize: editor.tabSize };
  if (raw.columns === 'auto') out.columns = 'auto';
  else if (raw.columns && typeof raw.columns === 'object') {
    const c = raw.columns as Record<string, unknown>;
    const num = (v: unknown): number | undefined => (typeof v === 'number' && v >= 0 && v <= 200 ? Math.floor(v) : undefined);
    out.columns = { owner: num(c.owner), ttl: num(c.ttl), class: num(c.class), type: num(c.type) };
  }
  if (raw.ttl === 'keep' || raw.ttl === 'explicit') out.ttl = raw.ttl;
  if (raw.class === 'keep' || raw.class === 'explicit') out.class = raw.class;
  if (typeof raw.maxOwnerWidth === 'number' && raw.maxOwnerWidth > 0) out.maxOwnerWidth = raw.maxOwnerWidth;
  return out;
}

export function registerFormatting(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.documentFormattingProvider = true;
  capabilities.documentRangeFormattingProvider = true;
  ctx.connection.onDocumentFormatting((params) =>
    ctx.answer('formatting', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      const edits = formatDocument(parsed.zone, formatOptionsFrom(ctx.settings(), params.options));
      return edits.map((e) => ({ range: toRange(parsed.lines, e), newText: e.newText }));
    }),
  );
  ctx.connection.onDocumentRangeFormatting((params) =>
    ctx.answer('rangeFormatting', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      const range = { start: parsed.lines.offsetAt(params.range.start.line, params.range.start.character), end: parsed.lines.offsetAt(params.range.end.line, params.range.end.character) };
      const edits = formatDocument(parsed.zone, formatOptionsFrom(ctx.settings(), params.options), range);
      return edits.map((e) => ({ range: toRange(parsed.lines, e), newText: e.newText }));
    }),
  );
}

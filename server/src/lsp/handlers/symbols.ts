/** Document symbols (owner groups with their records, directives) and workspace symbols (owner names of open zones). */
import { SymbolKind, type DocumentSymbol, type ServerCapabilities, type SymbolInformation } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { documentSymbols, workspaceSymbols } from '../../language/features/symbols';
import type { SymbolKindName, ZoneSymbol } from '../../language/features/types';
import type { LineIndex } from '../../language/text/lineIndex';
import { ensureWorkspace, parsedFor, toLocation, toRange } from './common';

const KINDS: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File,
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  package: SymbolKind.Package,
  field: SymbolKind.Field,
  interface: SymbolKind.Interface,
  function: SymbolKind.Function,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  key: SymbolKind.Key,
  event: SymbolKind.Event,
  struct: SymbolKind.Struct,
  operator: SymbolKind.Operator,
  property: SymbolKind.Property,
};

function toDocumentSymbol(lines: LineIndex, s: ZoneSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name || '?',
    kind: KINDS[s.kind],
    range: toRange(lines, s.range),
    selectionRange: toRange(lines, s.selectionRange),
  };
  if (s.detail) out.detail = s.detail;
  if (s.children.length > 0) out.children = s.children.map((c) => toDocumentSymbol(lines, c));
  return out;
}

export function registerSymbols(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.documentSymbolProvider = { label: 'DNS zone' };
  capabilities.workspaceSymbolProvider = true;
  ctx.connection.onDocumentSymbol((params) =>
    ctx.answer('documentSymbol', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      return parsed ? documentSymbols(parsed.zone).map((s) => toDocumentSymbol(parsed.lines, s)) : [];
    }),
  );
  ctx.connection.onWorkspaceSymbol((params) =>
    ctx.answer('workspaceSymbol', () => {
      ensureWorkspace(ctx);
      const out: SymbolInformation[] = [];
      for (const s of workspaceSymbols(ctx.cache.workspace, params.query)) {
        const parsed = ctx.cache.peek(s.location.uri);
        const location = parsed ? toLocation(ctx, parsed, { ...s.location, uri: undefined }) : undefined;
        if (location) out.push({ name: s.name, kind: KINDS[s.kind], containerName: s.containerName, location });
      }
      return out;
    }),
  );
}

/** Go to definition, find references, rename and $INCLUDE document links. */
import { ResponseError, ErrorCodes, type DocumentLink, type Location, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { definitionAt, referencesAt } from '../../language/features/navigation';
import { prepareRenameAt, renameAt } from '../../language/features/rename';
import { documentLinks } from '../../language/features/documentLinks';
import { ensureWorkspace, groupEdits, offsetOf, parsedFor, toLocation, toRange } from './common';

export function registerNavigation(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.definitionProvider = true;
  capabilities.referencesProvider = true;
  capabilities.renameProvider = { prepareProvider: true };
  capabilities.documentLinkProvider = { resolveProvider: false };

  ctx.connection.onDefinition((params) =>
    ctx.answer('definition', () => {
      ensureWorkspace(ctx);
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      const found = definitionAt(parsed.zone, offsetOf(parsed, params.position), ctx.cache.workspace, parsed.uri);
      return found.map((l) => toLocation(ctx, parsed, l)).filter((l): l is Location => l !== undefined);
    }),
  );

  ctx.connection.onReferences((params) =>
    ctx.answer('references', () => {
      ensureWorkspace(ctx);
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      const found = referencesAt(parsed.zone, offsetOf(parsed, params.position), ctx.cache.workspace, parsed.uri, params.context.includeDeclaration);
      return found.map((l) => toLocation(ctx, parsed, l)).filter((l): l is Location => l !== undefined);
    }),
  );

  ctx.connection.onPrepareRename((params) =>
    ctx.answer('prepareRename', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return null;
      const t = prepareRenameAt(parsed.zone, offsetOf(parsed, params.position));
      return t ? { range: toRange(parsed.lines, t.range), placeholder: t.placeholder } : null;
    }),
  );

  ctx.connection.onRenameRequest((params) =>
    ctx.answer('rename', () => {
      ensureWorkspace(ctx);
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return null;
      const r = renameAt(parsed.zone, offsetOf(parsed, params.position), params.newName, ctx.cache.workspace, parsed.uri);
      if ('error' in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
      return { changes: groupEdits(ctx, parsed, r.edits) };
    }),
  );

  ctx.connection.onDocumentLinks((params) =>
    ctx.answer('documentLinks', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      return documentLinks(parsed.zone, parsed.uri).map((l) => {
        const link: DocumentLink = { range: toRange(parsed.lines, l.range), tooltip: l.tooltip };
        if (l.target) link.target = l.target;
        return link;
      });
    }),
  );
}

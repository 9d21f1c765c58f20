/** Hover: markdown for the directive, record part, SPF term or mail tag under the cursor. */
import { MarkupKind, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { hoverAt } from '../../language/features/hover';
import { ensureWorkspace, offsetOf, parsedFor, toRange } from './common';

export function registerHover(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.hoverProvider = true;
  ctx.connection.onHover((params) =>
    ctx.answer('hover', () => {
      ensureWorkspace(ctx);
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return null;
      const h = hoverAt(parsed.zone, offsetOf(parsed, params.position), ctx.cache.workspace);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(parsed.lines, h.range) } : null;
    }),
  );
}

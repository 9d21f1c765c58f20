/** Folding ranges and selection ranges: the document's structure (records, parentheses, comments, owner groups). */
import { FoldingRangeKind, type FoldingRange, type SelectionRange, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { foldingRanges } from '../../language/features/folding';
import { selectionRangesAt } from '../../language/features/selectionRanges';
import { offsetOf, parsedFor, toRange } from './common';

export function registerStructure(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.foldingRangeProvider = true;
  capabilities.selectionRangeProvider = true;
  ctx.connection.onFoldingRanges((params) =>
    ctx.answer('foldingRange', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      return foldingRanges(parsed.zone, parsed.lines).map((f) => {
        const out: FoldingRange = { startLine: f.startLine, endLine: f.endLine };
        if (f.kind === 'comment') out.kind = FoldingRangeKind.Comment;
        else if (f.kind === 'region') out.kind = FoldingRangeKind.Region;
        return out;
      });
    }),
  );
  ctx.connection.onSelectionRanges((params) =>
    ctx.answer('selectionRange', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      return params.positions.map((p) => {
        const offset = offsetOf(parsed, p);
        // Outermost first, so each range can point at its parent; an empty chain is the cursor itself.
        const chain = selectionRangesAt(parsed.zone, offset);
        let node: SelectionRange | undefined;
        for (let i = chain.length - 1; i >= 0; i--) node = { range: toRange(parsed.lines, chain[i]), ...(node ? { parent: node } : {}) };
        return node ?? { range: { start: p, end: p } };
      });
    }),
  );
}

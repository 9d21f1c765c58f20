/** Completion: items from the language service, with snippets and the range each replaces. */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { completionsAt, COMPLETION_TRIGGERS } from '../../language/features/completion';
import type { CompletionKind } from '../../language/features/types';
import { offsetOf, parsedFor, toRange } from './common';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  type: CompletionItemKind.Class,
  directive: CompletionItemKind.Keyword,
  name: CompletionItemKind.Reference,
  class: CompletionItemKind.EnumMember,
  unit: CompletionItemKind.Unit,
  keyword: CompletionItemKind.Keyword,
  tag: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.completionProvider = { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false };
  ctx.connection.onCompletion((params) =>
    ctx.answer('completion', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      return completionsAt(parsed.zone, offsetOf(parsed, params.position)).map((c) => {
        const item: CompletionItem = {
          label: c.label,
          kind: KINDS[c.kind],
          textEdit: { range: toRange(parsed.lines, c.replace), newText: c.insertText ?? c.label },
          insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (c.detail) item.detail = c.detail;
        if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
        if (c.sortText) item.sortText = c.sortText;
        if (c.filterText) item.filterText = c.filterText;
        if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
        if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
        return item;
      });
    }),
  );
}

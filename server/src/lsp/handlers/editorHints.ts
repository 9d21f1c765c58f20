/**
 * Inlay hints (`dnsZone.inlayHints.enabled`, off by default) and full-document semantic tokens.
 * Both are computed by the language service; this adapter converts offsets to positions and
 * encodes tokens as the protocol's relative five-integer groups.
 */
import { InlayHintKind, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { inlayHints } from '../../language/features/inlayHints';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens, type SemanticTokenEntry } from '../../language/features/semanticTokens';
import type { LineIndex } from '../../language/text/lineIndex';
import { parsedFor } from './common';

export function registerEditorHints(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.inlayHintProvider = { resolveProvider: false };
  capabilities.semanticTokensProvider = { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] }, full: true, range: false };
  ctx.connection.languages.inlayHint.on((params) =>
    ctx.answer('inlayHint', () => {
      if (!ctx.settings().inlayHints.enabled) return [];
      const parsed = parsedFor(ctx, params.textDocument.uri);
      if (!parsed) return [];
      const { start, end } = params.range;
      const range = { start: parsed.lines.offsetAt(start.line, start.character), end: parsed.lines.offsetAt(end.line, end.character) };
      return inlayHints(parsed.zone, range).map((h) => ({
        position: parsed.lines.positionAt(h.offset),
        label: h.kind === 'name' ? `→ ${h.label}` : `(${h.label})`,
        kind: h.kind === 'name' ? InlayHintKind.Type : InlayHintKind.Parameter,
        paddingLeft: true,
      }));
    }),
  );
  ctx.connection.languages.semanticTokens.on((params) =>
    ctx.answer('semanticTokens', () => {
      const parsed = parsedFor(ctx, params.textDocument.uri);
      return { data: parsed ? encodeTokens(parsed.lines, semanticTokens(parsed.zone)) : [] };
    }),
  );
}

/** LSP encoding: per token deltaLine, deltaStartChar, length, type index, modifier bit set. */
export function encodeTokens(lines: LineIndex, tokens: readonly SemanticTokenEntry[]): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens) {
    const p = lines.positionAt(t.start);
    const type = SEMANTIC_TOKEN_TYPES.indexOf(t.type);
    let bits = 0;
    for (const m of t.modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
    data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, t.end - t.start, type, bits);
    prevLine = p.line;
    prevChar = p.character;
  }
  return data;
}

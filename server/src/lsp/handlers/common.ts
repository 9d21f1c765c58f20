/**
 * What the feature handlers share: the parsed document of a request, and the conversions
 * between the language service's offsets (and file indexes of $INCLUDEd files) and LSP
 * positions, ranges, locations and edits.
 */
import { pathToFileURL } from 'node:url';
import type { Location, Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import type { ParsedDocument } from '../documentCache';
import { LineIndex } from '../../language/text/lineIndex';
import type { FeatureLocation, OffsetRange } from '../../language/features/types';

export function parsedFor(ctx: ServerContext, uri: string): ParsedDocument | undefined {
  const doc = ctx.documents.get(uri);
  return doc ? ctx.cache.get(doc) : undefined;
}

/**
 * Parse every open document that the cache has not seen yet, so that cross-zone features
 * (definition, references, rename, workspace symbols, hover) see all open zones even before
 * their validation has run.
 */
export function ensureWorkspace(ctx: ServerContext): void {
  for (const doc of ctx.documents.all()) ctx.cache.get(doc);
}

export function offsetOf(parsed: ParsedDocument, p: Position): number {
  return parsed.lines.offsetAt(p.line, p.character);
}

export function toRange(lines: LineIndex, r: OffsetRange): Range {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

/** The URI and line index of a location: this document, another open one, or an included file. */
export function resolveLocation(ctx: ServerContext, parsed: ParsedDocument, loc: { uri?: string; file?: number }): { uri: string; lines: LineIndex } | undefined {
  const target = loc.uri && loc.uri !== parsed.uri ? parsedFor(ctx, loc.uri) : parsed;
  if (!target) return undefined;
  const file = loc.file ?? 0;
  if (file === 0) return { uri: target.uri, lines: target.lines };
  const f = target.zone.files[file];
  if (!f || !(f.name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f.name))) return undefined;
  return { uri: pathToFileURL(f.name).href, lines: lineIndexOf(f.text) };
}

// Included files are not open documents: keep the line index of the last few texts.
const includeLines = new Map<string, LineIndex>();
function lineIndexOf(text: string): LineIndex {
  let hit = includeLines.get(text);
  if (!hit) {
    if (includeLines.size > 16) includeLines.clear();
    hit = new LineIndex(text);
    includeLines.set(text, hit);
  }
  return hit;
}

export function toLocation(ctx: ServerContext, parsed: ParsedDocument, loc: FeatureLocation): Location | undefined {
  const where = resolveLocation(ctx, parsed, loc);
  return where ? { uri: where.uri, range: toRange(where.lines, loc) } : undefined;
}

/** Offset edits (possibly in other documents or included files) grouped as LSP edits by URI. */
export function groupEdits(ctx: ServerContext, parsed: ParsedDocument, edits: readonly { start: number; end: number; newText: string; uri?: string; file?: number }[]): Record<string, LspTextEdit[]> {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const where = resolveLocation(ctx, parsed, e);
    if (!where) continue;
    (changes[where.uri] ??= []).push({ range: toRange(where.lines, e), newText: e.newText });
  }
  return changes;
}

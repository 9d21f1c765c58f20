/**
 * Parsed zones per document version: parse once per version, share the result between
 * diagnostics, hover, code actions and the other features. The open documents also form the
 * workspace that cross-zone rules consult.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../language/languageService';
import type { Zone } from '../language/model/zone';
import { Workspace } from '../language/workspace/workspace';
import { LineIndex } from '../language/text/lineIndex';
import type { IncludeReader } from '../node/includeReader';
import type { ZoneDiagnostic } from '../language/model/types';

export interface ParsedDocument {
  uri: string;
  version: number;
  zone: Zone;
  lines: LineIndex;
  /** Findings for this version, once computed (cleared when another zone changes). */
  diagnostics?: ZoneDiagnostic[];
}

export class DocumentCache {
  private readonly parsed = new Map<string, ParsedDocument>();
  readonly workspace = new Workspace();

  constructor(private readonly options: () => { generateLimit: number; readInclude?: IncludeReader }) {}

  get(doc: TextDocument): ParsedDocument {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const fileName = fileNameOf(doc.uri);
    const opts = this.options();
    const zone = parseDocument({ text, fileName, readInclude: fileName.startsWith('/') || /^[A-Za-z]:/.test(fileName) ? opts.readInclude : undefined, generateLimit: opts.generateLimit });
    const entry: ParsedDocument = { uri: doc.uri, version: doc.version, zone, lines: new LineIndex(text) };
    this.parsed.set(doc.uri, entry);
    this.workspace.set(doc.uri, zone);
    return entry;
  }

  /** Drop everything (settings that change parsing, such as the $GENERATE limit, changed). */
  clear(): void {
    this.parsed.clear();
  }

  /** Another zone changed: cross-zone findings of this one must be computed again. */
  invalidateDiagnostics(uri: string): void {
    const hit = this.parsed.get(uri);
    if (hit) hit.diagnostics = undefined;
  }

  /** The parsed document for a uri and version, if that is what the cache holds. */
  peek(uri: string): ParsedDocument | undefined {
    return this.parsed.get(uri);
  }

  delete(uri: string): void {
    this.parsed.delete(uri);
    this.workspace.delete(uri);
  }
}

/** A file-system path for file: URIs, else the URI itself (used to guess the origin). */
export function fileNameOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/**
 * Parsed zones per document version: parse once per version, share the result between
 * diagnostics, hover, code actions and the other features. The open documents also form the
 * workspace that cross-zone rules consult.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument, reparseDocument, type TextChange } from '../language/languageService';
import type { Zone } from '../language/model/zone';
import { Workspace } from '../language/workspace/workspace';
import { LineIndex } from '../language/text/lineIndex';
import type { IncludeReader } from '../node/includeReader';
import type { ZoneDiagnostic } from '../language/model/types';
import type { ZoneValidation } from '../language/features/diagnostics';
import type { PreviousFindings } from '../language/features/provisionalDiagnostics';

export interface ParsedDocument {
  uri: string;
  version: number;
  zone: Zone;
  lines: LineIndex;
  /** Findings for this version, once computed (cleared when another zone changes). */
  diagnostics?: ZoneDiagnostic[];
  /** The validation of this version in progress (lsp/validator.ts). */
  validation?: ZoneValidation;
  /**
   * The rule findings shown for this version: its own once validated, else the previous
   * version's moved past the edit (provisionalDiagnostics). Offsets are this version's.
   */
  shownRuleFindings?: ZoneDiagnostic[];
  /** How long the last complete validation of this document took (carried across versions). */
  validationMs?: number;
  /** Diagnostics published for this version before its validation completed. */
  provisional?: ZoneDiagnostic[];
  /** The version this one was parsed from, with the change, while its findings still stand in. */
  previous?: PreviousFindings & { change: TextChange };
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
    const input = { text, fileName, readInclude: fileName.startsWith('/') || /^[A-Za-z]:/.test(fileName) ? opts.readInclude : undefined, generateLimit: opts.generateLimit };
    let entry: ParsedDocument;
    if (hit) {
      // An edit: parse again around the change only (the previous zone is consumed), and keep
      // what the previous version showed, to stand in until this one is validated.
      const previousText = hit.zone.text;
      const r = reparseDocument(hit.zone, input);
      if (r.change === null) {
        // Same text under a new version number: everything computed for it still holds.
        hit.version = doc.version;
        return hit;
      }
      const lines = LineIndex.afterChange(hit.lines, text, r.change.start, r.change.oldEnd, r.change.newEnd);
      entry = { uri: doc.uri, version: doc.version, zone: r.zone, lines, validationMs: hit.validationMs };
      if (hit.shownRuleFindings) entry.previous = { text: previousText, ruleFindings: hit.shownRuleFindings, change: r.change, stretch: r.stretch };
      hit.validation = undefined;
    } else {
      entry = { uri: doc.uri, version: doc.version, zone: parseDocument(input), lines: new LineIndex(text) };
    }
    this.parsed.set(doc.uri, entry);
    this.workspace.set(doc.uri, entry.zone);
    return entry;
  }

  /** Drop everything (settings that change parsing, such as the $GENERATE limit, changed). */
  clear(): void {
    this.parsed.clear();
  }

  /** Another zone changed: cross-zone findings of this one must be computed again. */
  invalidateDiagnostics(uri: string): void {
    const hit = this.parsed.get(uri);
    if (hit) {
      hit.diagnostics = undefined;
      hit.validation = undefined;
    }
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

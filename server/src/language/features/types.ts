/**
 * Value types of the editor features. They are plain offsets and strings, so the language
 * service stays free of any editor API; the LSP handlers convert them at the edge.
 */
import type { OffsetRange } from '../text/finding';

export type { OffsetRange } from '../text/finding';
export type { TextEdit } from '../checks/rule';

export interface HoverResult {
  markdown: string;
  /** What the hover describes (the word, field or term under the cursor). */
  range: OffsetRange;
}

/** A place in the workspace: `uri` undefined means the document asked about; `file` indexes Zone.files. */
export interface FeatureLocation extends OffsetRange {
  uri?: string;
  file: number;
}

export type CompletionKind = 'type' | 'directive' | 'name' | 'class' | 'unit' | 'keyword' | 'tag' | 'value' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (a snippet when `snippet` is true); defaults to the label. */
  insertText?: string;
  snippet?: boolean;
  /** The document range the insert replaces (the word being typed). */
  replace: OffsetRange;
  sortText?: string;
  filterText?: string;
  deprecated?: boolean;
  /** Ask the editor to suggest again once inserted (after `include:`, `p=`, ...). */
  retrigger?: boolean;
}

export type SymbolKindName =
  | 'file'
  | 'module'
  | 'namespace'
  | 'package'
  | 'field'
  | 'interface'
  | 'function'
  | 'variable'
  | 'constant'
  | 'string'
  | 'number'
  | 'key'
  | 'event'
  | 'struct'
  | 'operator'
  | 'property';

export interface ZoneSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: ZoneSymbol[];
}

export interface FoldingEntry {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

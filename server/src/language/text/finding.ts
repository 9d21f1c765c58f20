/** Severity names shared by the language service, the CLI and the settings. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A document range as half-open UTF-16 offsets [start, end) into the document text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * The language service facade: everything the LSP adapter and the CLI need, with no editor and
 * no transport. Offsets in, offsets out; conversion to line/character happens at the edges.
 */
import { parseZoneText, type ParseOptions } from './parser/parser';
import { canonicalOrigin } from './parser/zoneOrigin';
import { diffTexts, reparseZoneText, type Reparse, type TextChange } from './parser/incremental';
import { Zone } from './model/zone';
import { guessOrigin } from './origin';
import { validateZone, type ValidationSettings } from './features/diagnostics';
import type { Workspace } from './workspace/workspace';
import type { ZoneDiagnostic } from './model/types';
import { LineIndex } from './text/lineIndex';

export interface DocumentInput {
  text: string;
  /** Path or URI, used to guess the origin and resolve `$INCLUDE`. */
  fileName?: string;
  /** Explicit origin; otherwise guessed (see origin.ts). */
  origin?: string;
  readInclude?: ParseOptions['readInclude'];
  generateLimit?: number;
  /** The file's encoding when it is not ASCII/UTF-8 (found by whoever read its bytes): reported as file-encoding. */
  encoding?: string;
}

/** Parse a document into the zone model. Never throws. */
export function parseDocument(input: DocumentInput): Zone {
  const origin = input.origin ?? guessOrigin(input.text, input.fileName) ?? undefined;
  return new Zone(
    parseZoneText(input.text, { origin, fileName: input.fileName, readInclude: input.readInclude, generateLimit: input.generateLimit, encoding: input.encoding }),
  );
}

export interface Reparsed {
  zone: Zone;
  /** What changed since the previous version (null: nothing). */
  change: TextChange | null;
  /** Whether only the changed stretch was parsed again (else the whole text was). */
  incremental: boolean;
  /** The stretch parsed again, when incremental (see parser/incremental.ts). */
  stretch?: Reparse['stretch'];
}

/**
 * Parse a new version of a document whose previous version was parsed into `previous` (with the
 * same file name and limits), parsing again only around the change where that gives the same
 * result (parser/incremental.ts). `previous` must not be used afterwards: its records may have
 * been moved into the new zone.
 */
export function reparseDocument(previous: Zone, input: DocumentInput): Reparsed {
  const change = diffTexts(previous.text, input.text);
  if (change === null) return { zone: previous, change, incremental: true };
  const origin = input.origin ?? guessOrigin(input.text, input.fileName) ?? undefined;
  const options: ParseOptions = { origin, fileName: input.fileName, readInclude: input.readInclude, generateLimit: input.generateLimit };
  if (canonicalOrigin(origin) === previous.parse.givenOrigin && previous.files[0].name === (input.fileName ?? '')) {
    const parsed = reparseZoneText(previous.parse, input.text, change, options);
    if (parsed) {
      const zone = new Zone(parsed.result);
      zone.adoptNameIndex(previous, parsed.stretch.oldRecords, parsed.stretch.records);
      return { zone, change, incremental: true, stretch: parsed.stretch };
    }
  }
  return { zone: new Zone(parseZoneText(input.text, options)), change, incremental: false };
}

/** All diagnostics of a zone: syntax, semantic and cross-zone, after settings and suppressions. */
export function validate(zone: Zone, workspace: Workspace, settings?: ValidationSettings, lines?: LineIndex): ZoneDiagnostic[] {
  return validateZone(zone, workspace, settings, lines);
}

export type { ValidationSettings } from './features/diagnostics';
export type { TextChange } from './parser/incremental';
export { Zone } from './model/zone';
export { Workspace } from './workspace/workspace';

/**
 * The language service facade: everything the LSP adapter and the CLI need, with no editor and
 * no transport. Offsets in, offsets out; conversion to line/character happens at the edges.
 */
import { parseZoneText, type ParseOptions } from './parser/parser';
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
}

/** Parse a document into the zone model. Never throws. */
export function parseDocument(input: DocumentInput): Zone {
  const origin = input.origin ?? guessOrigin(input.text, input.fileName) ?? undefined;
  return new Zone(
    parseZoneText(input.text, { origin, fileName: input.fileName, readInclude: input.readInclude, generateLimit: input.generateLimit }),
  );
}

/** All diagnostics of a zone: syntax, semantic and cross-zone, after settings and suppressions. */
export function validate(zone: Zone, workspace: Workspace, settings?: ValidationSettings, lines?: LineIndex): ZoneDiagnostic[] {
  return validateZone(zone, workspace, settings, lines);
}

export type { ValidationSettings } from './features/diagnostics';
export { Zone } from './model/zone';
export { Workspace } from './workspace/workspace';

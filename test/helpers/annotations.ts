/**
 * Inline expectations in zone fixtures. A comment line made of carets under the line above it
 * names the rule expected there:
 *
 *   www  IN CNAME host.example.
 *   www  IN A     192.0.2.1
 *   ;       ^^ cname-and-other-data
 *
 * The carets give the exact columns of the expected range on the nearest preceding line that is
 * not an annotation. Several annotations may follow one line. Annotation lines are ordinary
 * comments to the parser, so the fixture stays a valid zone.
 */
import assert from 'node:assert/strict';
import { parseDocument, validate } from '../../server/src/language/languageService';
import { singleZoneWorkspace, type Workspace } from '../../server/src/language/workspace/workspace';
import type { ZoneDiagnostic } from '../../server/src/language/model/types';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import type { Zone } from '../../server/src/language/model/zone';

export interface Expectation {
  line: number;
  startChar: number;
  endChar: number;
  code: string;
}

const ANNOTATION = /^;(\s*)(\^+)\s+([a-z0-9-]+)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let target = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const m = ANNOTATION.exec(line);
    if (m && target >= 0) {
      const startChar = 1 + m[1].length;
      out.push({ line: target, startChar, endChar: startChar + m[2].length, code: m[3] });
    } else {
      target = i;
    }
  }
  return out;
}

export interface Actual extends Expectation {
  message: string;
}

/** Diagnostics of one zone text as line/character ranges, for comparison with the annotations. */
export function diagnosticsOf(text: string, origin = 'example.com.', workspace?: (zone: Zone) => Workspace): { zone: Zone; actual: Actual[]; raw: ZoneDiagnostic[] } {
  const zone = parseDocument({ text, origin, fileName: 'fixture.zone' });
  const ws = workspace ? workspace(zone) : singleZoneWorkspace('fixture.zone', zone);
  const lines = new LineIndex(text);
  const raw = validate(zone, ws, {}, lines);
  const actual = raw
    .filter((d) => d.file === 0)
    .map((d) => {
      const s = lines.positionAt(d.start);
      const e = lines.positionAt(d.end);
      // Ranges that run onto another line are compared by their first line only.
      return { line: s.line, startChar: s.character, endChar: e.line === s.line ? e.character : lines.lineEnd(s.line) - lines.lineStart(s.line), code: d.code, message: d.message };
    });
  return { zone, actual, raw };
}

/**
 * Assert that the findings of `codes` (all codes when omitted) are exactly the annotated ones:
 * nothing missing, nothing extra, same ranges.
 */
export function assertAnnotated(text: string, codes?: string[], origin?: string, workspace?: (zone: Zone) => Workspace): Actual[] {
  const expected = readExpectations(text);
  const { actual } = diagnosticsOf(text, origin, workspace);
  const relevant = codes ? actual.filter((a) => codes.includes(a.code)) : actual;
  const key = (x: Expectation) => `${x.line + 1}:${x.startChar}-${x.endChar} ${x.code}`;
  assert.deepEqual(relevant.map(key).sort(), expected.filter((e) => !codes || codes.includes(e.code)).map(key).sort(), `findings differ; actual messages:\n${relevant.map((a) => key(a) + '  ' + a.message).join('\n')}`);
  return relevant;
}

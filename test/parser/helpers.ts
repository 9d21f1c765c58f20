/** Small helpers for parser tests: parse a snippet, find diagnostics, locate text. */
import { parseDocument, type Zone } from '../../server/src/language/languageService';
import type { ZoneDiagnostic } from '../../server/src/language/model/types';

export const HEAD = '$TTL 1h\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\n';

export function parse(text: string, origin = 'example.com.'): Zone {
  return parseDocument({ text, origin, fileName: 'test.zone' });
}

/** Diagnostics as `code@start-end` for compact exact comparisons. */
export function diags(zone: Zone, severity?: ZoneDiagnostic['severity']): string[] {
  return zone.parseDiagnostics.filter((d) => !severity || d.severity === severity).map((d) => `${d.code}@${d.start}-${d.end}`);
}

/** `code@start-end` for the `nth` occurrence of `needle` in `text` (the expected range is the needle). */
export function at(code: string, text: string, needle: string, nth = 0): string {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not found ${nth + 1} times`);
  }
  return `${code}@${i}-${i + needle.length}`;
}

/** Owners of the valid records, in order. */
export function owners(zone: Zone): string[] {
  return zone.records.filter((r) => r.valid).map((r) => r.owner);
}

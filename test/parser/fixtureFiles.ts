/**
 * The hand-written parser fixtures under test/fixtures/parser/{ok,err}: listing, header options,
 * parsing with a file-system $INCLUDE reader, and a plain-text dump of the result that is compared
 * with the `.expected` file beside each fixture (rust-analyzer's test_data layout).
 *
 * A fixture may start with comment headers: `; origin: NAME.` (default example.com.) and
 * `; class: CH` (the zone class BIND is told; default IN).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type Zone } from '../../server/src/language/languageService';
import type { ZoneRecord } from '../../server/src/language/model/types';
import type { RdataField } from '../../server/src/language/rrtypes/spec';
import { fileIncludeReader } from '../oracle/includeReader';

/** Repository root, from out/test/parser (compiled) or test/parser (source). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'parser');

export interface Fixture {
  name: string;
  kind: 'ok' | 'err';
  file: string;
  text: string;
  origin: string;
  zoneClass: string;
}

export function listFixtures(kind: 'ok' | 'err'): Fixture[] {
  const dir = path.join(FIXTURE_DIR, kind);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.zone'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      const header = (key: string): string | undefined => new RegExp(`^; ${key}: (\\S+)`, 'm').exec(text.slice(0, 400))?.[1];
      return { name: f, kind, file, text, origin: header('origin') ?? 'example.com.', zoneClass: header('class') ?? 'IN' };
    });
}

export function parseFixture(f: Fixture): Zone {
  return parseDocument({ text: f.text, fileName: f.file, origin: f.origin, readInclude: fileIncludeReader() });
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function pos(zone: Zone, file: number, offset: number): string {
  const { line, col } = lineCol(zone.files[file].text, offset);
  return `${file === 0 ? '' : `f${file}:`}${line}:${col}`;
}

const TTL_SOURCE = ['explicit', '$TTL', 'previous', 'soa-minimum', 'none'];

function fieldText(f: RdataField): string {
  const v = f.value;
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x.value))).join(' ') + ']';
  return JSON.stringify(v.value);
}

export function recordLine(zone: Zone, r: ZoneRecord): string {
  const fields = r.rdata.map((f) => `${f.name}=${fieldText(f)}`).join(' ');
  const flags = [r.valid ? '' : 'INVALID', r.generic ? 'generic' : '', r.generated ? 'generated' : ''].filter(Boolean).join(',');
  return `${pos(zone, r.file, r.start)} ${r.owner} ${r.ttl}(${TTL_SOURCE[r.ttlSource]}) ${r.class} ${r.type} ${fields}${flags ? ` {${flags}}` : ''}`;
}

/** The whole parse result as text: records, then diagnostics with exact ranges. */
export function dumpZone(zone: Zone): string {
  const lines = [`# origin ${zone.origin}`, `# files ${zone.files.length}`, `# records ${zone.records.length}`];
  for (const r of zone.records) lines.push(recordLine(zone, r));
  lines.push(`# diagnostics ${zone.parseDiagnostics.length}`);
  for (const d of zone.parseDiagnostics) {
    lines.push(`${pos(zone, d.file, d.start)}-${pos(zone, d.file, d.end)} ${d.severity} ${d.code}: ${d.message.replace(/\/[^\s:]*\/test\/fixtures\/parser\//g, '<fixtures>/')}`);
  }
  return lines.join('\n') + '\n';
}

export function expectedPath(f: Fixture): string {
  return f.file.replace(/\.zone$/, '.expected');
}

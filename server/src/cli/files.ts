/**
 * Which files zonelint lints: the files named on the command line, and in the directories named
 * there every zone file found by name (`*.zone`, `*.dns`, `db.*`, `*.rev`, `*.arpa`) or by its
 * first lines (`$ORIGIN`, `$TTL`, an SOA record). node_modules and dot-directories are skipped,
 * symlinked directories are not followed (no loops), and the result is sorted so output is
 * deterministic. Reading refuses what is not a regular file or is over the size limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, describeFsError } from './io';
import { describeEncoding, readZoneFile, type DecodedZoneFile } from '../node/zoneFileBytes';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface SourceFile {
  /** Absolute path (resolved, symlinks kept as written). */
  path: string;
  /** Named on the command line, rather than found in a directory. */
  explicit: boolean;
}

export interface Discovery {
  files: SourceFile[];
  /** Real paths of the directories given, and of the directories of the files given: where `$INCLUDE` may read. */
  roots: string[];
}

const ZONE_NAME = /(\.(zone|dns|rev|arpa)$)|(^db\.)/i;
const ZONE_LINE = /^(\$ORIGIN\b|\$TTL\b|\S+\s+(\d\w*\s+)?(IN\s+)?(\d\w*\s+)?SOA\b)/i;
const SNIFF_BYTES = 4096;
const SNIFF_LINES = 5;

export function isZoneFileName(base: string): boolean {
  return ZONE_NAME.test(base);
}

/** Whether one of the first significant lines (not blank, not a comment) of `head` is typical of a zone. */
export function looksLikeZone(head: string): boolean {
  if (head.includes('\0')) return false;
  let seen = 0;
  for (const raw of head.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim() || line.trim().startsWith(';')) continue;
    if (ZONE_LINE.test(line)) return true;
    if (++seen >= SNIFF_LINES) break;
  }
  return false;
}

/** Expand the command-line paths into the sorted list of files to lint. Throws one `CliError` listing every bad path. */
export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const problems: string[] = [];
  const found = new Map<string, SourceFile>();
  const roots = new Set<string>();
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      problems.push(`${given}: ${describeFsError(err)}`);
      continue;
    }
    if (stat.isDirectory()) {
      roots.add(realpathOr(abs));
      walk(abs, found, problems);
    } else if (stat.isFile()) {
      roots.add(realpathOr(path.dirname(abs)));
      found.set(abs, { path: abs, explicit: true });
    } else {
      problems.push(`${given}: not a regular file or directory`);
    }
  }
  if (problems.length) throw new CliError(problems.join('\n'));
  const files = [...found.values()].sort((a, b) => compareStrings(a.path, b.path));
  return { files, roots: [...roots].sort(compareStrings) };
}

function walk(dir: string, found: Map<string, SourceFile>, problems: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      walk(full, found, problems);
      continue;
    }
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // A link to a file counts as that file; a link to a directory is not followed.
      try {
        isFile = fs.statSync(full).isFile();
      } catch {
        continue; // dangling link: nothing to lint
      }
    }
    if (!isFile || found.has(full)) continue;
    if (isZoneFileName(e.name) || sniff(full)) found.set(full, { path: full, explicit: false });
  }
}

function sniff(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return looksLikeZone(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false; // unreadable files that do not look like zones by name are not ours to report
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Read a file given or found, refusing anything that is not a regular file under the size limit.
 * UTF-16 is decoded as such, and named (see node/zoneFileBytes.ts).
 */
export function readSourceText(file: string, displayName: string, maxBytes = MAX_FILE_BYTES): { text: string; encoding?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new CliError(`${displayName}: ${describeFsError(err)}`);
  }
  if (!stat.isFile()) throw new CliError(`${displayName}: not a regular file`);
  if (stat.size > maxBytes) throw new CliError(`${displayName}: ${stat.size} bytes, over the ${maxBytes}-byte (${Math.round(maxBytes / 1048576)} MB) limit`);
  let decoded: DecodedZoneFile;
  try {
    decoded = readZoneFile({ utf8: () => fs.readFileSync(file, 'utf8'), bytes: () => fs.readFileSync(file) });
  } catch (err) {
    throw new CliError(`${displayName}: ${describeFsError(err)}`);
  }
  return decoded.encoding ? { text: decoded.text, encoding: describeEncoding(decoded.encoding) } : { text: decoded.text };
}

/** The path to show: relative to the working directory when inside it, else absolute. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Code-unit order, independent of the locale (deterministic everywhere). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

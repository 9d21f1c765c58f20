/**
 * Reads `$INCLUDE`d files for the CLI and the language server (the language service itself has
 * no file access). Paths resolve relative to the including file; only regular files under the
 * allowed roots and under a size limit are read, so a zone cannot make us read /dev/zero, a
 * directory, or a secret outside the workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeEncoding, readZoneFile } from './zoneFileBytes';

export const MAX_INCLUDE_BYTES = 50 * 1024 * 1024;

export interface IncludeReaderOptions {
  /** Directories whose files may be included; empty means any. */
  roots: string[];
  /** Allow files outside `roots`. */
  allowOutside: boolean;
  maxBytes?: number;
}

export type IncludeReader = (includePath: string, fromFile: string) => { name: string; text: string; encoding?: string } | { error: string };

export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function createIncludeReader(options: IncludeReaderOptions): IncludeReader {
  const maxBytes = options.maxBytes ?? MAX_INCLUDE_BYTES;
  return (includePath, fromFile) => {
    const base = fromFile ? path.dirname(fromFile) : process.cwd();
    const resolved = path.resolve(base, includePath);
    let real: string;
    try {
      real = fs.realpathSync(resolved);
    } catch {
      return { error: `$INCLUDE file not found: ${resolved}` };
    }
    if (!options.allowOutside && options.roots.length > 0 && !options.roots.some((r) => isInside(real, r))) {
      return { error: `$INCLUDE ${resolved} is outside the workspace and was not read (allow it with the setting dnsZone.allowIncludeOutsideWorkspace or zonelint --allow-include-outside)` };
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(real);
    } catch (err) {
      return { error: `$INCLUDE cannot read ${resolved}: ${(err as Error).message}` };
    }
    if (!stat.isFile()) return { error: `$INCLUDE ${resolved} is not a regular file` };
    if (stat.size > maxBytes) return { error: `$INCLUDE ${resolved} is ${stat.size} bytes, over the ${maxBytes}-byte limit` };
    try {
      const decoded = readZoneFile({ utf8: () => fs.readFileSync(real, 'utf8'), bytes: () => fs.readFileSync(real) });
      return { name: real, text: decoded.text, ...(decoded.encoding ? { encoding: describeEncoding(decoded.encoding) } : {}) };
    } catch (err) {
      return { error: `$INCLUDE cannot read ${resolved}: ${(err as Error).message}` };
    }
  };
}

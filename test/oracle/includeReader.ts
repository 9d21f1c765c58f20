/**
 * A file-system `readInclude` for tests: resolves a relative `$INCLUDE` against the directory of
 * the including file (our dialect; see docs/zone-format.md), or against a fixed directory to
 * emulate BIND, which resolves against its working directory. It refuses what a careless reader
 * would hang or run out of memory on: directories, devices (`/dev/zero`), FIFOs, huge files.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface IncludeReaderOptions {
  /** Largest file read, in bytes (default 32 MiB). */
  maxBytes?: number;
  /** Resolve relative paths against this directory instead of the including file's (BIND's behaviour). */
  baseDir?: string;
}

export type IncludeResult = { name: string; text: string } | { error: string };
export type IncludeReader = (target: string, fromFile: string) => IncludeResult;

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export function fileIncludeReader(options: IncludeReaderOptions = {}): IncludeReader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return (target, fromFile) => {
    const base = options.baseDir ?? (fromFile ? path.dirname(path.resolve(fromFile)) : process.cwd());
    const full = path.resolve(base, target);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      return { error: `$INCLUDE file not found: ${full}` };
    }
    if (st.isDirectory()) return { error: `$INCLUDE names a directory, not a file: ${full}` };
    if (!st.isFile()) return { error: `$INCLUDE names something that is not a regular file (a device, FIFO or socket): ${full}` };
    if (st.size > maxBytes) return { error: `$INCLUDE file is ${st.size} bytes, more than the ${maxBytes}-byte limit: ${full}` };
    try {
      return { name: full, text: fs.readFileSync(full, 'utf8') };
    } catch (err) {
      return { error: `$INCLUDE file could not be read: ${(err as Error).message}` };
    }
  };
}

/**
 * `$INCLUDE` reading for the CLI. The checks (relative to the including file, regular files only,
 * 50 MB limit, nothing outside the given directories unless --allow-include-outside) live in the
 * reader shared with the language server; this adds an overlay so that `--fix` rounds see the
 * edited text of an included file before it is written back.
 */
import { createIncludeReader, type IncludeReader } from '../node/includeReader';
import { MAX_FILE_BYTES } from './files';

export interface CliIncludeOptions {
  /** Real paths of the directories includes may come from. */
  roots: string[];
  allowOutside: boolean;
  /** Texts that replace what is on disk, by real path (edits not yet written). */
  overlay?: ReadonlyMap<string, string>;
  maxBytes?: number;
}

export function cliIncludeReader(options: CliIncludeOptions): IncludeReader {
  const read = createIncludeReader({ roots: options.roots, allowOutside: options.allowOutside, maxBytes: options.maxBytes ?? MAX_FILE_BYTES });
  const overlay = options.overlay;
  if (!overlay || overlay.size === 0) return read;
  return (includePath, fromFile) => {
    // Reading the disk first keeps every check in force; the overlay only swaps in newer text.
    const got = read(includePath, fromFile);
    if ('error' in got) return got;
    const text = overlay.get(got.name);
    return text === undefined ? got : { name: got.name, text };
  };
}

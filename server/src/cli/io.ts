/**
 * What the CLI writes to and the two ways it stops early. Output goes through injectable streams
 * so tests can run `main` in-process; failures that are the user's (bad options, missing files)
 * are thrown as `CliError` and become one clear line on stderr, never a stack trace.
 */

export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory relative paths are resolved against and displayed relative to. */
  cwd: string;
}

/** Exit codes: the contract other tools rely on. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A usage or file error: printed as `zonelint: <message>` and exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Add the "see --help" hint (for usage errors, not file errors). */
    readonly usage = false,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, true);
}

/** A Node fs error without the stack: `ENOENT: no such file or directory` is enough. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') {
    switch (e.code) {
      case 'ENOENT':
        return 'no such file or directory';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'is a directory';
      case 'ENOTDIR':
        return 'a path component is not a directory';
      default:
        return `${e.code}${e.message ? ` (${e.message.replace(/^[A-Z]+: /, '')})` : ''}`;
    }
  }
  return e && e.message ? e.message : String(err);
}

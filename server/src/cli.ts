/**
 * zonelint, the command-line front end over the language service. `main` is exported so tests
 * (and other tools) can run it in-process with their own streams; when this file is the entry
 * point it runs on the process arguments. See docs/cli.md.
 */
import { run } from './cli/run';
import { CliError, EXIT_USAGE, type CliIo } from './cli/io';

export type { CliIo, OutputStream } from './cli/io';

/** Run zonelint on `argv` (without `node` and the script); resolves to the exit code. Never rejects. */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr, cwd: io.cwd ?? process.cwd() };
  try {
    return await run(argv, full);
  } catch (err) {
    if (err instanceof CliError) {
      for (const line of err.message.split('\n')) full.stderr.write(`zonelint: ${line}\n`);
      if (err.usage) full.stderr.write('Run `zonelint --help` for usage.\n');
    } else {
      // A bug in zonelint, not the user's doing: one line, no stack trace.
      full.stderr.write(`zonelint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    return EXIT_USAGE;
  }
}

/** Entry-point glue: set the exit code and let Node flush stdout before exiting. */
export function runAsProcess(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `zonelint ... | head` closes the pipe early: the reader wanted no more, not an error.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`zonelint: cannot write the output: ${err.code ?? err.message}\n`);
    process.exit(EXIT_USAGE);
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runAsProcess();

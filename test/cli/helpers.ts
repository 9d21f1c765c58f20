/**
 * Helpers for the zonelint tests: run the real binary (`node bin/zonelint.js`) or `main`
 * in-process, and build throw-away directories of zone files.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';

/** The repository root (this file runs from out/test/cli/). */
export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'zonelint.js');
export const EXAMPLES = path.join(REPO, 'examples');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn `node bin/zonelint.js ARGS` in `cwd`. */
export function zonelint(args: readonly string[], cwd = REPO): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run `main` in this process with captured streams. */
export async function zonelintInProcess(args: readonly string[], cwd: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (relative path -> text). Removed by `cleanup`. */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-test-')));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, when given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, from < 0 ? 0 : from);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

export function parseJsonOutput(stdout: string): JsonFinding[] {
  const v = JSON.parse(stdout);
  if (!Array.isArray(v)) throw new Error('JSON output is not an array');
  return v as JsonFinding[];
}

/** A zone that should be free of errors: SOA, two NS with addresses, mail set up. */
export const CLEAN_ZONE = `$ORIGIN example.com.
$TTL 3600
@       IN SOA ns1.example.com. hostmaster.example.com. ( 2024010101 7200 3600 1209600 3600 )
        IN NS  ns1.example.com.
        IN NS  ns2.example.com.
        IN MX  10 mail.example.com.
        IN TXT "v=spf1 mx -all"
        IN A   192.0.2.1
ns1     IN A   192.0.2.2
ns2     IN A   192.0.2.3
mail    IN A   192.0.2.25
www     IN A   192.0.2.1
_dmarc  IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
`;

/** CLEAN_ZONE plus one line with an unknown record type (an `unknown-type` error at `FOO`). */
export const BAD_TYPE_LINE = 'oops    IN FOO 192.0.2.9\n';
export const ZONE_WITH_ERROR = CLEAN_ZONE + BAD_TYPE_LINE;

/**
 * Running BIND's zone tools as an oracle: `named-checkzone` for the accept/reject verdict and the
 * lines BIND complains about, `named-compilezone -F raw` for the records BIND actually loads (see
 * rawFormat.ts for why raw rather than text). Debian ships both in bind9-utils (CI installs it).
 *
 * Both tools are run with the working directory set to the zone's folder (or the folder the caller
 * names) because BIND resolves a relative `$INCLUDE` against its working directory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRawDump, type BindRecord } from './rawFormat';
import { classifyBindMessages, type BindFailure } from './verdicts';

export interface BindTools {
  checkzone: string;
  compilezone: string;
  version: string;
}

const SEARCH_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

let cached: BindTools | null | undefined;

/** Where named-checkzone and named-compilezone are, or null when BIND's tools are not installed. */
export function findBindTools(): BindTools | null {
  if (cached !== undefined) return cached;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SEARCH_DIRS];
  const find = (exe: string): string | null => {
    for (const d of dirs) {
      const p = path.join(d, exe);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
    return null;
  };
  const checkzone = find('named-checkzone');
  const compilezone = find('named-compilezone');
  if (!checkzone || !compilezone) return (cached = null);
  const v = spawnSync(checkzone, ['-v'], { encoding: 'utf8' });
  cached = { checkzone, compilezone, version: (v.stdout || v.stderr || '').trim() };
  return cached;
}

export interface BindMessage {
  /** The file BIND named (as it printed it), or '' for zone-level messages. */
  file: string;
  /** 1-based line, or 0 for zone-level messages. */
  line: number;
  text: string;
}

export interface CheckResult {
  exitCode: number;
  accepted: boolean;
  messages: BindMessage[];
  /** Why BIND refused the zone, classified (empty when accepted). */
  failures: BindFailure[];
  output: string;
}

export interface ZoneJob {
  /** Origin as BIND takes it (with or without the trailing dot). */
  origin: string;
  /** Path of the zone file. */
  file: string;
  /** Working directory for BIND (relative $INCLUDEs resolve here); defaults to the file's folder. */
  cwd?: string;
  /** Zone class (`-c`), default IN. */
  zoneClass?: string;
}

function classArgs(job: ZoneJob): string[] {
  return job.zoneClass && job.zoneClass !== 'IN' ? ['-c', job.zoneClass] : [];
}

function run(exe: string, args: string[], cwd: string): { status: number; out: string } {
  const r = spawnSync(exe, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

function fileArg(job: ZoneJob): { cwd: string; file: string } {
  const cwd = job.cwd ?? path.dirname(path.resolve(job.file));
  return { cwd, file: path.relative(cwd, path.resolve(job.file)) || path.basename(job.file) };
}

/** `named-checkzone -i local -k ignore ORIGIN FILE`: the verdict and every message. */
export function checkZone(tools: BindTools, job: ZoneJob): CheckResult {
  const { cwd, file } = fileArg(job);
  const r = run(tools.checkzone, ['-i', 'local', '-k', 'ignore', ...classArgs(job), job.origin, file], cwd);
  const messages = parseMessages(r.out);
  const accepted = r.status === 0;
  return { exitCode: r.status, accepted, messages, failures: accepted ? [] : classifyBindMessages(messages), output: r.out };
}

export interface CompileResult {
  exitCode: number;
  /** The records BIND loaded, or null when it refused the zone. */
  records: BindRecord[] | null;
  output: string;
}

/** `named-compilezone -i none -k ignore -F raw`: the records as BIND loads them, in wire format. */
export function compileZone(tools: BindTools, job: ZoneJob): CompileResult {
  const { cwd, file } = fileArg(job);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-raw-'));
  const out = path.join(dir, 'zone.raw');
  try {
    const r = run(tools.compilezone, ['-i', 'none', '-k', 'ignore', ...classArgs(job), '-F', 'raw', '-o', out, job.origin, file], cwd);
    if (r.status !== 0 || !fs.existsSync(out)) return { exitCode: r.status, records: null, output: r.out };
    return { exitCode: r.status, records: parseRawDump(new Uint8Array(fs.readFileSync(out))), output: r.out };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface TextRecord {
  owner: string;
  ttl: number;
  class: string;
  type: string;
  rdata: string;
}

/**
 * `named-compilezone -s full -o -`: one record per line, all names absolute. Used for readable
 * messages when a comparison fails (the comparison itself uses the raw dump).
 */
export function compileZoneText(tools: BindTools, job: ZoneJob): TextRecord[] | null {
  const { cwd, file } = fileArg(job);
  const r = spawnSync(tools.compilezone, ['-i', 'none', '-k', 'ignore', ...classArgs(job), '-s', 'full', '-o', '-', job.origin, file], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) return null;
  return parseFullText(r.stdout);
}

/** Parse `-s full` text output into (owner, ttl, class, type, rdata) tuples; whitespace in rdata collapsed. */
export function parseFullText(text: string): TextRecord[] {
  const out: TextRecord[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    out.push({ owner: m[1].toLowerCase(), ttl: Number(m[2]), class: m[3], type: m[4], rdata: m[5].trim().replace(/\s+/g, ' ') });
  }
  return out;
}

/**
 * BIND's messages: `file:line: text`, `dns_xxx: file:line: text` or `zone NAME/CLASS: text`.
 * The final "loading ... failed" and "not loaded" lines are kept too (zone-level, line 0).
 */
export function parseMessages(output: string): BindMessage[] {
  const out: BindMessage[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    if (!line || line === 'OK') continue;
    const m = /^(?:[a-z_]+: )?(.+?):(\d+): (.*)$/.exec(line);
    if (m && !line.startsWith('zone ')) out.push({ file: m[1], line: Number(m[2]), text: m[3] });
    else out.push({ file: '', line: 0, text: line.replace(/^zone [^:]*: /, '') });
  }
  return out;
}

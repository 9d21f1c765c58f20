/**
 * A real authoritative DNS server for the live tests: BIND `named`, run as the current user in
 * the foreground (`-g`) with a generated named.conf in a temp directory (pid file, keys and
 * working files there too), listening on 127.0.0.1 at a free high port, recursion off.
 * Readiness and shutdown are awaited on named's own output and exit, not on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './ports';

export interface NamedServer {
  port: number;
  /** `127.0.0.1:PORT`, the form --resolver and dnsZone.live.resolver take. */
  resolver: string;
  stop(): Promise<void>;
}

/** Where `named` is, or undefined (it lives in sbin, which a non-root PATH may lack). */
export function findNamed(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const d of dirs) {
    const p = path.join(d, 'named');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Skip reason for suites that need named: none when it is there; when it is missing, fail under CI and skip elsewhere. */
export function namedSkipReason(): string | false {
  if (findNamed()) return false;
  if (process.env.CI) throw new Error('named (Debian package bind9) is required for test/live under CI but is not installed');
  return 'named is not installed (apt-get install bind9)';
}

/** Start named serving `zones` (origin -> master file text). */
export async function startNamed(zones: Record<string, string>): Promise<NamedServer> {
  const binary = findNamed();
  if (!binary) throw new Error('named not found');
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-named-')));
  const port = await freePort('127.0.0.1', ['udp', 'tcp']);
  const zoneStanzas = Object.entries(zones).map(([origin, text], i) => {
    const file = `zone${i}.db`;
    fs.writeFileSync(path.join(dir, file), text);
    return `zone "${origin}" { type primary; file "${file}"; };`;
  });
  const conf = `options {
  directory "${dir}";
  pid-file "${dir}/named.pid";
  session-keyfile "${dir}/session.key";
  managed-keys-directory "${dir}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  allow-query { any; };
  dnssec-validation no;
  notify no;
};
controls { };
${zoneStanzas.join('\n')}
`;
  fs.writeFileSync(path.join(dir, 'named.conf'), conf);
  const child = spawn(binary, ['-g', '-n', '1', '-c', path.join(dir, 'named.conf')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process ends without stopping it (a crash, a runner that gives up), named must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  try {
    await waitForRunning(child, exited);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    resolver: `127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when named logs "running" (all zones loaded); rejects with its log if it exits or a zone fails to load. */
function waitForRunning(child: ChildProcess, exited: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`named did not start within 20 s:\n${log}`)), 20000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      log += d;
      if (/loading from master file .* failed|zone .*: not loaded due to errors/.test(log)) {
        clearTimeout(timer);
        reject(new Error(`named could not load a zone:\n${log}`));
      } else if (/\brunning\b/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`named exited:\n${log}`));
    });
  });
}

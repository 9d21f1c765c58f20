/**
 * Benchmark zones on disk, outside the repository (os.tmpdir()/dns-zone-bench/). A file is
 * reused when its recorded key (generator code, seed, size) matches and its bytes still hash to
 * the recorded SHA-256; otherwise it is generated again and checked once with named-checkzone.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_SEED, generateZone } from './zoneGenerator';

export const CACHE_DIR = path.join(os.tmpdir(), 'dns-zone-bench');

export interface BenchZone {
  path: string;
  origin: string;
  records: number;
  bytes: number;
  sha256: string;
  byType: Record<string, number>;
  /** Whether this run generated the file (rather than reusing it). */
  generated: boolean;
}

interface ZoneMeta {
  key: string;
  sha256: string;
  origin: string;
  records: number;
  bytes: number;
  byType: Record<string, number>;
  namedCheckzone: string;
}

function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Changes whenever the generator's code, the seed or the size changes. */
function cacheKey(records: number, seed: number): string {
  const code = ['zoneGenerator.js', 'prng.js'].map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\0');
  return sha256(`${code}\0${seed}\0${records}`);
}

function readMeta(file: string): ZoneMeta | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ZoneMeta;
  } catch {
    return undefined;
  }
}

/** named-checkzone's verdict on a file: 'ok' or its output. */
export function namedCheckzone(origin: string, file: string): { ok: boolean; output: string } {
  const r = spawnSync('named-checkzone', ['-i', 'local', origin, file], { encoding: 'utf8', timeout: 300_000 });
  if (r.error) return { ok: false, output: String(r.error.message) };
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * The zone of `records` records, from the cache or freshly written. Throws when named-checkzone
 * is available and rejects a newly generated zone (the generator is then broken).
 */
export function benchZone(records: number, seed = DEFAULT_SEED, dir = CACHE_DIR): BenchZone {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${records}-${seed}.zone`);
  const metaFile = `${file}.json`;
  const key = cacheKey(records, seed);
  const meta = readMeta(metaFile);
  if (meta && meta.key === key && fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    if (sha256(bytes) === meta.sha256) {
      return { path: file, origin: meta.origin, records: meta.records, bytes: meta.bytes, sha256: meta.sha256, byType: meta.byType, generated: false };
    }
  }
  const zone = generateZone(records, seed);
  const data = Buffer.from(zone.text, 'utf8');
  fs.writeFileSync(file, data);
  const check = namedCheckzone(zone.origin, file);
  if (!check.ok) throw new Error(`generated zone ${file} does not load in named-checkzone:\n${check.output.slice(0, 2000)}`);
  const fresh: ZoneMeta = { key, sha256: sha256(data), origin: zone.origin, records: zone.records, bytes: data.length, byType: zone.byType, namedCheckzone: check.output };
  fs.writeFileSync(metaFile, JSON.stringify(fresh, null, 2));
  return { path: file, origin: fresh.origin, records: fresh.records, bytes: fresh.bytes, sha256: fresh.sha256, byType: fresh.byType, generated: true };
}

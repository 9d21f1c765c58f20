/**
 * The package zonelint belongs to: its version for --version and SARIF, and where the rule
 * documentation lives for SARIF helpUri. Found by walking up from this file, which works for the
 * tsc output (out/server/src/cli/) and for the esbuild bundle (dist/) alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
  /** Directory holding package.json (and docs/). */
  root: string | null;
  /** https URL of the repository when package.json names one on GitHub-like hosting. */
  repositoryUrl: string | null;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  cached = { name: 'zonelint', version: '0.0.0', root: null, repositoryUrl: null };
  for (let dir = __dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    let pkg: { name?: string; version?: string; bin?: Record<string, string>; repository?: string | { url?: string } };
    try {
      pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      if (path.dirname(dir) === dir) break;
      continue;
    }
    if (!pkg.bin || typeof pkg.bin !== 'object' || !('zonelint' in pkg.bin)) continue;
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    cached = { name: pkg.name ?? 'zonelint', version: pkg.version ?? '0.0.0', root: dir, repositoryUrl: repo ? httpsRepository(repo) : null };
    break;
  }
  return cached;
}

/** `git+https://github.com/o/r.git` or `github:o/r` -> `https://github.com/o/r`. */
function httpsRepository(url: string): string | null {
  const short = /^github:([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) return `https://github.com/${short[1].replace(/\.git$/, '')}`;
  const m = /^(?:git\+)?https?:\/\/([^/]+\/[^/]+\/[^/#]+?)(?:\.git)?(?:#.*)?$/.exec(url);
  return m ? `https://${m[1]}` : null;
}

/** Where the page of one rule is: on the repository when known, else the installed docs folder. */
export function ruleHelpUri(id: string, info = packageInfo()): string {
  if (info.repositoryUrl) return `${info.repositoryUrl}/blob/HEAD/docs/rules/${id}.md`;
  const root = info.root ?? process.cwd();
  return pathToFileURL(path.join(root, 'docs', 'rules', `${id}.md`)).href;
}

export function cliDocsUri(info = packageInfo()): string {
  if (info.repositoryUrl) return `${info.repositoryUrl}/blob/HEAD/docs/cli.md`;
  return pathToFileURL(path.join(info.root ?? process.cwd(), 'docs', 'cli.md')).href;
}

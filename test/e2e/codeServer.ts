/**
 * code-server for the end-to-end tests: finds the installation scripts/e2e/setup.sh made,
 * installs the packaged extension into a private extensions folder, and serves one workspace
 * folder on 127.0.0.1 (a port the system picks) with authentication off. Everything it writes
 * lives in one temporary folder, so no run sees the previous run's state.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface E2EPaths {
  node24: string;
  codeServerEntry: string;
  codeServerVersion: string;
  playwrightCore: string;
  chromium: string;
}

export function e2eHome(): string {
  return process.env.E2E_HOME ?? path.join(os.homedir(), '.cache', 'dns-zone-e2e');
}

/** What setup.sh recorded, or why the installation cannot be used. */
export function readE2EPaths(): E2EPaths | string {
  const file = path.join(e2eHome(), 'paths.json');
  if (!fs.existsSync(file)) return `${file} does not exist: run scripts/e2e/setup.sh first`;
  const paths = JSON.parse(fs.readFileSync(file, 'utf8')) as E2EPaths;
  for (const key of ['node24', 'codeServerEntry', 'playwrightCore', 'chromium'] as const) {
    if (!fs.existsSync(paths[key])) return `${paths[key]} (${key} in ${file}) does not exist: run scripts/e2e/setup.sh again`;
  }
  return paths;
}

/**
 * The .vsix to test: $E2E_VSIX, else dist/dns-zone-mail.vsix when it is newer than the bundles
 * it contains, else a fresh package made with the same command as `npm run package`.
 */
export function extensionPackage(repoRoot: string, scratchDir: string): string {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const built = path.join(repoRoot, 'dist', 'dns-zone-mail.vsix');
  const inputs = ['dist/client.js', 'dist/server.js', 'package.json'].map((f) => path.join(repoRoot, f));
  for (const f of inputs) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const newestInput = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestInput) return built;
  const out = path.join(scratchDir, 'dns-zone-mail.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** User settings for a quiet workbench: no welcome page, chat, telemetry, updates or git. */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.tree.enableStickyScroll': false,
  'outline.collapseItems': 'alwaysCollapse',
  'editor.renderWhitespace': 'none',
  'editor.detectIndentation': false,
  'editor.insertSpaces': true,
  'editor.tabSize': 8,
  'files.autoSave': 'off',
};

export interface CodeServer {
  url: string;
  /** Everything code-server printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  paths: E2EPaths;
  vsix: string;
  workspace: string;
  /** A fresh folder for extensions, user data and config. */
  stateDir: string;
  timeoutMs: number;
  /** More arguments for code-server, e.g. `--vscode-option enable-smoke-test-driver`. */
  extraArgs?: string[];
}

function environment(paths: E2EPaths, stateDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // code-server and the extension host it starts must run on Node 24.
    PATH: `${path.dirname(paths.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    // Keep code-server's default config and data out of the user's home.
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
  };
}

function commonArgs(stateDir: string): string[] {
  return ['--config', path.join(stateDir, 'config.yaml'), '--extensions-dir', path.join(stateDir, 'extensions'), '--user-data-dir', path.join(stateDir, 'user-data')];
}

export function installExtension(options: CodeServerOptions): string {
  const { paths, vsix, stateDir } = options;
  fs.mkdirSync(path.join(stateDir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(stateDir, 'user-data', 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const r = spawnSync(paths.node24, [paths.codeServerEntry, ...commonArgs(stateDir), '--install-extension', vsix], {
    env: environment(paths, stateDir),
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(output)) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${output}`);
  return output;
}

export function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { paths, workspace, stateDir } = options;
  const args = [
    paths.codeServerEntry,
    ...commonArgs(stateDir),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.extraArgs ?? []),
    workspace,
  ];
  // Its own process group, so stopping it also stops the extension host and our language server.
  const child: ChildProcess = spawn(paths.node24, args, { env: environment(paths, stateDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`code-server did not start listening within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    const onData = (d: Buffer): void => {
      output += d.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], log: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening:\n${output}`));
    });
  });
}

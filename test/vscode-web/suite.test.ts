/**
 * The mocha in-editor suite (test/vscode/suite, the one `npm run test:vscode` runs in a
 * downloaded VS Code) inside code-server's web workbench instead: the extension is loaded from
 * the repository (extensionDevelopmentPath, main dist/client.js), and the workbench's remote
 * extension host (Node 24) runs out/test/vscode/suite/index.js against a temporary copy of
 * examples/. Needs scripts/e2e/setup.sh and a build; skipped locally without them, fails on CI.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/lspClient';
import { readE2EPaths } from '../e2e/codeServer';
import { runExtensionTests, type ExtensionTestRunResult } from './extensionTestRun';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'vscode-web');
const SUITE_DIR = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite');
const SPEC_SOURCE = path.join(REPO_ROOT, 'test', 'vscode', 'suite', 'extension.spec.ts');

/** Why the run cannot happen here, or undefined when it can. */
function missing(): string | undefined {
  const setup = readE2EPaths();
  if (typeof setup === 'string') return setup;
  for (const f of [path.join(REPO_ROOT, 'dist', 'client.js'), path.join(REPO_ROOT, 'dist', 'server.js'), path.join(SUITE_DIR, 'index.js')]) {
    if (!fs.existsSync(f)) return `${f} is missing: run npm run build first`;
  }
  return undefined;
}

/** The names of the `test('…')` calls in the spec source: what mocha must report as passing. */
function specTestNames(): string[] {
  const src = fs.readFileSync(SPEC_SOURCE, 'utf8');
  return [...src.matchAll(/^\s*test\('((?:[^'\\]|\\.)*)'/gm)].map((m) => m[1]);
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

const why = missing();
const skip = why !== undefined && process.env.CI !== 'true' ? why : false;

describe('the mocha extension suite in code-server', { skip, timeout: 600_000 }, () => {
  let stateDir: string;
  let result: ExtensionTestRunResult;
  /** The page console: mocha's spec reporter output, formatted. */
  let output: string;
  /** Everything, for failure messages and the artifacts. */
  let everything: string;

  before(async () => {
    if (why !== undefined) assert.fail(`${why} (CI=true requires the editor tests to run)`);
    const paths = readE2EPaths();
    if (typeof paths === 'string') assert.fail(paths);
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-vscode-web-'));
    const workspace = path.join(stateDir, 'workspace');
    fs.mkdirSync(workspace);
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'examples'))) fs.copyFileSync(path.join(REPO_ROOT, 'examples', f), path.join(workspace, f));
    result = await runExtensionTests({ paths, repoRoot: REPO_ROOT, workspace, testsModule: path.join(SUITE_DIR, 'index.js'), stateDir, timeoutMs: 300_000 });
    output = stripAnsi(result.console.join('\n'));
    everything = `${output}\n${stripAnsi(result.logs)}`;
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'output.log'), everything);
    fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), result.codeServerLog);
  });

  after(() => {
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
  });

  test('the suite ends with exit code 0', () => {
    assert.equal(result.exitCode, 0, `mocha output and logs (also in ${ARTIFACTS}):\n${everything}`);
  });

  test('mocha reports every test of extension.spec.ts as passing and none failing', () => {
    const names = specTestNames();
    assert.equal(names.length, 5, `extension.spec.ts has ${names.length} tests: ${names.join(' | ')}`);
    // The spec reporter prints "✔ <title>" (or "✓") for a pass and "N) <title>" for a failure.
    for (const name of names) {
      const passed = output.split('\n').some((l) => /[✔✓]/.test(l) && l.includes(name));
      assert.ok(passed, `"${name}" is not reported as passing in:\n${everything}`);
    }
    assert.match(output, /^\s*5 passing\b/m, everything);
    assert.doesNotMatch(output, /\b\d+ failing\b/);
  });
});

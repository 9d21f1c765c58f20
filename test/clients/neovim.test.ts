/**
 * The language server in a real Neovim: headless `nvim --clean` runs test/clients/lsp-check.lua,
 * which starts the built server with Neovim's own LSP client on a copy of
 * examples/mail-mistakes.zone, collects diagnostics, a hover, code actions (and applies one),
 * document symbols and formatting (applied too), and writes what it got as JSON. The
 * assertions are here.
 *
 * Without nvim the tests are skipped locally, but fail on CI (CI=true), where Debian's neovim
 * is installed on purpose.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, serverEntry } from '../helpers/lspClient';
import { parseDocument } from '../../server/src/language/languageService';
import { applyTextEdits, formatDocument } from '../../server/src/language/features/format/format';

const LUA_SCRIPT = path.join(REPO_ROOT, 'test', 'clients', 'lsp-check.lua');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'mail-mistakes.zone');
const NVIM = process.env.NVIM_BIN ?? 'nvim';
const RUN_TIMEOUT_MS = 90_000;

interface NvimDiagnostic { code?: string; line: number; col: number; message: string }
interface CheckResult {
  ok: boolean;
  error?: string;
  steps: string[];
  nvim: { major: number; minor: number; patch: number };
  capabilities?: Record<'hover' | 'codeAction' | 'documentSymbol' | 'formatting', boolean>;
  diagnostics?: NvimDiagnostic[];
  hover?: { contents: unknown } | null;
  hover_error?: string;
  code_actions?: { title: string; kind?: string; isPreferred?: boolean }[];
  code_action_error?: string;
  fix_line_before?: string;
  fix_line_after?: string;
  fix_cleared?: boolean;
  diagnostics_after_fix?: NvimDiagnostic[];
  symbols?: string[];
  symbols_error?: string;
  format_edit_count?: number;
  text_before_format?: string;
  text_after_format?: string;
  format_error?: string;
  server_stopped?: boolean;
}

function nvimVersion(): string | undefined {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

function runNvim(zoneFile: string, outJson: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, ['--headless', '--clean', '-c', `luafile ${LUA_SCRIPT}`], {
      cwd: path.dirname(zoneFile),
      env: { ...process.env, ZONE_FILE: zoneFile, SERVER_JS: serverEntry(), NODE_BIN: process.execPath, OUT_JSON: outJson },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nvim did not finish within ${RUN_TIMEOUT_MS} ms; output:\n${output}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** 0-based line of the first line containing `lineNeedle`, and the column of `token` in it. */
function positionOf(text: string, lineNeedle: string, token = lineNeedle): { line: number; col: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineNeedle));
  assert.ok(line >= 0, `example zone has no ${JSON.stringify(lineNeedle)}`);
  return { line, col: lines[line].indexOf(token) };
}

function hoverText(contents: unknown): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n');
  if (contents && typeof contents === 'object' && 'value' in contents) return String((contents as { value: unknown }).value);
  return '';
}

const version = nvimVersion();
const mustRun = process.env.CI === 'true';
const skip = version === undefined && !mustRun ? `${NVIM} is not installed (install Debian's neovim; on CI this fails)` : false;

describe('Neovim (built-in LSP client) against the built server', { skip }, () => {
  let dir: string;
  let result: CheckResult;
  const exampleText = fs.readFileSync(EXAMPLE, 'utf8');

  before(async () => {
    assert.ok(version, `${NVIM} is not installed, and CI=true requires the editor tests to run`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-nvim-'));
    const zoneFile = path.join(dir, 'mail-mistakes.zone');
    fs.copyFileSync(EXAMPLE, zoneFile);
    const outJson = path.join(dir, 'result.json');
    const run = await runNvim(zoneFile, outJson);
    assert.ok(fs.existsSync(outJson), `nvim (exit ${run.code}) wrote no result; output:\n${run.output}`);
    result = JSON.parse(fs.readFileSync(outJson, 'utf8')) as CheckResult;
    assert.equal(result.ok, true, `lsp-check.lua failed after steps [${result.steps.join(', ')}]: ${result.error}\n${run.output}`);
    assert.equal(run.code, 0, `nvim exited with ${run.code}:\n${run.output}`);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('publishes the example findings with their rule ids at the right places', () => {
    const codes = new Set(result.diagnostics!.map((d) => d.code));
    for (const id of ['name-missing-trailing-dot', 'mx-target-no-address', 'cname-and-other-data', 'spf-rr-type', 'dmarc-policy-none']) {
      assert.ok(codes.has(id), `missing ${id}; got ${[...codes].join(', ')}`);
    }
    const dot = result.diagnostics!.find((d) => d.code === 'name-missing-trailing-dot')!;
    assert.deepEqual({ line: dot.line, col: dot.col }, positionOf(exampleText, 'MX   10 mail.example.com', 'mail.example.com'));
    const spfType = result.diagnostics!.find((d) => d.code === 'spf-rr-type')!;
    assert.deepEqual({ line: spfType.line, col: spfType.col }, positionOf(exampleText, 'SPF  "v=spf1 -all"', 'SPF'));
  });

  test('offers quick fixes for a diagnostic, and applying one clears the finding', () => {
    assert.equal(result.code_action_error, undefined);
    const titles = result.code_actions!.map((a) => a.title);
    assert.ok(titles.some((t) => /trailing dot/i.test(t)), `no trailing-dot fix among: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Disable name-missing-trailing-dot for this line'), titles.join(' | '));
    const before = exampleText.split('\n')[positionOf(exampleText, 'MX   10 mail.example.com', 'mail.example.com').line];
    assert.equal(result.fix_line_before, before);
    assert.equal(result.fix_line_after, before.replace('mail.example.com', 'mail.example.com.'));
    assert.equal(result.fix_cleared, true, 'name-missing-trailing-dot still reported after the fix');
    // The fix changes only that finding: the other findings are still there.
    assert.ok(result.diagnostics_after_fix!.some((d) => d.code === 'spf-rr-type'));
  });

  test('hover over an SPF mechanism shows its documentation', () => {
    assert.equal(result.hover_error, undefined);
    const text = hoverText(result.hover?.contents);
    assert.match(text, /ptr\[:<domain>\]/);
    assert.match(text, /RFC 7208/);
  });

  test('document symbols list the owner names', () => {
    assert.equal(result.symbols_error, undefined);
    for (const name of ['@', 'ns1', 'mail', 'www', '_dmarc', 'old._domainkey']) {
      assert.ok(result.symbols!.includes(name), `outline lacks ${name}: ${result.symbols!.join(', ')}`);
    }
  });

  test('formatting edits, applied by Neovim, give exactly the formatter\'s layout', () => {
    assert.equal(result.format_error, undefined);
    const before = result.text_before_format!;
    const expected = applyTextEdits(before, formatDocument(parseDocument({ text: before, fileName: 'mail-mistakes.zone' }), { useTabs: false, tabSize: 8 }));
    assert.notEqual(expected, before, 'the example must need formatting for this test to show anything');
    assert.ok(result.format_edit_count! > 0);
    assert.equal(result.text_after_format, expected);
  });

  test('the server shuts down when Neovim stops the client', () => {
    assert.equal(result.server_stopped, true);
  });
});

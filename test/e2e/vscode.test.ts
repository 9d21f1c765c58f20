/**
 * The packaged extension in a real VS Code: code-server (VS Code 1.139 in the browser) with the
 * .vsix installed, driven through headless Chromium the way a user works: Quick Open, the
 * Problems panel, hover, Ctrl+. quick fixes, typing and undo, Format Document, the Outline.
 *
 * Needs scripts/e2e/setup.sh (code-server, Node 24, playwright-core; Debian's chromium) and a
 * build (`npm run build`). Skipped locally when the setup is missing; fails on CI (CI=true).
 * Screenshots of every scenario go to test-artifacts/e2e/.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/lspClient';
import { extensionPackage, installExtension, readE2EPaths, startCodeServer, type CodeServer, type E2EPaths } from './codeServer';
import { CHROMIUM_ARGS, loadPlaywright, type BrowserContext } from './playwright';
import { Workbench } from './workbench';
import { parseDocument } from '../../server/src/language/languageService';
import { applyTextEdits, formatDocument } from '../../server/src/language/features/format/format';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const WAIT_MS = Number(process.env.E2E_WAIT_MS ?? 30_000);
const EXPECTED_RULES = ['name-missing-trailing-dot', 'mx-target-no-address', 'cname-and-other-data', 'spf-rr-type', 'dmarc-policy-none'];

/** A zone whose columns are ragged on purpose, for Format Document. */
const UNFORMATTED = [
  '$ORIGIN example.net.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster ( 2026112701 4h 1h 2w 1h )',
  '@   IN NS    ns1',
  '  IN  NS ns2',
  '@ IN   MX 10   mail',
  'ns1    IN A 192.0.2.1',
  'ns2 IN A    192.0.2.2',
  'mail  300 IN   A   192.0.2.25',
  'www IN CNAME   @',
  '',
].join('\n');

/** 1-based line and column of `token` on the first line that contains `lineNeedle`. */
function locate(text: string, lineNeedle: string, token: string): { line: number; column: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(lineNeedle));
  assert.ok(i >= 0 && lines[i].includes(token), `no ${JSON.stringify(lineNeedle)} / ${JSON.stringify(token)} in the example`);
  return { line: i + 1, column: lines[i].indexOf(token) + 1 };
}

const setup = readE2EPaths();
const skip = typeof setup === 'string' && process.env.CI !== 'true' ? setup : false;

describe('VS Code (code-server) with the packaged extension', { skip, timeout: 900_000 }, () => {
  const timings: Record<string, number> = {};
  let stateDir: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let wb: Workbench;
  const mistakes = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mail-mistakes.zone'), 'utf8');
  const clean = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'example.org.zone'), 'utf8');

  const timed = async <T>(name: string, body: () => Promise<T> | T): Promise<T> => {
    const t0 = Date.now();
    try {
      return await body();
    } finally {
      timings[name] = Date.now() - t0;
    }
  };

  before(async () => {
    if (typeof setup === 'string') assert.fail(`${setup} (CI=true requires the editor tests to run)`);
    const paths: E2EPaths = setup;
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-e2e-'));
    workspace = path.join(stateDir, 'workspace');
    fs.mkdirSync(workspace);
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'examples'))) fs.copyFileSync(path.join(REPO_ROOT, 'examples', f), path.join(workspace, f));
    fs.writeFileSync(path.join(workspace, 'unformatted.zone'), UNFORMATTED);

    const options = { paths, workspace, stateDir, timeoutMs: 120_000, vsix: '' };
    options.vsix = await timed('package', () => extensionPackage(REPO_ROOT, stateDir));
    await timed('install extension', () => installExtension(options));
    server = await timed('start code-server', () => startCodeServer(options));
    const { chromium } = await loadPlaywright(REPO_ROOT, paths.playwrightCore);
    browser = await timed('launch chromium', () =>
      chromium.launchPersistentContext(path.join(stateDir, 'chromium-profile'), {
        executablePath: paths.chromium,
        args: [...CHROMIUM_ARGS],
        viewport: { width: 1280, height: 800 },
        timeout: 60_000,
      }),
    );
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(WAIT_MS);
    wb = new Workbench(page, ARTIFACTS, WAIT_MS);
    await timed('load workbench', () => wb.load(server!.url, workspace));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    const log = server?.log() ?? '';
    await server?.stop();
    if (stateDir) {
      fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), log);
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
    const lines = Object.entries(timings).map(([k, v]) => `  ${k}: ${(v / 1000).toFixed(1)} s`);
    process.stdout.write(`e2e timings:\n${lines.join('\n')}\n`);
  });

  test('1. opening mail-mistakes.zone lists the findings in the Problems panel with their rule ids', { timeout: 180_000 }, async () => {
    await timed('scenario 1', async () => {
      await wb.openFile('mail-mistakes.zone');
      await wb.waitFor('the DNS Zone language mode', async () => ((await wb.languageMode()) === 'DNS Zone' ? true : undefined));
      const rows = await wb.waitFor(`${EXPECTED_RULES.join(', ')} in the Problems panel`, async () => {
        const found = (await wb.problems()).filter((p) => p.file === 'mail-mistakes.zone');
        return EXPECTED_RULES.every((id) => found.some((p) => p.code === id)) ? found : undefined;
      });
      const dot = rows.find((p) => p.code === 'name-missing-trailing-dot')!;
      assert.deepEqual({ line: dot.line, column: dot.column }, locate(mistakes, 'MX   10 mail.example.com', 'mail.example.com'));
      assert.match(dot.message, /trailing dot/);
      await wb.screenshot('1-problems');
    });
  });

  test('2. hovering an SPF mechanism shows its documentation', { timeout: 120_000 }, async () => {
    await timed('scenario 2', async () => {
      await wb.openFile('mail-mistakes.zone');
      const ptr = locate(mistakes, '"v=spf1 mx', ' ptr ');
      await wb.goTo(ptr.line, ptr.column + 2);
      // editor.action.showHover: the keyboard way to hover, at the cursor.
      await wb.page.keyboard.press('Control+K');
      await wb.page.keyboard.press('Control+I');
      const text = await wb.waitFor('SPF ptr documentation in the hover', async () => {
        const t = await wb.hoverText();
        return t.includes('ptr[:<domain>]') ? t : undefined;
      });
      assert.match(text, /RFC 7208/);
      await wb.screenshot('2-hover');
      await wb.page.keyboard.press('Escape');
    });
  });

  test('3. Ctrl+. offers the trailing-dot fix; applying it changes the text and clears the finding', { timeout: 120_000 }, async () => {
    await timed('scenario 3', async () => {
      await wb.openFile('mail-mistakes.zone');
      const at = locate(mistakes, 'MX   10 mail.example.com', 'mail.example.com');
      await wb.goTo(at.line, at.column + 3);
      const fixes = await wb.openQuickFixes();
      const title = fixes.find((t) => /trailing dot/i.test(t));
      assert.ok(title, `no trailing-dot fix among: ${fixes.join(' | ')}`);
      assert.ok(fixes.includes('Disable name-missing-trailing-dot for this line'), fixes.join(' | '));
      await wb.screenshot('3-quick-fix-menu');
      await wb.chooseQuickFix(title);
      const fixedLine = mistakes.split('\n')[at.line - 1].replace('mail.example.com', 'mail.example.com.');
      await wb.waitFor('the fixed MX line in the editor', async () => ((await wb.editorLines()).includes(fixedLine) ? true : undefined));
      const after = await wb.waitFor('name-missing-trailing-dot to leave the Problems panel', async () => {
        const codes = await wb.problemCodes('mail-mistakes.zone');
        return codes.length > 0 && !codes.includes('name-missing-trailing-dot') ? codes : undefined;
      });
      assert.ok(after.includes('spf-rr-type'), `other findings must stay: ${after.join(', ')}`);
      await wb.screenshot('3-quick-fix-applied');
      // Saved, the file differs from the example by exactly the inserted dot.
      await wb.page.keyboard.press('Control+S');
      const file = path.join(workspace, 'mail-mistakes.zone');
      const saved = await wb.waitFor('the fixed file on disk', async () => {
        const t = fs.readFileSync(file, 'utf8');
        return t !== mistakes ? t : undefined;
      });
      const lines = mistakes.split('\n');
      lines[at.line - 1] = fixedLine;
      assert.equal(saved, lines.join('\n'));
    });
  });

  test('4. typing a syntax error reports it; undo takes it away again', { timeout: 120_000 }, async () => {
    await timed('scenario 4', async () => {
      await wb.openFile('example.org.zone');
      await wb.waitFor('the DNS Zone language mode', async () => ((await wb.languageMode()) === 'DNS Zone' ? true : undefined));
      const before = await wb.waitFor('the findings of example.org.zone', async () => {
        const codes = await wb.problemCodes('example.org.zone');
        return codes.length > 0 ? codes : undefined;
      });
      assert.ok(!before.includes('syntax-error'), `the clean example already has a syntax error: ${before.join(', ')}`);
      const www = locate(clean, 'www         IN CNAME', 'example.org.');
      await wb.goTo(www.line, www.column + 'example.org.'.length);
      // A new line with an owner and class but no type: "record has no type".
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('broken IN');
      await wb.waitFor('syntax-error in the Problems panel', async () => ((await wb.problemCodes('example.org.zone')).includes('syntax-error') ? true : undefined));
      await wb.page.keyboard.press('Escape'); // the completion list, for the screenshot
      await wb.screenshot('4-syntax-error');
      await wb.waitFor('undo back to the saved text', async () => {
        if (!(await wb.activeTabIsDirty())) return true;
        await wb.page.keyboard.press('Control+Z');
        return undefined;
      });
      await wb.waitFor('syntax-error to leave the Problems panel', async () => {
        const codes = await wb.problemCodes('example.org.zone');
        return codes.length > 0 && !codes.includes('syntax-error') ? true : undefined;
      });
      assert.ok(!(await wb.editorLines()).some((l) => l.includes('broken IN')));
    });
  });

  test('5. Format Document aligns the columns exactly as the formatter does', { timeout: 120_000 }, async () => {
    await timed('scenario 5', async () => {
      const fileName = path.join(workspace, 'unformatted.zone');
      const expected = applyTextEdits(UNFORMATTED, formatDocument(parseDocument({ text: UNFORMATTED, fileName }), { useTabs: false, tabSize: 8 }));
      assert.notEqual(expected, UNFORMATTED, 'the test zone must need formatting');
      await wb.openFile('unformatted.zone');
      await wb.waitFor('the DNS Zone language mode', async () => ((await wb.languageMode()) === 'DNS Zone' ? true : undefined));
      await wb.runCommand('Format Document');
      await wb.waitFor('the formatted text in the editor', async () => ((await wb.activeTabIsDirty()) ? true : undefined));
      await wb.screenshot('5-formatted');
      await wb.page.keyboard.press('Control+S');
      const saved = await wb.waitFor('the formatted file on disk', async () => {
        const t = fs.readFileSync(fileName, 'utf8');
        return t !== UNFORMATTED ? t : undefined;
      });
      assert.equal(saved, expected);
    });
  });

  test('6. the Outline lists the zone\'s owner names', { timeout: 120_000 }, async () => {
    await timed('scenario 6', async () => {
      await wb.openFile('mail-mistakes.zone');
      await wb.runCommand('Explorer: Focus on Outline View');
      const names = ['@', 'ns1', 'mail', 'relay', 'www', 'legacy', '_dmarc'];
      const rows = await wb.waitFor(`${names.join(', ')} in the Outline`, async () => {
        const r = await wb.outlineNames();
        return names.every((n) => r.includes(n)) ? r : undefined;
      });
      assert.ok(rows.length >= names.length);
      await wb.screenshot('6-outline');
    });
  });
});

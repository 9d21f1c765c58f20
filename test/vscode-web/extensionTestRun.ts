/**
 * Runs an extension-host test module (the `index.js` an @vscode/test-electron suite uses) inside
 * code-server's web workbench. The workbench only honours extensionDevelopmentPath and
 * extensionTestsPath when the smoke-test driver is on, reads them from the page URL's `payload`
 * as vscode-remote URIs, and reports the result by calling `window.codeAutomationExit`, which
 * must exist before the page loads. See CONTRIBUTING.md, "Running extension-host test suites".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { startCodeServer, WORKBENCH_SETTINGS, type E2EPaths } from '../e2e/codeServer';
import { CHROMIUM_ARGS, loadPlaywright, type BrowserContext, type Page } from '../e2e/playwright';

export interface ExtensionTestRunOptions {
  paths: E2EPaths;
  repoRoot: string;
  /** The folder the workbench opens. */
  workspace: string;
  /** Absolute path of the compiled test module whose `run()` the extension host calls. */
  testsModule: string;
  /** A fresh folder for code-server's and Chromium's state. */
  stateDir: string;
  timeoutMs: number;
}

export interface ExtensionTestRunResult {
  exitCode: number;
  /** What the page printed to its console (mocha's reporter output is forwarded there). */
  console: string[];
  /** The window and extension host logs the workbench hands to codeAutomationExit. */
  logs: string;
  codeServerLog: string;
}

interface ConsoleArgument {
  jsonValue(): Promise<unknown>;
}

/** exposeFunction and console arguments are not in the shared Page type; only this runner needs them. */
type ExposingPage = Omit<Page, 'on'> & {
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  on(event: 'console', handler: (message: { text(): string; args(): ConsoleArgument[] }) => void): void;
};

/**
 * One console call as the developer tools would print it. The workbench forwards extension-host
 * output as console.log('%c INFO', css, format, ...args), and the message's text() keeps the
 * format unsubstituted ("%d passing (%s) 5 2s"), so the arguments are formatted here.
 */
async function formatConsoleMessage(message: { text(): string; args(): ConsoleArgument[] }): Promise<string> {
  try {
    let values = await Promise.all(message.args().map((a) => a.jsonValue()));
    if (typeof values[0] === 'string' && /^%c\s*[A-Z]+$/.test(values[0]) && typeof values[1] === 'string') values = values.slice(2);
    return format(...values);
  } catch {
    return message.text();
  }
}

/** The workbench URL that loads the extension from `repoRoot` and runs `testsModule` in it. */
export function extensionTestUrl(serverUrl: string, repoRoot: string, workspace: string, testsModule: string): string {
  const authority = new URL(serverUrl).host;
  const remote = (p: string): string => `vscode-remote://${authority}${p.split(path.sep).join('/')}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsModule)],
  ]);
  return `${serverUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
}

/** The logs argument of codeAutomationExit is a list of { relativePath, contents } in current builds. */
function flattenLogs(logs: unknown): string {
  if (!Array.isArray(logs)) return typeof logs === 'string' ? logs : JSON.stringify(logs ?? '');
  return logs
    .map((l: unknown) => {
      const entry = l as { relativePath?: string; contents?: string };
      return typeof entry.contents === 'string' ? `--- ${entry.relativePath ?? '?'}\n${entry.contents}` : JSON.stringify(l);
    })
    .join('\n');
}

export async function runExtensionTests(options: ExtensionTestRunOptions): Promise<ExtensionTestRunResult> {
  const { paths, stateDir } = options;
  // The extension comes from extensionDevelopmentPath, so nothing is installed: an empty
  // extensions folder, a quiet user profile and no password.
  fs.mkdirSync(path.join(stateDir, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(stateDir, 'extensions'), { recursive: true });
  fs.writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(stateDir, 'user-data', 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));

  const server = await startCodeServer({
    paths,
    vsix: '',
    workspace: options.workspace,
    stateDir,
    timeoutMs: Math.min(options.timeoutMs, 120_000),
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  let browser: BrowserContext | undefined;
  const consoleLines: string[] = [];
  try {
    const { chromium } = await loadPlaywright(options.repoRoot, paths.playwrightCore);
    browser = await chromium.launchPersistentContext(path.join(stateDir, 'chromium-profile'), {
      executablePath: paths.chromium,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
    });
    const page = (browser.pages()[0] ?? (await browser.newPage())) as unknown as ExposingPage;
    const formatting: Promise<number>[] = [];
    page.on('console', (m) => formatting.push(formatConsoleMessage(m).then((line) => consoleLines.push(line))));
    let timer: NodeJS.Timeout | undefined;
    let report: (r: { code: number; logs: unknown }) => void = () => undefined;
    const exited = new Promise<{ code: number; logs: unknown }>((resolve, reject) => {
      report = resolve;
      timer = setTimeout(() => reject(new Error(`the workbench did not call codeAutomationExit within ${options.timeoutMs} ms`)), options.timeoutMs);
    });
    // Exposed before the first navigation, so the workbench sees it when the tests end.
    await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => report({ code: Number(code), logs }));
    try {
      await page.goto(extensionTestUrl(server.url, options.repoRoot, options.workspace, options.testsModule), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      const { code, logs } = await exited;
      await Promise.all(formatting);
      return { exitCode: code, console: consoleLines, logs: flattenLogs(logs), codeServerLog: server.log() };
    } catch (e) {
      const err = e as Error;
      err.message += `\npage console:\n${consoleLines.join('\n')}\ncode-server:\n${server.log()}`;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * The few Playwright calls the end-to-end tests make, typed here so the tests compile without
 * playwright-core installed (scripts/e2e/setup.sh puts it outside the repository; a repository
 * devDependency is used first when there is one). The tsconfig has no DOM library, so the
 * functions that run inside the page are typed against `PageElement`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What page-side functions may use of an element. */
export interface PageElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  readonly className: string;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & ArrayLike<PageElement>;
  getBoundingClientRect(): { top: number; left: number; width: number; height: number };
}

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText: string | RegExp }): Locator;
  locator(selector: string): Locator;
  count(): Promise<number>;
  click(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  getAttribute(name: string): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  evaluateAll<R>(fn: (elements: PageElement[]) => R): Promise<R>;
  evaluate<R>(fn: (element: PageElement) => R): Promise<R>;
  evaluate<R, A>(fn: (element: PageElement, arg: A) => R, arg: A): Promise<R>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  mouse: {
    move(x: number, y: number): Promise<void>;
    wheel(deltaX: number, deltaY: number): Promise<void>;
  };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'console', handler: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', handler: (error: Error) => void): void;
  setDefaultTimeout(ms: number): void;
  close(): Promise<void>;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath: string;
  args: string[];
  viewport: { width: number; height: number };
  timeout?: number;
}

interface PlaywrightModule {
  chromium: { launchPersistentContext(userDataDir: string, options: LaunchOptions): Promise<BrowserContext> };
}

/**
 * Arguments for a quiet, headless Chromium that makes no network requests of its own. The
 * fresh profile directory is given to launchPersistentContext (Playwright refuses it in args).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright-core from the repository if it is a dependency there, else from the e2e cache. */
export async function loadPlaywright(repoRoot: string, cachedModuleDir: string | undefined): Promise<PlaywrightModule> {
  const searched = [repoRoot, ...(cachedModuleDir ? [path.dirname(path.dirname(cachedModuleDir))] : [])];
  const resolved = require.resolve('playwright-core', { paths: searched });
  const loaded = (await import(pathToFileURL(resolved).href)) as PlaywrightModule & { default?: PlaywrightModule };
  return loaded.default ?? loaded;
}

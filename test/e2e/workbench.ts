/**
 * A user's hands on the VS Code workbench in the browser: keyboard shortcuts, the command
 * palette and clicks, and eyes that read what the page shows (Problems rows, hover widgets,
 * editor lines, outline rows). Every wait polls the page for the expected state and fails with
 * what it last saw there; nothing sleeps for a fixed time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page, PageElement } from './playwright';

export interface ProblemRow {
  file: string;
  code: string;
  message: string;
  /** 1-based, as the Problems panel shows them. */
  line: number;
  column: number;
}

export interface ListRow {
  index: number;
  /** Bottom edge, relative to the top of the list's content. */
  bottom: number;
  level: number;
  label: string;
  name: string;
  code: string;
  message: string;
  position: string;
}

interface ListSnapshot {
  contentHeight: number;
  viewHeight: number;
  scrolled: number;
  rows: ListRow[];
}

export class Workbench {
  /** What the last read of the page found (Problems, hover, outline), for failure messages. */
  private seen: string | undefined;

  constructor(
    readonly page: Page,
    private readonly artifactsDir: string,
    private readonly timeoutMs: number,
  ) {}

  /** Poll `probe` until it returns a value (not undefined); fail with the last observation. */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, options: { timeoutMs?: number; screenshot?: boolean } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    this.seen = undefined;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) {
        const detail = last instanceof Error ? last.message : '';
        if (options.screenshot !== false) await this.screenshot(`timeout-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
        const seen = this.seen === undefined ? '' : `\nlast seen: ${this.seen}`;
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${detail}` : ''}${seen}${await this.notifications()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.artifactsDir, { recursive: true });
    const file = path.join(this.artifactsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Texts of the visible notification toasts, to explain a failure. */
  async notifications(): Promise<string> {
    const texts = await this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts().catch(() => []);
    return texts.length ? `\nnotifications: ${texts.join(' | ')}` : '';
  }

  async load(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  private async quickInput(): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /** Quick Open (Ctrl+P) the file; wait until its tab is active and the editor shows it. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput();
    await this.page.keyboard.type(name);
    await this.waitFor(`${name} in Quick Open`, async () => {
      const first = await this.page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label').catch(() => null);
      return first?.startsWith(name) ? true : undefined;
    });
    await this.page.keyboard.press('Enter');
    await this.waitFor(`the editor tab of ${name}`, async () => ((await this.activeTabLabel())?.startsWith(name) ? true : undefined));
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  async activeTabLabel(): Promise<string | undefined> {
    const tab = this.page.locator('.editor-group-container.active .tab.active');
    return (await tab.count()) > 0 ? ((await tab.first().getAttribute('aria-label')) ?? undefined) : undefined;
  }

  async activeTabIsDirty(): Promise<boolean> {
    return (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
  }

  /** The language mode the status bar shows for the active editor (e.g. "DNS Zone"). */
  async languageMode(): Promise<string | undefined> {
    const item = this.page.locator('#status\\.editor\\.mode');
    return (await item.count()) > 0 ? (await item.innerText()).trim() : undefined;
  }

  /** Run a command from the palette (F1) by its exact label. */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput();
    await this.page.keyboard.type(label);
    await this.waitFor(`"${label}" in the command palette`, async () => {
      const labels = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
      return labels[0]?.trim() === label ? true : undefined;
    });
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+G to a 1-based line and column; wait until the status bar shows the cursor there. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.quickInput();
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    const expected = `Ln ${line}, Col ${column}`;
    await this.waitFor(`the cursor at ${expected}`, async () => {
      const text = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
      return text.trim() === expected ? true : undefined;
    });
  }

  /** The editor's rendered lines, top to bottom (spaces as spaces). */
  async editorLines(): Promise<string[]> {
    const lines = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els: PageElement[]) =>
      els.map((e) => ({ top: e.getBoundingClientRect().top, text: (e.textContent ?? '').replace(/\u00a0/g, ' ') })),
    );
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
  }

  private async ensureProblemsVisible(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible().catch(() => false)) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /**
   * Every row of a (virtual) list or tree: only rows in view exist in the page, so the list is
   * scrolled through with the mouse wheel, half a view at a time, waiting for each scroll to
   * show, until the rows seen reach the bottom of its content.
   */
  async listRows(listSelector: string): Promise<ListRow[]> {
    const list = this.page.locator(listSelector).first();
    const snapshot = (): Promise<ListSnapshot> =>
      list.evaluate((e: PageElement) => {
        const container = e.querySelector('.monaco-list-rows');
        const rows = container ? Array.from(container.querySelectorAll(':scope > .monaco-list-row')) : [];
        const text = (r: PageElement, sel: string): string => (r.querySelector(sel)?.textContent ?? '').trim();
        return {
          contentHeight: container ? container.getBoundingClientRect().height : 0,
          viewHeight: e.getBoundingClientRect().height,
          scrolled: container ? e.getBoundingClientRect().top - container.getBoundingClientRect().top : 0,
          rows: rows.map((r) => ({
            index: Number(r.getAttribute('data-index')),
            bottom: r.getBoundingClientRect().top + r.getBoundingClientRect().height - (container ? container.getBoundingClientRect().top : 0),
            level: Number(r.getAttribute('aria-level') ?? '1'),
            label: r.getAttribute('aria-label') ?? '',
            name: text(r, '.label-name'),
            code: text(r, '.marker-code'),
            message: text(r, '.marker-message'),
            position: text(r, '.marker-line'),
          })),
        };
      });
    // The wheel over the rows' left edge (their indent): no hover shows there to catch it.
    const wheel = async (deltaY: number): Promise<void> => {
      const box = await list.boundingBox();
      if (!box) throw new Error(`${listSelector} is not visible`);
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
      await this.page.mouse.wheel(0, deltaY);
    };
    // Short waits inside, and no screenshots: a caller polling this method retries the read.
    const settle = async (what: string, ok: (s: ListSnapshot) => boolean): Promise<ListSnapshot> =>
      this.waitFor(what, async () => {
        const s = await snapshot();
        return ok(s) ? s : undefined;
      }, { timeoutMs: 5000, screenshot: false });
    const scrollToTop = async (): Promise<ListSnapshot> => {
      let s = await snapshot();
      while (s.scrolled > 0.5) {
        const before = s.scrolled;
        await wheel(-(2 * s.scrolled + 100));
        s = await settle(`${listSelector} to scroll up`, (t) => t.scrolled !== before);
      }
      return s;
    };
    let snap = await scrollToTop();
    const rows = new Map<number, ListRow>();
    for (;;) {
      for (const r of snap.rows) rows.set(r.index, r);
      const bottom = Math.max(0, ...[...rows.values()].map((r) => r.bottom));
      if (bottom >= snap.contentHeight - 0.5) break;
      const before = snap.scrolled;
      await wheel(Math.max(22, snap.viewHeight / 2));
      snap = await settle(`${listSelector} to scroll`, (s) => s.scrolled !== before);
    }
    // Leave the list as a user would find it, and the mouse where it shows no hover.
    await scrollToTop();
    await this.page.mouse.move(2, 400);
    return [...rows.values()].sort((a, b) => a.index - b.index);
  }

  /**
   * Every marker of the Problems panel, with the file it is listed under. Read twice: a list
   * that changed while it was scrolled through could show a state that never existed.
   */
  async problems(): Promise<ProblemRow[]> {
    await this.ensureProblemsVisible();
    const first = await this.listRows('.markers-panel .monaco-list');
    const second = await this.listRows('.markers-panel .monaco-list');
    const key = (rows: ListRow[]): string => JSON.stringify(rows.map((r) => [r.index, r.label]));
    if (key(first) !== key(second)) throw new Error('the Problems panel changed while it was read');
    const out: ProblemRow[] = [];
    let file = '';
    for (const r of second) {
      const header = /problems? in file (.+?) of folder/.exec(r.label);
      if (r.level === 1 && header) file = header[1];
      else if (r.level === 2) {
        const at = /Ln (\d+), Col (\d+)/.exec(r.position);
        out.push({ file, code: r.code, message: r.message, line: at ? Number(at[1]) : 0, column: at ? Number(at[2]) : 0 });
      }
    }
    this.seen = `Problems: ${out.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).join(', ') || '(none)'}`;
    return out;
  }

  /** Rule ids the Problems panel lists for one file. */
  async problemCodes(file: string): Promise<string[]> {
    return (await this.problems()).filter((p) => p.file === file).map((p) => p.code);
  }

  /** The text of the visible hover widget(s). */
  async hoverText(): Promise<string> {
    const texts = await this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts().catch(() => []);
    const text = texts.join('\n').trim();
    this.seen = `hover: ${text || '(none)'}`;
    return text;
  }

  /** Open the Quick Fix menu (Ctrl+.) and return its entries. */
  async openQuickFixes(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    return this.waitFor('the Quick Fix menu', async () => {
      const items = await this.page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
      return items.length > 0 ? items.map((t) => t.trim()) : undefined;
    });
  }

  async chooseQuickFix(title: string): Promise<void> {
    await this.page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first().click();
    await this.page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden', timeout: this.timeoutMs });
  }

  /** The top-level names the Outline view shows. */
  async outlineNames(): Promise<string[]> {
    const names = (await this.listRows('.outline-pane .monaco-list')).filter((r) => r.level === 1).map((r) => r.name);
    this.seen = `Outline: ${names.join(', ') || '(none)'}`;
    return names;
  }
}

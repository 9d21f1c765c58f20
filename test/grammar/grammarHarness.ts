/**
 * Loads the real TextMate grammar (syntaxes/dns-zone.tmLanguage.json) into vscode-textmate with
 * the oniguruma WASM regex engine — the same engine VS Code uses — so tests see exactly the
 * scopes the editor would produce.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

/** Repository root, resolved from the compiled location out/test/grammar/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'dns-zone.tmLanguage.json');
export const SCOPE_NAME = 'source.dns-zone';

/** One token of one line: its text and the scope stack from outermost to innermost. */
export interface ScopedToken {
  text: string;
  start: number;
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function createGrammar(): Promise<vsctm.IGrammar> {
  const wasmPath = path.join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  // loadWASM wants an ArrayBuffer holding exactly the module bytes.
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE_NAME) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    },
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load`);
  return grammar;
}

/** The grammar, loaded once per process (the WASM engine can only be initialised once). */
export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

/** Tokenizes a whole document line by line, carrying the rule stack across lines. */
export async function tokenizeDocument(text: string): Promise<ScopedToken[][]> {
  const grammar = await loadGrammar();
  let ruleStack = vsctm.INITIAL;
  const result: ScopedToken[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const { tokens, ruleStack: next } = grammar.tokenizeLine(line, ruleStack);
    ruleStack = next;
    result.push(
      tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })),
    );
  }
  return result;
}

/**
 * Scopes of the token covering the first character of the `occurrence`-th (0-based)
 * occurrence of `needle` in `line`. Throws if the needle is absent, so a typo in a test
 * fails loudly instead of asserting on the wrong token.
 */
export function scopesAt(lines: string[], tokens: ScopedToken[][], lineIndex: number, needle: string, occurrence = 0): string[] {
  const line = lines[lineIndex];
  let column = -1;
  for (let i = 0; i <= occurrence; i++) {
    column = line.indexOf(needle, column + 1);
    if (column < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in line ${lineIndex}: ${line}`);
  }
  const token = tokens[lineIndex].find((t) => t.start <= column && column < t.start + t.text.length);
  if (!token) throw new Error(`no token at column ${column} of line ${lineIndex}`);
  return token.scopes;
}

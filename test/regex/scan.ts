/**
 * Finds every regular expression in server/src: regex literals and `new RegExp(...)` / `RegExp(...)`
 * calls, read with the TypeScript parser (so a `/` in a comment or a string is not mistaken for
 * one). The inventory in inventory.ts and docs/robustness.md must list each of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_SRC = path.join(REPO_ROOT, 'server', 'src');

export interface RegexSite {
  /** Path relative to server/src, with forward slashes. */
  file: string;
  line: number;
  /** The regex as written: `/.../flags` for a literal, the call's text for `new RegExp`. */
  written: string;
  /** Pattern and flags when known (literals, or RegExp calls with literal arguments). */
  pattern?: string;
  flags?: string;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

export function scanRegexes(root = SERVER_SRC): RegexSite[] {
  const out: RegexSite[] = [];
  for (const file of tsFiles(root).sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const line = src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(src);
        const slash = text.lastIndexOf('/');
        out.push({ file: rel, line, written: text, pattern: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(src) === 'RegExp') {
        const [p, f] = node.arguments ?? [];
        const literal = (a: ts.Expression | undefined) => (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) ? a.text : undefined);
        out.push({ file: rel, line, written: node.getText(src), pattern: literal(p), flags: f ? literal(f) : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

/** LSP snippet text (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#snippet_syntax). */

/** Escape literal text for a snippet: `$`, `}` and `\` have meaning there. */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => '\\' + c);
}

/// <reference types="mocha" />
/**
 * The extension in VS Code's extension host, through the `vscode` API: diagnostics, hover,
 * code actions, formatting and symbols on the example zone with mail mistakes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function openExample(name: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(name);
  assert.ok(uri, `${name} is in the test workspace`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'dns-zone');
  return doc;
}

/** Resolves when the document has diagnostics that satisfy `pred` (events, not sleeps). */
function diagnosticsWhere(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (pred(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (pred(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

suite('DNS zone extension', () => {
  test('the mail-mistakes example shows its findings with rule ids', async () => {
    const doc = await openExample('mail-mistakes.zone');
    const diags = await diagnosticsWhere(doc.uri, (d) => d.length > 0);
    const codes = new Set(diags.map(codeOf));
    for (const id of ['name-missing-trailing-dot', 'cname-and-other-data', 'spf-rr-type', 'mx-target-no-address', 'dmarc-policy-none']) assert.ok(codes.has(id), `${id} in ${[...codes].join(', ')}`);
  });

  test('hover on an SPF mechanism explains it', async () => {
    const doc = await openExample('mail-mistakes.zone');
    const offset = doc.getText().indexOf('ptr +all') + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /ptr/i);
    assert.match(text, /7208/);
  });

  test('a quick fix adds the missing trailing dot', async () => {
    const doc = await openExample('mail-mistakes.zone');
    // The fix is tied to the document version its diagnostic was computed on, so ask with the
    // diagnostics of the current version; a pull still in flight can hand out an older one.
    let fix: vscode.CodeAction | undefined;
    let target: vscode.Diagnostic | undefined;
    let titles = '';
    for (let attempt = 0; attempt < 20 && !fix; attempt++) {
      const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'name-missing-trailing-dot'));
      target = diags.find((x) => codeOf(x) === 'name-missing-trailing-dot')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
      titles = actions.map((a) => a.title).join(', ');
      fix = actions.find((a) => a.isPreferred && a.edit);
      if (!fix) await new Promise<void>((resolve) => {
        const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); resolve(); });
        setTimeout(() => { sub.dispose(); resolve(); }, 500);
      });
    }
    assert.ok(fix && target, `a preferred fix among ${titles}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.lineAt(target.range.start.line).text, /mail\.example\.com\.(\s|$)/);
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => codeOf(x) === 'name-missing-trailing-dot'));
    await vscode.commands.executeCommand('undo');
  });

  test('formatting aligns columns and keeps the records', async () => {
    const doc = await openExample('example.org.zone');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(Array.isArray(edits));
    for (const e of edits) assert.equal(e.newText.replace(/\s+/g, ''), doc.getText(e.range).replace(/\s+/g, ''), 'only white space changes');
  });

  test('the outline lists the zone names', async () => {
    const doc = await openExample('example.org.zone');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.some((n) => /mail/.test(n)), names.join(', '));
  });
});

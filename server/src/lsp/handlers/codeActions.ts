/** Code actions: quick fixes from the diagnostic's rule, suppressions, the rule's docs, and fix-all. */
import { CodeActionKind, type CodeAction, type Diagnostic, type ServerCapabilities, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { preferredFixEdits, ruleFixes, stripSnippet, suppressionFixes } from '../../language/features/codeActions';
import type { Fix } from '../../language/checks/rule';
import type { ParsedDocument } from '../documentCache';
import { ruleDocUri, type DiagnosticData } from '../diagnosticsAdapter';
import type { ZoneDiagnostic } from '../../language/model/types';
import { SOURCE_ACTION_KINDS, sourceActions } from '../../language/features/sourceActions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.zonelint`;
export const OPEN_RULE_DOC_COMMAND = 'dnsZone.openRuleDocumentation';

export function registerCodeActions(ctx: ServerContext, capabilities: ServerCapabilities): void {
  capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...SOURCE_ACTION_KINDS], resolveProvider: false };
  ctx.connection.onCodeAction((params) =>
    ctx.answer('codeAction', () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const parsed = ctx.cache.get(doc);
      const list = ctx.diagnosticsFor(parsed);
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (!only || only.some((k) => k === CodeActionKind.QuickFix)) {
        for (const diag of params.context.diagnostics) actions.push(...quickFixes(ctx, parsed, list, diag));
      }
      if (only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== CodeActionKind.Source) || (!only && params.context.diagnostics.length > 0)) {
        const edits = preferredFixEdits(list.filter((d) => d.file === 0), parsed.zone, ctx.cache.workspace);
        if (edits.length > 0) {
          actions.push({ title: 'Fix all auto-fixable zone problems', kind: FIX_ALL_KIND, edit: { changes: { [parsed.uri]: edits.map((e) => toLspEdit(parsed, e)) } } });
        }
      }
      // Whole-document source actions, only when asked for (the Source Action menu, a keybinding).
      for (const a of sourceActions(parsed.zone, new Date(), only)) {
        actions.push({ title: a.title, kind: a.kind, edit: { changes: { [parsed.uri]: a.edits.map((e) => toLspEdit(parsed, e)) } } });
      }
      return actions;
    }),
  );
}

function quickFixes(ctx: ServerContext, parsed: ParsedDocument, list: readonly ZoneDiagnostic[], diag: Diagnostic): CodeAction[] {
  const data = diag.data as DiagnosticData | undefined;
  // A finding from another version of the text: its fix could edit the wrong characters.
  if (!data || data.version !== parsed.version) return [];
  // The index is a fast path; when cross-zone findings were recomputed since (another zone opened
  // or changed), the list may have shifted, so fall back to the same rule at the same range.
  const start = parsed.lines.offsetAt(diag.range.start.line, diag.range.start.character);
  const end = parsed.lines.offsetAt(diag.range.end.line, diag.range.end.character);
  const same = (d: ZoneDiagnostic | undefined): boolean => d !== undefined && d.code === diag.code && d.file === 0 && d.start === start && d.end === end;
  const zd = same(list[data.index]) ? list[data.index] : list.find(same);
  if (!zd) return [];
  const fixes: Fix[] = [...ruleFixes(zd, parsed.zone, ctx.cache.workspace), ...suppressionFixes(zd, parsed.zone, parsed.lines)];
  const actions: CodeAction[] = fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diag],
    isPreferred: fix.isPreferred === true,
    edit: { changes: groupEdits(ctx, parsed, fix) },
  }));
  actions.push({ title: `Open documentation for ${zd.code}`, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: 'Open rule documentation', command: OPEN_RULE_DOC_COMMAND, arguments: [ruleDocUri(zd.code)] } });
  return actions;
}

function groupEdits(ctx: ServerContext, parsed: ParsedDocument, fix: Fix): Record<string, LspTextEdit[]> {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of fix.edits) {
    const uri = e.uri ?? parsed.uri;
    const target = uri === parsed.uri ? parsed : (() => {
      const d = ctx.documents.get(uri);
      return d ? ctx.cache.get(d) : undefined;
    })();
    if (!target) continue;
    (changes[uri] ??= []).push(toLspEdit(target, fix.snippet ? { ...e, newText: stripSnippet(e.newText) } : e));
  }
  return changes;
}

function toLspEdit(parsed: ParsedDocument, e: { start: number; end: number; newText: string }): LspTextEdit {
  return { range: { start: parsed.lines.positionAt(e.start), end: parsed.lines.positionAt(e.end) }, newText: e.newText };
}

/**
 * `dnsZone/checkMailServers` ({ uri }): the live mail-server checks of one open zone, on the
 * user's request only, never in an untrusted workspace, and only with `dnsZone.live.enabled`.
 * Shows progress (a client-supplied workDoneToken, else server-initiated window/workDoneProgress
 * when the client supports it), honours cancellation (the request's and the progress's), answers
 * the report text and the findings, and republishes the document's diagnostics with the live
 * findings merged in (kept in ctx.liveFindings until the next run or until the document closes).
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type ProgressToken, type ServerCapabilities, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { checkMailServers, formatLiveReport, liveDiagnostics, liveSeverity, LiveCancelled, parseResolverAddress, readLiveSettings, type LiveSettings } from '../../live';
import { toLspDiagnostics } from '../diagnosticsAdapter';
import { ensureWorkspace } from './common';

export const CHECK_MAIL_SERVERS_REQUEST = 'dnsZone/checkMailServers';

export interface CheckMailServersParams {
  uri: string;
  workDoneToken?: ProgressToken;
}

export interface CheckMailServersResult {
  uri: string;
  /** The document version the findings' ranges refer to. */
  version: number;
  /** `ok`: checked. Otherwise nothing was sent over the network, and `report` says why. */
  status: 'ok' | 'disabled' | 'untrusted' | 'not-open' | 'failed';
  report: string;
  /** The live findings as LSP diagnostics of that version (also published with the others). */
  findings: Diagnostic[];
}

export function registerLiveChecks(ctx: ServerContext, _capabilities: ServerCapabilities): void {
  const running = new Map<string, AbortController>();
  ctx.documents.onDidClose((e) =>
    ctx.guard('didClose (live checks)', undefined, () => {
      running.get(e.document.uri)?.abort();
      ctx.liveFindings.delete(e.document.uri);
    }),
  );
  // A failure of the check itself is a `failed` result with its reason (below); any other failure
  // is logged and answered with an InternalError (answerAsync).
  ctx.connection.onRequest(CHECK_MAIL_SERVERS_REQUEST, (params: CheckMailServersParams, token: CancellationToken) => ctx.answerAsync('checkMailServers', () => checkOne(params, token)));

  async function checkOne(params: CheckMailServersParams, token: CancellationToken): Promise<CheckMailServersResult> {
    const uri = params?.uri;
    const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
    if (!doc) return refusal(uri ?? '', 0, 'not-open', 'The document is not open in the editor.');
    if (!ctx.trusted()) return refusal(uri, doc.version, 'untrusted', 'Live mail-server checks are disabled in untrusted workspaces: they would contact the hosts this zone names.');
    const settings = await liveSettings(ctx, uri);
    if (!settings.enabled) return refusal(uri, doc.version, 'disabled', 'Live mail-server checks are off. They contact the mail servers this zone names and ask DNS about them; turn them on with the setting dnsZone.live.enabled.');
    const resolver = settings.resolver ? parseResolverAddress(settings.resolver) : undefined;
    if (resolver && 'error' in resolver) return refusal(uri, doc.version, 'failed', `The setting dnsZone.live.resolver is not usable: ${resolver.error}.`);

    // A new run for the same document replaces the one in flight.
    running.get(uri)?.abort();
    const abort = new AbortController();
    running.set(uri, abort);
    token.onCancellationRequested(() => abort.abort());
    let progress: WorkDoneProgressReporter;
    if (params.workDoneToken !== undefined) progress = ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
    else {
      // Server-initiated progress (a no-op reporter when the client lacks window.workDoneProgress); its Cancel button aborts too.
      const serverProgress = await ctx.connection.window.createWorkDoneProgress();
      serverProgress.token.onCancellationRequested(() => abort.abort());
      progress = serverProgress;
    }
    progress.begin('Checking mail servers', 0, 'resolving the mail hosts', true);
    try {
      ensureWorkspace(ctx);
      const parsed = ctx.cache.get(doc);
      const run = await checkMailServers(parsed.zone, ctx.cache.workspace, {
        resolver: settings.resolver,
        smtpPort: settings.smtpPort,
        timeoutMs: settings.timeoutMs,
        signal: abort.signal,
        onProgress: (p) => progress.report(p.total > 0 ? (100 * p.done) / p.total : 0, p.message),
      });
      ctx.liveFindings.set(uri, run.findings);
      ctx.republish(uri);
      // Ranges on the version current now (the text may have changed during the run).
      const current = ctx.cache.get(ctx.documents.get(uri) ?? doc);
      const rules = ctx.settings().rules;
      const findings = toLspDiagnostics(current, liveDiagnostics(current.zone, run.findings, rules, current.lines)).map(({ data: _data, ...d }) => d);
      return { uri, version: current.version, status: 'ok', report: formatLiveReport(run, (f) => liveSeverity(f.code, rules)), findings };
    } catch (err) {
      if (err instanceof LiveCancelled || abort.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Mail-server check cancelled');
      ctx.connection.console.error(`checkMailServers failed: ${(err as Error).stack ?? String(err)}`);
      return refusal(uri, doc.version, 'failed', `The mail-server check failed: ${(err as Error).message}`);
    } finally {
      if (running.get(uri) === abort) running.delete(uri);
      progress.done();
    }
  }
}

function refusal(uri: string, version: number, status: CheckMailServersResult['status'], report: string): CheckMailServersResult {
  return { uri, version, status, report: report + '\n', findings: [] };
}

/** `dnsZone.live` for this document, asked fresh (clients without workspace/configuration get the defaults: off). */
async function liveSettings(ctx: ServerContext, uri: string): Promise<LiveSettings> {
  try {
    const raw: unknown = await ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: 'dnsZone.live' });
    return readLiveSettings(raw);
  } catch {
    return readLiveSettings(undefined);
  }
}

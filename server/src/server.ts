/**
 * The LSP adapter: capabilities, the handler table, the document cache, debounced validation
 * and settings. It converts between the language service's offsets and LSP positions and holds
 * no zone logic of its own. Handlers never crash the server: each is wrapped, and failures are
 * logged to the connection (never to stdout, which carries the protocol under --stdio). A
 * request whose handler fails is answered with a JSON-RPC error (InternalError), so the client
 * knows it failed rather than taking an empty answer for "nothing here"; a notification handler
 * that fails is logged and the server goes on.
 */
import {
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { DocumentCache, type ParsedDocument } from './lsp/documentCache';
import type { ZoneDiagnostic } from './language/model/types';
import { defaultSettings, readSettings, type ServerSettings } from './lsp/settings';
import { toLspDiagnostics } from './lsp/diagnosticsAdapter';
import { Validator } from './lsp/validator';
import { registerFeatures } from './lsp/features';
import { createIncludeReader } from './node/includeReader';
import { LiveFindingStore } from './live/findingStore';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: DocumentCache;
  settings(): ServerSettings;
  /** The zone findings of a parsed version, computed once and shared by all features. */
  diagnosticsFor(parsed: ParsedDocument): ZoneDiagnostic[];
  /** Run a body that answers no request (a notification, a timer): log and swallow its failure, give `fallback` instead. */
  guard<T>(name: string, fallback: T, body: () => T): T;
  /** Run a request handler body: its failure is logged and answered with an InternalError response. */
  answer<T>(name: string, body: () => T): T | ResponseError<never>;
  /** `answer` for a handler that answers asynchronously (its rejection is logged and answered the same way). */
  answerAsync<T>(name: string, body: () => Promise<T>): Promise<T | ResponseError<never>>;
  /** Whether the client said the workspace is trusted (initializationOptions.trusted); untrusted means no network traffic. */
  trusted(): boolean;
  /** Findings of the last live mail-server check per uri (lsp/handlers/liveChecks.ts), merged into that document's diagnostics. */
  liveFindings: LiveFindingStore;
  /** Forget a document's computed findings and publish them again (push), or ask a pulling client to refresh. */
  republish(uri: string): void;
}

/**
 * Test-only fault injection: DNS_ZONE_TEST_FAULTS, read once at startup, names handlers (as
 * passed to guard/answer: `hover`, `didChange`, ...) that throw before doing anything, so the
 * protocol tests (test/lsp/faults.test.ts) can prove a failing handler neither goes unanswered
 * nor stops the server. Nothing sets it outside those tests; unset (always, for users) it costs
 * one Set lookup per handler call.
 */
export function testFaults(value: string | undefined): ReadonlySet<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/** Serve on `connection`; the context is returned for in-process tests that look inside. */
export function startServer(connection: Connection): ServerContext {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = defaultSettings;
  let workspaceRoots: string[] = [];
  let pullDiagnostics = false;
  let configurationSupport = false;
  let inlayHintRefresh = false;
  // Untrusted workspaces (VS Code Workspace Trust) never read includes outside their folders.
  let trusted = true;

  const cache = new DocumentCache(() => ({
    generateLimit: settings.generateLimit,
    readInclude: createIncludeReader({ roots: workspaceRoots, allowOutside: trusted && settings.allowIncludeOutsideWorkspace }),
  }));

  const faults = testFaults(process.env.DNS_ZONE_TEST_FAULTS);
  const run = <T>(name: string, body: () => T): T => {
    if (faults.has(name)) throw new Error('fault injected by DNS_ZONE_TEST_FAULTS (test only)');
    return body();
  };
  const logFailure = (name: string, err: unknown): void => {
    connection.console.error(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  };
  // A ResponseError thrown on purpose (a cancellation, say) is the answer itself, not a failure.
  const failed = (name: string, err: unknown): ResponseError<never> => {
    if (err instanceof ResponseError) return err as ResponseError<never>;
    logFailure(name, err);
    return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err instanceof Error ? err.message : String(err)} (details in the server log)`);
  };
  const guard = <T>(name: string, fallback: T, body: () => T): T => {
    try {
      return run(name, body);
    } catch (err) {
      logFailure(name, err);
      return fallback;
    }
  };
  const answer = <T>(name: string, body: () => T): T | ResponseError<never> => {
    try {
      return run(name, body);
    } catch (err) {
      return failed(name, err);
    }
  };
  const answerAsync = async <T>(name: string, body: () => Promise<T>): Promise<T | ResponseError<never>> => {
    try {
      return await run(name, body);
    } catch (err) {
      return failed(name, err);
    }
  };
  let validator: Validator | undefined;
  const republish = (uri: string): void => {
    cache.invalidateDiagnostics(uri);
    const doc = documents.get(uri);
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch((err: unknown) => connection.console.warn(`diagnostic refresh refused: ${String(err)}`));
    else if (doc) validator!.schedule(doc, 0, false);
  };
  const ctx: ServerContext = { connection, documents, cache, settings: () => settings, guard, answer, answerAsync, diagnosticsFor: (p) => validator!.diagnosticsFor(p), trusted: () => trusted, liveFindings: new LiveFindingStore(), republish };
  validator = new Validator(
    ctx,
    (uri, version, diagnostics) => {
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version, diagnostics });
    },
    () => {
      if (pullDiagnostics) connection.languages.diagnostics.refresh().catch((err: unknown) => connection.console.warn(`diagnostic refresh refused: ${String(err)}`));
    },
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationSupport = params.capabilities.workspace?.configuration === true;
    inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    workspaceRoots = (params.workspaceFolders ?? [])
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => fileURLToPath(f.uri));
    if (workspaceRoots.length === 0 && params.rootUri?.startsWith('file:')) workspaceRoots = [fileURLToPath(params.rootUri)];
    const init = params.initializationOptions as { settings?: unknown; trusted?: boolean } | undefined;
    trusted = init?.trusted !== false;
    if (init?.settings) settings = readSettings(init.settings);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    };
    registerFeatures(ctx, capabilities);
    return { capabilities, serverInfo: { name: 'dns-zone-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    void refreshSettings();
  });

  const refreshSettings = async (): Promise<void> => {
    if (configurationSupport) {
      try {
        const raw: unknown = await connection.workspace.getConfiguration('dnsZone');
        settings = readSettings(raw);
      } catch (err) {
        connection.console.warn(`could not read settings: ${(err as Error).message}`);
      }
    }
    guard('settingsChanged', undefined, () => {
      cache.clear();
      // Inlay hints can be switched on and off in the settings: show the change without an edit.
      if (inlayHintRefresh) connection.languages.inlayHint.refresh().catch((err: unknown) => connection.console.warn(`inlay hint refresh refused: ${String(err)}`));
      if (pullDiagnostics) connection.languages.diagnostics.refresh().catch((err: unknown) => connection.console.warn(`diagnostic refresh refused: ${String(err)}`));
      else for (const doc of documents.all()) validator.schedule(doc, 0);
    });
  };

  connection.onDidChangeConfiguration((change) =>
    guard('didChangeConfiguration', undefined, () => {
      const raw = (change.settings as { dnsZone?: unknown } | undefined)?.dnsZone;
      if (!configurationSupport && raw) settings = readSettings(raw);
      void refreshSettings();
    }),
  );

  // Notifications: a failure is logged (guard) and the next message is served as usual.
  documents.onDidOpen((e) => guard('didOpen', undefined, () => validator.schedule(e.document, 0)));
  documents.onDidChangeContent((e) => guard('didChange', undefined, () => validator.schedule(e.document, settings.validationDelay)));
  documents.onDidClose((e) =>
    guard('didClose', undefined, () => {
      validator.cancel(e.document.uri);
      cache.delete(e.document.uri);
      // Clear what we published, so closed files leave no stale problems behind.
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return answer('diagnostics', () => {
      const parsed = cache.get(doc);
      return { kind: DocumentDiagnosticReportKind.Full, items: toLspDiagnostics(parsed, validator!.diagnosticsForPull(parsed)) };
    });
  });

  connection.onShutdown(() => validator.dispose());
  documents.listen(connection);
  connection.listen();
  return ctx;
}

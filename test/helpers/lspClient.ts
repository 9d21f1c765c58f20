/**
 * A minimal LSP client for tests: spawns the built server over stdio and speaks JSON-RPC to it
 * through vscode-jsonrpc, the same library editors use. No mocks: the real server process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The bundled server when it exists (what the extension ships), else tsc's output. */
export function serverEntry(): string {
  const bundled = path.join(REPO_ROOT, 'dist', 'server.js');
  return fs.existsSync(bundled) ? bundled : COMPILED_SERVER;
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; message: string; severity?: number; data?: unknown }[];
}

export interface ProgressNotification {
  token: unknown;
  value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

/** tsc's output of the server: what tests of code newer than the last bundle run (npm run test:unit does not bundle). */
export const COMPILED_SERVER = path.join(REPO_ROOT, 'out', 'server', 'src', 'main.js');

export class TestClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  readonly published: PublishedDiagnostics[] = [];
  /** window/logMessage notifications (type 1 = error), e.g. a handler failure the server logged. */
  readonly logMessages: { type: number; message: string }[] = [];
  /** Settles when the server process ends, with its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  private waiters: { pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  stderr = '';
  /** Called with every publishDiagnostics as it arrives. */
  readonly publishListeners: ((p: PublishedDiagnostics) => void)[] = [];
  /** What the client answers to workspace/configuration for one item (null: no settings). */
  configuration: (item: { section?: string; scopeUri?: string }) => unknown = () => null;
  /** `$/progress` notifications (server-initiated work done progress), in order. */
  readonly progress: ProgressNotification[] = [];
  private progressWaiters: { kind: string; resolve: () => void }[] = [];

  /** `entry`: the server script (default: the bundle, see serverEntry). */
  constructor(args: string[] = ['--stdio'], entry: string = serverEntry()) {
    this.child = spawn(process.execPath, [entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (const f of this.publishListeners) f(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      this.logMessages.push(m);
    });
    this.connection.onNotification('$/progress', (p: ProgressNotification) => {
      this.progress.push(p);
      this.progressWaiters = this.progressWaiters.filter((w) => {
        if (w.kind !== p.value.kind) return true;
        w.resolve();
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => params.items.map((item) => this.configuration(item)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(capabilities: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null, ...extra });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version, text } });
  }

  /** The next publishDiagnostics that satisfies `pred` (already received ones count), or a timeout error. */
  waitForDiagnostics(pred: (p: PublishedDiagnostics) => boolean, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const hit = this.published.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Resolves at the next `$/progress` of this kind (begin, report, end). */
  nextProgress(kind: string): Promise<void> {
    return new Promise((resolve) => this.progressWaiters.push({ kind, resolve }));
  }

  /** Orderly shutdown; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  /** `exit` without `shutdown` first; resolves with the exit code (the spec asks for 1). */
  async exitWithoutShutdown(): Promise<number | null> {
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

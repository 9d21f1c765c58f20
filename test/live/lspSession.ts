/**
 * A language-server session for the live tests: the compiled server (out/, which has the live
 * handler even when a dist/ bundle from an older build exists) over stdio, with a client that
 * answers `workspace/configuration` with the given `dnsZone.live` settings, accepts
 * server-initiated progress, and records progress and published diagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = path.resolve(__dirname, '..', '..', 'server', 'src', 'main.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { code?: string; message: string; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

export class LiveSession {
  readonly connection: MessageConnection;
  readonly published: Published[] = [];
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean } }[] = [];
  private readonly child: ChildProcess;
  private waiters: { pred: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private progressWaiters: { pred: (kind: string) => boolean; resolve: () => void }[] = [];
  stderr = '';

  constructor(public liveSettings: Record<string, unknown>) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => !(w.pred(p) && (w.resolve(p), true)));
    });
    this.connection.onNotification('$/progress', (p: LiveSession['progress'][number]) => {
      this.progress.push(p);
      this.progressWaiters = this.progressWaiters.filter((w) => !(w.pred(p.value.kind) && (w.resolve(), true)));
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'dnsZone.live' ? this.liveSettings : null)));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(trusted: boolean): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
      initializationOptions: { trusted },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version, text } });
  }

  /** The first publishDiagnostics (received or to come) that satisfies `pred`. */
  waitForDiagnostics(pred: (p: Published) => boolean, timeoutMs = 10000): Promise<Published> {
    const hit = this.published.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Resolves at the next `$/progress` of this kind (begin, report, end). */
  nextProgress(kind: string): Promise<void> {
    return new Promise((resolve) => this.progressWaiters.push({ pred: (k) => k === kind, resolve }));
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

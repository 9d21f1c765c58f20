/**
 * The language server in this process: its own startServer on one end of a pair of streams and a
 * JSON-RPC client on the other. Cheaper than a child process for tests of the handlers; the
 * protocol is the same. Shut it down with `shutdown` and `dispose` (no `exit`: it would end the
 * test process).
 */
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { startServer, type ServerContext } from '../../server/src/server';

export interface InProcessServer {
  client: MessageConnection;
  /** The server's capabilities, once `initialize` was answered and `initialized` sent. */
  capabilities: Promise<Record<string, unknown>>;
  /** The server's own state (its document cache and so on), for tests that look inside. */
  context: ServerContext;
}

/** Start a server and initialize it, with `settings` as initializationOptions.settings when given. */
export function startInProcessServer(settings?: unknown): InProcessServer {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const context = startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onNotification('textDocument/publishDiagnostics', () => undefined);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  const initializationOptions = settings === undefined ? undefined : { settings };
  const capabilities = client
    .sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null, initializationOptions })
    .then(async (r) => {
      await client.sendNotification('initialized', {});
      return r.capabilities;
    });
  return { client, capabilities, context };
}

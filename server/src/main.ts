/**
 * Entry point of the language server: stdio (`--stdio`), IPC (`--node-ipc`) or a socket, as the
 * client asks on the command line. All logic lives in server.ts and the language service.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A client that refuses a server-to-client request (a refresh it announced but does not handle)
// must not end the server: log it and keep serving.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);

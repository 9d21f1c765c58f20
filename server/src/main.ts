/**
 * Entry point of the language server: stdio (`--stdio`), IPC (`--node-ipc`) or a socket, as the
 * client asks on the command line. All logic lives in server.ts and the language service.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));

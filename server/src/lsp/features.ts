/**
 * The handler table: each editor feature registers its capability and its handler here.
 * Feature logic lives in the language service; these are thin adapters.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../server';
import { registerCodeActions } from './handlers/codeActions';

export function registerFeatures(ctx: ServerContext, capabilities: ServerCapabilities): void {
  registerCodeActions(ctx, capabilities);
}

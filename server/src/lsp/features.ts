/**
 * The handler table: each editor feature registers its capability and its handler here.
 * Feature logic lives in the language service; these are thin adapters.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../server';
import { registerCodeActions } from './handlers/codeActions';
import { registerHover } from './handlers/hover';
import { registerCompletion } from './handlers/completion';
import { registerSymbols } from './handlers/symbols';
import { registerStructure } from './handlers/structure';
import { registerNavigation } from './handlers/navigation';
import { registerFormatting } from './handlers/formatting';
import { registerLiveChecks } from './handlers/liveChecks';
import { registerSerialOnSave } from './handlers/serialOnSave';
import { registerEditorHints } from './handlers/editorHints';
import { registerInterchange } from './handlers/interchange';

export function registerFeatures(ctx: ServerContext, capabilities: ServerCapabilities): void {
  registerCodeActions(ctx, capabilities);
  registerInterchange(ctx, capabilities);
  registerHover(ctx, capabilities);
  registerCompletion(ctx, capabilities);
  registerSymbols(ctx, capabilities);
  registerStructure(ctx, capabilities);
  registerNavigation(ctx, capabilities);
  registerFormatting(ctx, capabilities);
  registerLiveChecks(ctx, capabilities);
  registerSerialOnSave(ctx, capabilities);
  registerEditorHints(ctx, capabilities);
}

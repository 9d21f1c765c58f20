/**
 * `dnsZone.serialOnSave`: bump the SOA serial as part of saving a zone that changed since it was
 * opened or last saved (textDocument/willSaveWaitUntil), so secondaries see the new version. A
 * save with no change, or one where the user already raised the serial, leaves it alone.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { bumpSerial, soaSerial } from '../../language/features/serial';
import { toRange } from './common';

interface SavedState {
  version: number;
  serial: number | undefined;
}

export function registerSerialOnSave(ctx: ServerContext, capabilities: ServerCapabilities): void {
  const sync = capabilities.textDocumentSync;
  // server.ts declares the sync options as an object; a bare kind number would carry no flags.
  if (sync && typeof sync === 'object') sync.willSaveWaitUntil = true;
  const saved = new Map<string, SavedState>();
  const remember = (uri: string): void => {
    const doc = ctx.documents.get(uri);
    if (!doc) return;
    const serial = ctx.guard('serialOnSave', undefined as number | undefined, () => soaSerial(ctx.cache.get(doc).zone));
    saved.set(uri, { version: doc.version, serial });
  };
  ctx.documents.onDidOpen((e) => remember(e.document.uri));
  ctx.documents.onDidSave((e) => remember(e.document.uri));
  ctx.documents.onDidClose((e) => saved.delete(e.document.uri));
  ctx.documents.onWillSaveWaitUntil((e) =>
    ctx.answer('willSaveWaitUntil', () => {
      if (!ctx.settings().serialOnSave) return [];
      const doc = e.document;
      const last = saved.get(doc.uri);
      if (last && last.version === doc.version) return [];
      const parsed = ctx.cache.get(doc);
      const current = soaSerial(parsed.zone);
      if (last?.serial !== undefined && current !== undefined && current > last.serial) return [];
      const bump = bumpSerial(parsed.zone, new Date());
      return bump ? [{ range: toRange(parsed.lines, bump.edit), newText: bump.edit.newText }] : [];
    }),
  );
}

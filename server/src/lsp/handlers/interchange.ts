/**
 * JSON interchange with the `dns-zonefile` package, for the editor: export the zone to its JSON
 * shape (built from our own parse, see node/zonefileJson.ts) and turn such JSON into zone text
 * with dns-zonefile's generator. `zonelint --export-json/--import-json` do the same from the CLI.
 */
import type { ResponseError, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server';
import { checkZonefileJson, generateZoneText, zoneToZonefileJson, type DnsZonefileModule, type ZonefileJson } from '../../node/zonefileJson';

export const EXPORT_JSON_REQUEST = 'dnsZone/exportJson';
export const IMPORT_JSON_REQUEST = 'dnsZone/importJson';

export interface ExportJsonResult {
  /** Pretty-printed JSON, or '' when the document is not open. */
  json: string;
  /** What could not be carried over (types dns-zonefile has no shape for, invalid records). */
  notes: string[];
}

export interface ImportJsonResult {
  text?: string;
  error?: string;
}

/** dns-zonefile is ESM; Node 20.19+ and 22.12+ `require` it, and esbuild bundles it into dist/server.js. */
function dnsZonefile(): DnsZonefileModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('dns-zonefile') as { default?: DnsZonefileModule } & Partial<DnsZonefileModule>;
  return m.default ?? (m as DnsZonefileModule);
}

export function registerInterchange(ctx: ServerContext, _capabilities: ServerCapabilities): void {
  ctx.connection.onRequest(EXPORT_JSON_REQUEST, (params: { uri: string }): ExportJsonResult | ResponseError<never> =>
    ctx.answer('exportJson', () => {
      const doc = ctx.documents.get(params?.uri);
      if (!doc) return { json: '', notes: ['the document is not open'] };
      const r = zoneToZonefileJson(ctx.cache.get(doc).zone);
      const notes = [...r.unsupported].map(([type, n]) => `${n} ${type} record${n === 1 ? '' : 's'} left out: dns-zonefile has no shape for ${type}`);
      if (r.invalid > 0) notes.push(`${r.invalid} record${r.invalid === 1 ? '' : 's'} left out because they do not parse`);
      if (r.extraSoa > 0) notes.push(`${r.extraSoa} extra SOA record${r.extraSoa === 1 ? '' : 's'} left out`);
      return { json: JSON.stringify(r.json, null, 2) + '\n', notes };
    }),
  );
  ctx.connection.onRequest(IMPORT_JSON_REQUEST, (params: { json: string }): ImportJsonResult | ResponseError<never> =>
    ctx.answer('importJson', () => {
      let value: unknown;
      try {
        value = JSON.parse(String(params?.json ?? ''));
      } catch (err) {
        return { error: `not JSON: ${(err as Error).message}` };
      }
      const problems = checkZonefileJson(value);
      if (problems.length > 0) return { error: problems.join('; ') };
      return { text: generateZoneText(dnsZonefile(), value as ZonefileJson) };
    }),
  );
}

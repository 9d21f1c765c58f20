/** Loading dns-zonefile from the CLI (the language server bundles it instead). */
import { pathToFileURL } from 'node:url';
import type { DnsZonefileModule } from '../node/zonefileJson';

/**
 * dns-zonefile is an ES module and this CLI is CommonJS (and Node 20 cannot `require` ESM), so
 * it is loaded with a real dynamic `import()`. The Function wrapper keeps tsc from turning that
 * into `require`, and the resolved file URL keeps it working from the esbuild bundle too.
 */
export async function loadDnsZonefile(): Promise<DnsZonefileModule> {
  const url = pathToFileURL(require.resolve('dns-zonefile')).href;
  const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default?: DnsZonefileModule } & Partial<DnsZonefileModule>>;
  const m = await dynamicImport(url);
  const api = m.default ?? (m as DnsZonefileModule);
  if (typeof api.generate !== 'function' || typeof api.parse !== 'function') throw new Error('dns-zonefile does not export parse and generate');
  return api;
}


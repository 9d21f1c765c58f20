/**
 * DNS queries over the network through Node's stub resolver (c-ares): the system's servers, or
 * the one configured (`dnsZone.live.resolver`, `--resolver`). It does not read /etc/hosts, so
 * what it sees is what a remote mail server sees. Answers are reduced to three outcomes: data,
 * no data (NXDOMAIN or NODATA, a real answer), or a failure that says nothing about the name.
 */
import { promises as dns } from 'node:dns';
import type { ResolverAddress } from './settings';

export type QueryType = 'A' | 'AAAA' | 'PTR' | 'MX';

export type DnsAnswer =
  /** Lower-case names with a trailing dot (PTR, MX exchanges) or canonical addresses (A, AAAA). */
  | { kind: 'found'; values: string[] }
  | { kind: 'none'; reason: 'nxdomain' | 'nodata' }
  | { kind: 'failed'; reason: string };

export interface DnsClient {
  query(name: string, type: QueryType): Promise<DnsAnswer>;
  /** Which servers are asked, for the report. */
  readonly description: string;
}

/** Thrown when the run's AbortSignal fired while a query was outstanding. */
export class LiveCancelled extends Error {
  constructor() {
    super('live checks cancelled');
    this.name = 'LiveCancelled';
  }
}

export function createDnsClient(options: { server?: ResolverAddress; timeoutMs: number; signal?: AbortSignal }): DnsClient {
  // One try per server: a dead resolver should cost one timeout, not four.
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.server) resolver.setServers([options.server.server]);
  options.signal?.addEventListener('abort', () => resolver.cancel(), { once: true });
  const description = options.server ? options.server.server : `system resolver (${resolver.getServers().join(', ') || 'none configured'})`;

  const ask = async (name: string, type: QueryType): Promise<string[]> => {
    const bare = name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
    switch (type) {
      case 'A':
        return resolver.resolve4(bare);
      case 'AAAA':
        return resolver.resolve6(bare);
      case 'PTR':
        return (await resolver.resolvePtr(bare)).map(absolute);
      case 'MX':
        return (await resolver.resolveMx(bare)).sort((a, b) => a.priority - b.priority).map((mx) => absolute(mx.exchange));
    }
  };

  return {
    description,
    async query(name, type) {
      if (options.signal?.aborted) throw new LiveCancelled();
      try {
        const values = await ask(name, type);
        return values.length > 0 ? { kind: 'found', values } : { kind: 'none', reason: 'nodata' };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        if (code === dns.CANCELLED || options.signal?.aborted) throw new LiveCancelled();
        if (code === dns.NOTFOUND) return { kind: 'none', reason: 'nxdomain' };
        if (code === dns.NODATA) return { kind: 'none', reason: 'nodata' };
        return { kind: 'failed', reason: describeDnsError(code) };
      }
    },
  };
}

function absolute(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') ? n : n + '.';
}

const DNS_ERRORS: Record<string, string> = {
  [dns.TIMEOUT]: 'timed out',
  [dns.SERVFAIL]: 'SERVFAIL',
  [dns.REFUSED]: 'REFUSED',
  [dns.CONNREFUSED]: 'connection refused',
  [dns.BADRESP]: 'bad response',
  [dns.FORMERR]: 'FORMERR',
  [dns.NOTIMP]: 'NOTIMP',
  [dns.BADNAME]: 'not a valid name',
};

function describeDnsError(code: string): string {
  return DNS_ERRORS[code] ?? code;
}

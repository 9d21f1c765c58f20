/**
 * DNS queries over the network through Node's stub resolver (c-ares): the system's servers, or
 * the one configured (`dnsZone.live.resolver`, `--resolver`). It does not read /etc/hosts, so
 * what it sees is what a remote mail server sees. Answers are reduced to three outcomes: data,
 * no data (NXDOMAIN or NODATA, a real answer), or a failure that says nothing about the name.
 *
 * The time limit is ours, not c-ares': its `timeout` option is only the first guess of an
 * adaptive per-try timeout that c-ares 1.34 caps at 5 s (and shortens to a few times a
 * server's average latency once it has answered), and its own retries go out from a new
 * port, where a late answer to an earlier try can no longer arrive. So each query gets a
 * timer for the configured limit, and asks again while c-ares gives up before it.
 */
import { promises as dns, type ResolverOptions } from 'node:dns';
import { performance } from 'node:perf_hooks';
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

/**
 * A c-ares timeout sooner than this after the try began is not a slow server but a resolver
 * that fails at once; asking again would only spin until the deadline.
 */
const SHORTEST_RETRIED_TRY_MS = 100;

/** How one try ended: c-ares settled it, our deadline passed, or the run was cancelled. */
type TryOutcome = { kind: 'answer'; values: string[] } | { kind: 'error'; code: string } | { kind: 'deadline' } | { kind: 'aborted' };

export function createDnsClient(options: { server?: ResolverAddress; timeoutMs: number; signal?: AbortSignal }): DnsClient {
  const { signal, timeoutMs } = options;
  /**
   * A resolver (a c-ares channel) per try: `cancel()` ends every query of its channel, so a
   * shared one would take the sibling queries down with the one whose time is up; and a fresh
   * channel has no latency history to shorten its timeout from.
   */
  const newResolver = (waitMs: number): dns.Resolver => {
    // `maxTimeout` (Node 22.18+ / 24) lifts c-ares' 5 s cap per try; older Node ignores it. One
    // try per server: c-ares' retries could not receive a late answer anyway (see above).
    const settings: ResolverOptions & { maxTimeout?: number } = { timeout: waitMs, tries: 1, maxTimeout: waitMs };
    const resolver = new dns.Resolver(settings);
    if (options.server) resolver.setServers([options.server.server]);
    return resolver;
  };
  const description = options.server ? options.server.server : `system resolver (${newResolver(timeoutMs).getServers().join(', ') || 'none configured'})`;

  return {
    description,
    async query(name, type) {
      if (signal?.aborted) throw new LiveCancelled();
      const started = performance.now();
      const deadline = started + timeoutMs;
      const timedOut = (): DnsAnswer => ({ kind: 'failed', reason: `timed out after ${Math.round(performance.now() - started)} ms` });
      for (;;) {
        const waitMs = Math.ceil(deadline - performance.now());
        if (waitMs <= 0) return timedOut();
        const tryStarted = performance.now();
        const outcome = await oneTry(newResolver(waitMs), (resolver) => ask(resolver, name, type), waitMs, signal);
        switch (outcome.kind) {
          case 'answer':
            return outcome.values.length > 0 ? { kind: 'found', values: outcome.values } : { kind: 'none', reason: 'nodata' };
          case 'aborted':
            throw new LiveCancelled();
          case 'deadline':
            return timedOut();
          case 'error': {
            const { code } = outcome;
            if (code === dns.CANCELLED || signal?.aborted) throw new LiveCancelled();
            if (code === dns.TIMEOUT) {
              // c-ares gave up before our deadline: the server may just be slow, so ask again.
              if (performance.now() - tryStarted >= SHORTEST_RETRIED_TRY_MS) continue;
              return timedOut();
            }
            if (code === dns.NOTFOUND) return { kind: 'none', reason: 'nxdomain' };
            if (code === dns.NODATA) return { kind: 'none', reason: 'nodata' };
            return { kind: 'failed', reason: describeDnsError(code) };
          }
        }
      }
    },
  };
}

/**
 * Run one query on its own resolver, settling when c-ares answers or fails, when `waitMs` has
 * passed, or at once when `signal` aborts; the last two cancel the query so that no socket or
 * timer of it outlives the try.
 */
function oneTry(resolver: dns.Resolver, run: (resolver: dns.Resolver) => Promise<string[]>, waitMs: number, signal: AbortSignal | undefined): Promise<TryOutcome> {
  return new Promise<TryOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: TryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
      // Its ECANCELLED rejection lands in `finish` above, which ignores it.
      if (outcome.kind === 'deadline' || outcome.kind === 'aborted') resolver.cancel();
    };
    const onAbort = (): void => finish({ kind: 'aborted' });
    const timer = setTimeout(() => finish({ kind: 'deadline' }), waitMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) return finish({ kind: 'aborted' });
    run(resolver).then(
      (values) => finish({ kind: 'answer', values }),
      (err: unknown) => finish({ kind: 'error', code: (err as NodeJS.ErrnoException).code ?? String(err) }),
    );
  });
}

async function ask(resolver: dns.Resolver, name: string, type: QueryType): Promise<string[]> {
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
}

function absolute(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') ? n : n + '.';
}

const DNS_ERRORS: Record<string, string> = {
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

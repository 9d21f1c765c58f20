/**
 * The live mail-server check of one zone: find the mail hosts (targets.ts), resolve them (zone
 * first, then DNS), and for each address read its reverse DNS, confirm it forward, and talk to
 * the SMTP port of MX hosts. Addresses are checked in parallel, a few at a time, so a run takes
 * about as long as its slowest server; each address is checked once, under its first mention.
 */
import type { Zone } from '../language/model/zone';
import type { Workspace } from '../language/workspace/workspace';
import { bare } from '../language/checks/mail/records';
import { greetingName } from './banner';
import { LiveCancelled, type DnsClient } from './dnsClient';
import { assessAddress, assessResolution, type AddressCheck, type LiveFinding } from './findings';
import { LiveLookup, type LiveAnswer } from './lookup';
import { probeSmtp } from './smtpProbe';
import { liveTargets, type LiveTarget } from './targets';

export interface LiveRunOptions {
  dns: DnsClient;
  smtpPort: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called as addresses are finished (`done` of `total`), for progress reports. */
  onProgress?(progress: { done: number; total: number; message: string }): void;
  /** Addresses checked at the same time. */
  concurrency?: number;
}

export interface TargetResult {
  target: LiveTarget;
  /** How the target's hosts were found: `host -> addresses`, or for SPF `mx:domain` the MX hosts first. */
  resolutions: { name: string; what: 'addresses' | 'mx'; answer: LiveAnswer }[];
  addresses: AddressCheck[];
  /** Findings about the target: resolving it (no address, lookup failed), then each of its addresses. */
  findings: LiveFinding[];
}

export interface LiveRunResult {
  zone: string | null;
  resolver: string;
  smtpPort: number;
  timeoutMs: number;
  targets: TargetResult[];
  /** All findings, in target order. */
  findings: LiveFinding[];
}

export async function runLiveChecks(zone: Zone, workspace: Workspace, options: LiveRunOptions): Promise<LiveRunResult> {
  const lookup = new LiveLookup(zone, workspace, options.dns);
  const targets = liveTargets(zone);
  options.onProgress?.({ done: 0, total: 0, message: `resolving ${targets.length} mail host${targets.length === 1 ? '' : 's'}` });
  const results = await untilAborted(Promise.all(targets.map((t) => resolveTarget(t, lookup, options.signal))), options.signal);

  // Each address once, at its first mention (MX targets come first).
  const seen = new Set<string>();
  const pending: AddressCheck[] = [];
  for (const r of results) {
    for (const a of r.addresses) {
      if (seen.has(a.address)) continue;
      seen.add(a.address);
      pending.push(a);
    }
    r.addresses = r.addresses.filter((a) => pending.includes(a));
  }

  let done = 0;
  await untilAborted(eachLimited(pending, options.concurrency ?? 8, async (check) => {
    await checkAddress(check, lookup, options);
    done++;
    options.onProgress?.({ done, total: pending.length, message: `${check.host ?? check.address} (${check.address})` });
  }), options.signal);

  const findings: LiveFinding[] = [];
  for (const r of results) {
    for (const a of r.addresses) r.findings.push(...assessAddress(a, options.smtpPort));
    findings.push(...r.findings);
  }
  return { zone: zone.origin, resolver: options.dns.description, smtpPort: options.smtpPort, timeoutMs: options.timeoutMs, targets: results, findings };
}

async function resolveTarget(target: LiveTarget, lookup: LiveLookup, signal: AbortSignal | undefined): Promise<TargetResult> {
  const result: TargetResult = { target, resolutions: [], addresses: [], findings: [] };
  const blank = (host: string | undefined, address: string): AddressCheck => ({ target, host, address, ptr: { kind: 'none', reason: 'nodata', source: 'dns' }, ptrNames: [] });
  if (target.address) {
    result.addresses.push(blank(undefined, target.address));
    return result;
  }
  let hosts: string[] = target.host ? [target.host] : [];
  if (target.mxOf) {
    const mx = await lookup.mx(target.mxOf);
    result.resolutions.push({ name: target.mxOf, what: 'mx', answer: mx });
    if (mx.kind === 'failed') result.findings.push({ code: 'live-check-incomplete', message: `The MX lookup of ${bare(target.mxOf)} (for ${target.label}) failed (${mx.reason}): its hosts were not checked.`, anchor: target.anchor });
    hosts = mx.kind === 'found' ? mx.values.filter((h) => h !== '.') : [];
  }
  for (const host of hosts) {
    if (signal?.aborted) throw new LiveCancelled();
    const answer = await lookup.addresses(host);
    result.resolutions.push({ name: host, what: 'addresses', answer });
    if (answer.kind === 'found') for (const address of answer.values) result.addresses.push(blank(host, address));
    else result.findings.push(...assessResolution(target, host, answer));
  }
  return result;
}

async function checkAddress(check: AddressCheck, lookup: LiveLookup, options: LiveRunOptions): Promise<void> {
  // The SMTP conversation is the slow part: start it while DNS is being asked.
  const smtp = check.target.role === 'mx' ? probeSmtp(check.address, { port: options.smtpPort, timeoutMs: options.timeoutMs, signal: options.signal }) : undefined;
  try {
    check.ptr = await lookup.ptr(check.address);
    if (check.ptr.kind === 'found') {
      check.ptrNames = await Promise.all(
        check.ptr.values.map(async (name) => {
          const addresses = await lookup.addresses(name);
          return { name, addresses, confirmed: addresses.kind === 'found' && addresses.values.includes(check.address) };
        }),
      );
    }
  } finally {
    // Never leave the probe's rejection unobserved, whatever happened above.
    if (smtp) check.smtp = await smtp;
  }
  if (check.smtp?.kind === 'greeted' && check.smtp.greeting.code === 220) {
    check.banner = greetingName(check.smtp.greeting);
    if (check.banner.kind === 'fqdn') check.bannerAddresses = await lookup.addresses(check.banner.name);
  }
}

/** Run `work` over `items`, at most `limit` at a time; the first failure (e.g. cancellation) stops the run. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Settle as soon as `signal` aborts, with LiveCancelled, instead of waiting for a DNS query or a
 * connection that cannot itself be interrupted (its own timeout still ends it later).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new LiveCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new LiveCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

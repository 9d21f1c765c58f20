/**
 * Live mail-server checks (docs/live-checks.md): Node-only code that makes network traffic, kept
 * out of the pure language service. Used by `zonelint --live` (cli/live.ts) and by the
 * `dnsZone/checkMailServers` request (lsp/handlers/liveChecks.ts), never by the offline pass.
 */
import type { Zone } from '../language/model/zone';
import type { Workspace } from '../language/workspace/workspace';
import { createDnsClient } from './dnsClient';
import { runLiveChecks, type LiveRunOptions, type LiveRunResult } from './runner';
import { parseResolverAddress } from './settings';

export interface CheckMailServersOptions {
  /** `address[:port]` of the DNS server to ask; empty or absent for the system's resolvers. */
  resolver?: string;
  smtpPort: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: LiveRunOptions['onProgress'];
}

/** Run the live checks for `zone`. Throws an Error for a malformed resolver address, LiveCancelled when aborted. */
export async function checkMailServers(zone: Zone, workspace: Workspace, options: CheckMailServersOptions): Promise<LiveRunResult> {
  let server;
  if (options.resolver && options.resolver.trim() !== '') {
    const parsed = parseResolverAddress(options.resolver);
    if ('error' in parsed) throw new Error(`resolver ${parsed.error}`);
    server = parsed;
  }
  const dns = createDnsClient({ server, timeoutMs: options.timeoutMs, signal: options.signal });
  return runLiveChecks(zone, workspace, { dns, smtpPort: options.smtpPort, timeoutMs: options.timeoutMs, signal: options.signal, onProgress: options.onProgress });
}

export { LiveCancelled } from './dnsClient';
export type { LiveRunResult, TargetResult } from './runner';
export type { LiveFinding, AddressCheck } from './findings';
export { formatLiveReport } from './report';
export { liveDiagnostics, liveSeverity, placeAnchor } from './place';
export { LiveFindingStore } from './findingStore';
export { defaultLiveSettings, readLiveSettings, parseResolverAddress, type LiveSettings } from './settings';

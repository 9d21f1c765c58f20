/**
 * `zonelint --live`: after the offline lint, the live mail-server checks of each zone
 * (server/src/live), whose findings join the others in the same output format, after the same
 * `--rule` settings and suppression comments. Also the parsing of the live options:
 * `--resolver ADDR[:PORT]`, `--smtp-port N`, `--smtp-timeout MS` (per step and per DNS query).
 */
import type { ZoneDiagnostic } from '../language/model/types';
import type { Workspace } from '../language/workspace/workspace';
import { checkMailServers, liveDiagnostics, parseResolverAddress, defaultLiveSettings } from '../live';
import type { CliOptions } from './args';
import { displayPath } from './files';
import { usageError, type CliIo } from './io';
import { compareProblems, toProblems, type LoadedZone, type Problem } from './lint';

export const LIVE_VALUED = ['--resolver', '--smtp-port', '--smtp-timeout'] as const;

export function applyLiveOption(o: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--resolver': {
      const r = parseResolverAddress(value);
      if ('error' in r) throw usageError(`--resolver: ${r.error}`);
      o.resolver = value;
      return;
    }
    case '--smtp-port':
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) throw usageError(`--smtp-port needs a port number 1-65535, not "${value}"`);
      o.smtpPort = Number(value);
      return;
    case '--smtp-timeout':
      if (!/^\d+$/.test(value) || Number(value) < 100 || Number(value) > 120000) throw usageError(`--smtp-timeout needs milliseconds between 100 and 120000, not "${value}"`);
      o.smtpTimeout = Number(value);
      return;
  }
}

export function checkLiveCombination(o: CliOptions): void {
  if (o.live) {
    if (o.exportJson || o.importJson !== undefined) throw usageError('--live cannot be combined with --export-json or --import-json');
    return;
  }
  const given = [o.resolver !== undefined && '--resolver', o.smtpPort !== undefined && '--smtp-port', o.smtpTimeout !== undefined && '--smtp-timeout'].filter(Boolean);
  if (given.length > 0) throw usageError(`${given.join(', ')} only make${given.length === 1 ? 's' : ''} sense with --live`);
}

/** The offline problems plus the live ones, in the usual order. Zones are checked one after the other. */
export async function withLiveProblems(problems: Problem[], zones: readonly LoadedZone[], workspace: Workspace, opts: CliOptions, io: CliIo): Promise<Problem[]> {
  const perZone: ZoneDiagnostic[][] = [];
  for (const z of zones) {
    const run = await checkMailServers(z.zone, workspace, {
      resolver: opts.resolver,
      smtpPort: opts.smtpPort ?? defaultLiveSettings.smtpPort,
      timeoutMs: opts.smtpTimeout ?? defaultLiveSettings.timeoutMs,
    });
    perZone.push(liveDiagnostics(z.zone, run.findings, opts.rules));
    const addresses = run.targets.reduce((n, t) => n + t.addresses.length, 0);
    if (run.targets.length > 0) io.stderr.write(`zonelint: live check of ${displayPath(z.path, io.cwd)}: ${run.targets.length} mail host${run.targets.length === 1 ? '' : 's'}, ${addresses} address${addresses === 1 ? '' : 'es'} (DNS: ${run.resolver})\n`);
  }
  return [...problems, ...toProblems(zones, perZone)].sort(compareProblems);
}

/**
 * Child process: times dns-zonefile's parse on one file and prints JSON on stdout. dns-zonefile is
 * an ES module; tsc (module node16) keeps this file's import() as a real dynamic import, which
 * Node allows from CommonJS.
 */
import * as fs from 'node:fs';

interface DnsZonefile {
  parse(text: string): Record<string, unknown>;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const text = fs.readFileSync(file, 'utf8');
  const mod = (await import('dns-zonefile')) as unknown as { default: DnsZonefile };
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const zone = mod.default.parse(text);
  const parseMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const parseCpuMs = (used.user + used.system) / 1000;
  // Records it understood: one array per type, plus the SOA object.
  let records = zone.soa ? 1 : 0;
  for (const v of Object.values(zone)) if (Array.isArray(v)) records += v.length;
  process.stdout.write(JSON.stringify({ parseMs, parseCpuMs, records, bytes: Buffer.byteLength(text) }) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`dns-zonefile runner: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
});

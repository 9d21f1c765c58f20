/**
 * Child process: our parse and our validation of one file, timed separately inside one fresh
 * Node process (so the first pass includes JIT warm-up, as a real `zonelint` run does). Prints
 * JSON on stdout. Validation mirrors the CLI: a one-zone workspace, default settings, a line index.
 */
import * as fs from 'node:fs';
import { parseDocument, validate, Workspace } from '../../../server/src/language/languageService';
import { LineIndex } from '../../../server/src/language/text/lineIndex';

/** CPU time (user + system, all threads) since `since`, in ms: robust against other load. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function rssKiB(): number {
  return Math.round(process.memoryUsage().rss / 1024);
}

function main(): void {
  const file = process.argv[2];
  const text = fs.readFileSync(file, 'utf8');
  const rssBeforeKiB = rssKiB();

  let t = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  const zone = parseDocument({ text, fileName: file });
  const parseMs = Number(process.hrtime.bigint() - t) / 1e6;
  const parseCpuMs = cpuMs(cpu);
  const rssAfterParseKiB = rssKiB();

  t = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const workspace = new Workspace();
  workspace.set(file, zone);
  const diagnostics = validate(zone, workspace, {}, new LineIndex(text));
  const validateMs = Number(process.hrtime.bigint() - t) / 1e6;
  const validateCpuMs = cpuMs(cpu);

  process.stdout.write(
    JSON.stringify({
      parseMs,
      parseCpuMs,
      validateMs,
      validateCpuMs,
      records: zone.records.length,
      diagnostics: diagnostics.length,
      bytes: Buffer.byteLength(text),
      rssBeforeKiB,
      rssAfterParseKiB,
      rssAfterValidateKiB: rssKiB(),
    }) + '\n',
  );
}

main();

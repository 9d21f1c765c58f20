/** `--export-json` and `--import-json`: the dns-zonefile JSON interchange, as CLI commands. */
import * as path from 'node:path';
import { parseDocument } from '../language/languageService';
import type { IncludeReader } from '../node/includeReader';
import { displayPath, readSourceText } from './files';
import { CliError, EXIT_OK, type CliIo } from './io';
import type { LintSource } from './lint';
import { checkZonefileJson, generateZoneText, zoneToZonefileJson, type ZonefileJson } from '../node/zonefileJson';
import { loadDnsZonefile } from './loadDnsZonefile';

/** Print the zone as dns-zonefile JSON; what could not be carried is listed on stderr. */
export function exportJson(source: LintSource, options: { origin?: string; readInclude: IncludeReader }, io: CliIo): number {
  const zone = parseDocument({ text: source.text, fileName: source.path, origin: options.origin, readInclude: options.readInclude, encoding: source.encoding });
  const { json, unsupported, invalid, extraSoa } = zoneToZonefileJson(zone);
  io.stdout.write(JSON.stringify(json, null, 2) + '\n');
  const name = displayPath(source.path, io.cwd);
  if (unsupported.size > 0) {
    const list = [...unsupported].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([t, n]) => `${n} ${t}`);
    io.stderr.write(`zonelint: ${name}: left out records of types dns-zonefile does not support: ${list.join(', ')}\n`);
  }
  if (invalid > 0) io.stderr.write(`zonelint: ${name}: left out ${invalid} record${invalid === 1 ? '' : 's'} that did not parse (run zonelint on the file to see why)\n`);
  if (extraSoa > 0) io.stderr.write(`zonelint: ${name}: left out ${extraSoa} extra SOA record${extraSoa === 1 ? '' : 's'} (dns-zonefile holds one)\n`);
  return EXIT_OK;
}

/** Print the zone text dns-zonefile generates from a JSON file. */
export async function importJson(file: string, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const name = displayPath(abs, io.cwd);
  const { text } = readSourceText(abs, name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${name}: not valid JSON: ${(err as Error).message}`);
  }
  const problems = checkZonefileJson(value);
  if (problems.length) throw new CliError(problems.map((p) => `${name}: ${p}`).join('\n'));
  let api;
  try {
    api = await loadDnsZonefile();
  } catch (err) {
    throw new CliError(`cannot load dns-zonefile: ${(err as Error).message}`);
  }
  let zoneText: string;
  try {
    zoneText = generateZoneText(api, value as ZonefileJson);
  } catch (err) {
    throw new CliError(`${name}: dns-zonefile could not generate a zone from it: ${(err as Error).message}`);
  }
  io.stdout.write(zoneText);
  return EXIT_OK;
}

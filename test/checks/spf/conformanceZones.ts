/**
 * The zonedata of an openspf scenario as zone files: one zone per parent domain (the last two
 * labels of each name, e.g. example.com or in-addr.arpa), every record written with an absolute
 * owner, and all zones in one Workspace. TXT data follows the suite's conventions through
 * `Scenario.txtAt` (SPF entries are served as TXT unless the name has TXT data of its own).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/language/languageService';
import { Workspace } from '../../../server/src/language/workspace/workspace';
import { loadAllYaml, type YamlValue } from '../../spf/yamlSubset';
import { normalizeName, SUITE_DIR, type Scenario } from '../../spf/suite';

type YamlMap = { [key: string]: YamlValue };
const asMap = (v: YamlValue | undefined): YamlMap => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const asList = (v: YamlValue | undefined): YamlValue[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const absolute = (name: string): string => `${normalizeName(name)}.`;

/** The owner names of each scenario's zonedata, in suite order (Scenario does not expose them). */
export function scenarioNames(file: string): string[][] {
  const docs = loadAllYaml(fs.readFileSync(path.join(SUITE_DIR, file), 'utf8'));
  return docs.map((doc) => Object.keys(asMap(asMap(doc).zonedata)).map(normalizeName));
}

/** The non-TXT records of each scenario's zonedata, as zone-file lines, by owner. */
function otherRecords(file: string): Map<string, string[]>[] {
  const docs = loadAllYaml(fs.readFileSync(path.join(SUITE_DIR, file), 'utf8'));
  return docs.map((doc) => {
    const byOwner = new Map<string, string[]>();
    for (const [owner, entries] of Object.entries(asMap(asMap(doc).zonedata))) {
      const lines: string[] = [];
      for (const entry of asList(entries)) {
        for (const [type, value] of Object.entries(asMap(entry))) {
          const line = recordLine(absolute(owner), type, value);
          if (line) lines.push(line);
        }
      }
      byOwner.set(normalizeName(owner), lines);
    }
    return byOwner;
  });
}

function recordLine(owner: string, type: string, value: YamlValue): string | undefined {
  switch (type) {
    case 'A':
    case 'AAAA':
      return `${owner} IN ${type} ${String(value)}`;
    case 'PTR':
    case 'CNAME':
      return `${owner} IN ${type} ${absolute(String(value))}`;
    case 'MX': {
      const [preference, host] = asList(value);
      return `${owner} IN MX ${String(preference)} ${host === '' ? '.' : absolute(String(host))}`;
    }
    default:
      // TXT and SPF come through Scenario.txtAt; TIMEOUT and RCODE have no zone-file form.
      return undefined;
  }
}

function quoted(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => '\\' + c)}"`;
}

/** The parent domain a name's zone is made for. */
export function zoneOriginOf(name: string): string {
  const labels = normalizeName(name).split('.');
  return labels.slice(-2).join('.') + '.';
}

/** A workspace holding the scenario's zonedata; uris are `<origin>zone`. */
export function scenarioWorkspace(scenario: Scenario, names: string[], others: Map<string, string[]>): Workspace {
  const texts = new Map<string, string[]>();
  for (const name of names) {
    const origin = zoneOriginOf(name);
    const lines = texts.get(origin) ?? [`$ORIGIN ${origin}`, '$TTL 3600', `@ IN SOA ns.${origin} hostmaster.${origin} 1 3600 600 86400 3600`, `@ IN NS ns.${origin}`];
    for (const strings of scenario.txtAt(name)) lines.push(`${absolute(name)} IN TXT ${strings.map(quoted).join(' ')}`);
    lines.push(...(others.get(name) ?? []));
    texts.set(origin, lines);
  }
  const ws = new Workspace();
  for (const [origin, lines] of texts) {
    const uri = `${origin}zone`;
    ws.set(uri, parseDocument({ text: lines.join('\n') + '\n', origin, fileName: uri }));
  }
  return ws;
}

/** Per scenario of a suite file: its owner names and its non-TXT records. */
export function scenarioData(file: string): { names: string[]; others: Map<string, string[]> }[] {
  const names = scenarioNames(file);
  const others = otherRecords(file);
  return names.map((n, i) => ({ names: n, others: others[i] }));
}

/**
 * Reads the openspf conformance suites (../shared/conformance/spf/*.yml) into scenarios with
 * a queryable zone, following the conventions of pyspf's test driver: an SPF entry is also
 * served as TXT unless its owner has TXT data of its own, and a record given as a list of
 * strings is one TXT record whose strings are joined with no separator.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAllYaml, type YamlValue } from './yamlSubset';

export const SUITE_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'conformance', 'spf');

export interface SuiteTest {
  /** `<suite file>#<scenario index>/<test name>`, unique across both suites. */
  key: string;
  name: string;
  /** The first spec reference, e.g. `4.6.1/2`. */
  spec: string;
  description: string;
  mailfrom: string;
  helo: string;
  results: string[];
}

export interface Scenario {
  description: string;
  tests: SuiteTest[];
  /** TXT records served at `name` (lower case, no trailing dot); each is a list of strings. */
  txtAt(name: string): string[][];
}

type YamlMap = { [key: string]: YamlValue };
const asMap = (v: YamlValue | undefined): YamlMap => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const asList = (v: YamlValue | undefined): YamlValue[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: YamlValue | undefined): string => (v === undefined || v === null ? '' : String(v));

export const normalizeName = (name: string): string => name.toLowerCase().replace(/\.$/, '');

export function loadSuite(file: string): Scenario[] {
  const docs = loadAllYaml(fs.readFileSync(path.join(SUITE_DIR, file), 'utf8'));
  return docs.map((doc, index) => {
    const d = asMap(doc);
    const tests = Object.entries(asMap(d.tests)).map(([name, t]): SuiteTest => {
      const m = asMap(t);
      return {
        key: `${file}#${index}/${name}`,
        name,
        spec: text(asList(m.spec)[0]).split(',')[0].trim(),
        description: text(m.description),
        mailfrom: text(m.mailfrom),
        helo: text(m.helo),
        results: asList(m.result).map(text),
      };
    });
    const zone = new Map<string, { txt: string[][]; spf: string[][]; hasTxt: boolean }>();
    for (const [owner, entries] of Object.entries(asMap(d.zonedata))) {
      const slot = zone.get(normalizeName(owner)) ?? { txt: [], spf: [], hasTxt: false };
      zone.set(normalizeName(owner), slot);
      for (const entry of asList(entries)) {
        for (const [type, value] of Object.entries(asMap(entry))) {
          if (type !== 'TXT' && type !== 'SPF') continue;
          if (type === 'TXT') slot.hasTxt = true;
          if (value === 'NONE') continue; // the type exists at the name, with no data
          const strings = Array.isArray(value) ? value.map(text) : [text(value)];
          (type === 'TXT' ? slot.txt : slot.spf).push(strings);
        }
      }
    }
    return {
      description: text(d.description),
      tests,
      txtAt(name: string): string[][] {
        const slot = zone.get(normalizeName(name));
        if (!slot) return [];
        return slot.hasTxt ? slot.txt : slot.spf;
      },
    };
  });
}

/** The domain check_host() starts from: the MAIL FROM domain, or the HELO name when it is empty. */
export function evaluatedDomain(t: SuiteTest): string {
  if (t.mailfrom === '') return normalizeName(t.helo);
  return normalizeName(t.mailfrom.slice(t.mailfrom.lastIndexOf('@') + 1));
}

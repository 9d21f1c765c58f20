/**
 * JSON interchange with the `dns-zonefile` package. Export converts OUR model (parsed with full
 * error handling and `$INCLUDE`s followed) into the object shape dns-zonefile's `parse` produces;
 * import hands such an object to dns-zonefile's `generate` to get zone text. Only the types
 * dns-zonefile knows are carried: SOA, NS, A, AAAA, CNAME, MX, PTR, TXT, SRV, SPF, CAA, DS.
 */
import type { Zone } from '../language/model/zone';
import type { ZoneRecord } from '../language/model/types';
import type { RdataField } from '../language/rrtypes/spec';
import type { CharString } from '../language/text/charString';
import { relativeTo } from '../language/rrtypes/names';
import { parseTtl } from '../language/rrtypes/numbers';
import { formatCharString } from '../language/rrtypes/charStrings';

type Ttl = { ttl?: number };
export interface ZonefileJson {
  $origin?: string;
  $ttl?: number | string;
  soa?: { name: string; mname: string; rname: string; serial: number | string; refresh: number; retry: number; expire: number; minimum: number } & Ttl;
  ns?: ({ name: string; host: string } & Ttl)[];
  a?: ({ name: string; ip: string } & Ttl)[];
  aaaa?: ({ name: string; ip: string } & Ttl)[];
  cname?: ({ name: string; alias: string } & Ttl)[];
  mx?: ({ name: string; preference: number; host: string } & Ttl)[];
  ptr?: ({ name: string; fullname: string; host: string } & Ttl)[];
  txt?: ({ name: string; txt: string } & Ttl)[];
  srv?: ({ name: string; target: string; priority: number; weight: number; port: number } & Ttl)[];
  spf?: ({ name: string; data: string } & Ttl)[];
  caa?: ({ name: string; flags: number; tag: string; value: string } & Ttl)[];
  ds?: ({ name: string; key_tag: string; algorithm: string; digest_type: string; digest: string } & Ttl)[];
}

/** The record types dns-zonefile carries, as our upper-case mnemonics. */
export const ZONEFILE_TYPES: readonly string[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'PTR', 'TXT', 'SRV', 'SPF', 'CAA', 'DS'];

export interface ExportResult {
  json: ZonefileJson;
  /** Records left out because dns-zonefile has no shape for their type, by type. */
  unsupported: Map<string, number>;
  /** Records left out because they did not parse. */
  invalid: number;
  /** SOA records beyond the first (dns-zonefile holds one). */
  extraSoa: number;
}

export function zoneToZonefileJson(zone: Zone): ExportResult {
  const origin = zone.origin;
  const json: ZonefileJson = {};
  if (origin) json.$origin = origin;
  const defaultTtl = firstTtlDirective(zone);
  if (defaultTtl !== undefined) json.$ttl = defaultTtl;
  const result: ExportResult = { json, unsupported: new Map(), invalid: 0, extraSoa: 0 };
  const owner = (r: ZoneRecord): string => (origin ? relativeTo(r.owner, origin) : r.owner);
  // dns-zonefile writes a record's TTL only when it has one; leave it out when $TTL gives the same.
  const ttl = (r: ZoneRecord): Ttl => (defaultTtl !== undefined && r.ttl === defaultTtl ? {} : { ttl: r.ttl });
  const push = <K extends keyof ZonefileJson>(key: K, item: NonNullable<ZonefileJson[K]> extends (infer T)[] ? T : never): void => {
    ((json[key] ??= [] as never) as unknown[]).push(item);
  };
  for (const r of zone.records) {
    if (!r.valid) {
      result.invalid++;
      continue;
    }
    const f = r.rdata;
    const name = owner(r);
    switch (r.type) {
      case 'SOA':
        if (json.soa) {
          result.extraSoa++;
          break;
        }
        json.soa = { name, mname: text(f[0]), rname: text(f[1]), serial: num(f[2]), refresh: num(f[3]), retry: num(f[4]), expire: num(f[5]), minimum: num(f[6]), ...ttl(r) };
        break;
      case 'NS':
        push('ns', { name, host: text(f[0]), ...ttl(r) });
        break;
      case 'A':
        push('a', { name, ip: text(f[0]), ...ttl(r) });
        break;
      case 'AAAA':
        push('aaaa', { name, ip: text(f[0]), ...ttl(r) });
        break;
      case 'CNAME':
        push('cname', { name, alias: text(f[0]), ...ttl(r) });
        break;
      case 'MX':
        push('mx', { name, preference: num(f[0]), host: text(f[1]), ...ttl(r) });
        break;
      case 'PTR':
        push('ptr', { name, fullname: r.owner, host: text(f[0]), ...ttl(r) });
        break;
      case 'TXT':
        push('txt', { name, txt: presentationStrings(f), ...ttl(r) });
        break;
      case 'SPF':
        push('spf', { name, data: presentationStrings(f), ...ttl(r) });
        break;
      case 'SRV':
        push('srv', { name, priority: num(f[0]), weight: num(f[1]), port: num(f[2]), target: text(f[3]), ...ttl(r) });
        break;
      case 'CAA':
        push('caa', { name, flags: num(f[0]), tag: text(f[1]), value: formatCharString(text(f[2])), ...ttl(r) });
        break;
      case 'DS':
        push('ds', { name, key_tag: text(f[0]), algorithm: text(f[1]), digest_type: text(f[2]), digest: text(f.slice(3)), ...ttl(r) });
        break;
      default:
        result.unsupported.set(r.type, (result.unsupported.get(r.type) ?? 0) + 1);
    }
  }
  return result;
}

/** The value of the zone's first valid `$TTL`, which the generated text will start with. */
function firstTtlDirective(zone: Zone): number | undefined {
  for (const d of zone.directives) {
    if (d.name !== '$TTL' || d.file !== 0 || d.args.length !== 1) continue;
    const v = parseTtl(d.args[0].text);
    if (typeof v === 'number' && v <= 2147483647) return v;
  }
  return undefined;
}

function isCharString(v: unknown): v is CharString {
  return typeof v === 'object' && v !== null && typeof (v as CharString).value === 'string' && typeof (v as CharString).start === 'number';
}

/** A field as plain text: names canonical absolute, numbers in decimal, strings decoded. */
function text(f: RdataField | RdataField[] | undefined): string {
  if (f === undefined) return '';
  if (Array.isArray(f)) return f.map((x) => text(x)).join('');
  const v = f.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isCharString(v)) return v.value;
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (isCharString(x) ? x.value : String(x))).join(' ');
  return String(v);
}

function num(f: RdataField | undefined): number {
  if (f && typeof f.value === 'number') return f.value;
  return Number(text(f));
}

/** TXT/SPF rdata in presentation form, as dns-zonefile's parse keeps it: quoted strings separated by spaces. */
function presentationStrings(fields: readonly RdataField[]): string {
  const strings: string[] = [];
  for (const f of fields) {
    const v = f.value;
    if (Array.isArray(v)) for (const x of v as unknown[]) strings.push(isCharString(x) ? x.value : String(x));
    else strings.push(isCharString(v) ? v.value : String(v));
  }
  return strings.map(formatCharString).join(' ');
}

/** What each record list must hold for dns-zonefile's generate to write a complete record. */
const REQUIRED: Record<string, readonly string[]> = {
  ns: ['host'],
  a: ['ip'],
  aaaa: ['ip'],
  cname: ['alias'],
  mx: ['preference', 'host'],
  ptr: ['host'],
  txt: ['txt'],
  srv: ['priority', 'weight', 'port', 'target'],
  spf: ['data'],
  caa: ['flags', 'tag', 'value'],
  ds: ['key_tag', 'algorithm', 'digest_type', 'digest'],
};
const SOA_REQUIRED = ['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum'];

/**
 * Check that `value` has the shape dns-zonefile's generate needs; it would otherwise crash (no
 * SOA) or write `undefined` into the zone. Returns the problems found, empty when usable.
 */
export function checkZonefileJson(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the JSON must be an object like dns-zonefile\'s parse output ({"$origin", "soa", "ns", "a", ...})'];
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof o.soa !== 'object' || o.soa === null || Array.isArray(o.soa)) {
    problems.push('"soa" is missing or not an object (dns-zonefile\'s generate needs one)');
  } else {
    for (const k of SOA_REQUIRED) if (!present((o.soa as Record<string, unknown>)[k])) problems.push(`"soa" has no "${k}"`);
  }
  for (const [key, fields] of Object.entries(REQUIRED)) {
    const list = o[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`"${key}" must be an array`);
      continue;
    }
    list.forEach((item, i) => {
      if (typeof item !== 'object' || item === null) problems.push(`"${key}"[${i}] must be an object`);
      else for (const k of fields) if (!present((item as Record<string, unknown>)[k])) problems.push(`"${key}"[${i}] has no "${k}"`);
    });
  }
  return problems;
}

function present(v: unknown): boolean {
  return (typeof v === 'string' && v !== '') || typeof v === 'number';
}

export interface DnsZonefileModule {
  parse(text: string): ZonefileJson;
  generate(json: ZonefileJson): string;
}

/**
 * Zone text from a dns-zonefile JSON object. dns-zonefile stamps the export time into a comment;
 * that line is dropped so the same JSON always gives the same text.
 */
export function generateZoneText(api: DnsZonefileModule, json: ZonefileJson): string {
  return api.generate(forGenerate(json)).replace(/^; Exported .*\r?\n/m, '');
}

/**
 * `json` as dns-zonefile's generate() writes it faithfully. It builds the text with
 * String.prototype.replace, values as the replacement: a `$'` or `` $` `` in a TXT record would
 * pull in pieces of its template, and a TXT string holding `{srv}` or `{zone}` would take the
 * place of that section's placeholder. So `$` goes in as `$$` (replace writes one) and `{` in
 * character-strings as the escape `\123` (the zone text means the same). And it leaves out a TTL of
 * 0 (it tests the value for truth), so the record would take the `$TTL`: 0 goes in as the text
 * "0". A copy: generate() also writes into what it gets.
 */
function forGenerate(json: ZonefileJson): ZonefileJson {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (Array.isArray(value)) copy[key] = value.map((r) => recordForGenerate(key, r));
    else if (key === 'soa') copy[key] = recordForGenerate(key, value);
    else copy[key] = typeof value === 'string' ? value.split('$').join('$$') : value;
  }
  return copy as ZonefileJson;
}

/** Fields holding character-strings in presentation form, by section. */
const CHAR_STRING_FIELDS: Record<string, string> = { txt: 'txt', spf: 'data', caa: 'value' };

function recordForGenerate(section: string, record: unknown): unknown {
  if (record === null || typeof record !== 'object') return record;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'ttl' && value === 0) out[field] = '0';
    else if (typeof value !== 'string') out[field] = value;
    else out[field] = (CHAR_STRING_FIELDS[section] === field ? escapeBraces(value) : value).split('$').join('$$');
  }
  return out;
}

/** `{` written as `\123` in presentation text, escapes left as they are. */
function escapeBraces(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
    } else out += c === '{' ? '\\123' : c;
  }
  return out;
}

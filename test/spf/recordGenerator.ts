/**
 * Deterministic generator of SPF records for differential testing: realistic valid records,
 * mutated by dropping, inserting and replacing characters, swapping mechanisms, and planting
 * bad prefix lengths, macros, addresses and domain-specs. A seeded PRNG keeps every run
 * identical, so a disagreement found once is found again.
 */
import { prng } from '../helpers/prng';

/** mulberry32 (test/helpers/prng.ts), under the name this file's callers use. */
export const seededRandom = prng;

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

export const BASE_RECORDS: readonly string[] = [
  'v=spf1 mx a -all',
  'v=spf1 include:_spf.google.com ~all',
  'v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 -all',
  'v=spf1 a:mail.example.com/28 mx:example.org//64 ?all',
  'v=spf1 exists:%{i}.list.example.com -all',
  'v=spf1 redirect=_spf.example.com',
  'v=spf1 ptr:example.com -all exp=explain.example.com',
  'v=spf1 include:spf.protection.outlook.com include:servers.mcsv.net -all',
  'v=spf1 a/24//64 mx/26 ~all',
  'v=spf1 ip6:::ffff:192.0.2.1 ip6:fe80::1/64 -all',
  'v=spf1 exists:%{l1r-}.%{d2}.user.example.com ?all',
  'v=spf1 -include:%{d}.bl.example.com +a',
  'v=spf1 a:%{h}.example.com mx:%{o}.example.org -all',
  'v=spf1 foo=bar ip4:203.0.113.5/32 -all',
  'v=spf1 +mx ~a:relay.example.net -all exp=why.%{d}',
];

const MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists', 'redirect', 'exp', 'ipv4', 'inlcude', 'foo'];
const QUALIFIERS = ['', '', '', '', '+', '-', '~', '?', '!'];
const DOMAINS = [
  'example.com', 'mail.example.com.', '_spf.example.org', 'museum', '1.2.3.4', 'foo-bar', 'example.-com', 'x.y-',
  'xn--zckzah.example', 'example.1a', 'a.b.123', 'example.com:8080', 'EXAMPLE.COM', 'a..b.example.com',
  '%{d}', '%{i}.x.example.com', '%{ir}.%{v}.arpa.example.net', '%{d}com', 'x.%{l}', '%{d}.', '', 'sub.example.com/24',
];
const ADDRESSES = [
  '192.0.2.1', '192.0.2.256', '1.2.3', '192.0.2.01', '0.0.0.0', '::1', '2001:db8::', '1::2::3', '::ffff:1.2.3.4',
  'fe80::1%eth0', '2001:db8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8:9', 'gggg::1', '', '192.0.2.1:25',
];
const CIDRS = ['', '', '/0', '/24', '/32', '/33', '/64', '/128', '/129', '/024', '/00', '//64', '//129', '/24//64', '/', '//', '/24/64'];
const MACROS = [
  '%{d}', '%{i}', '%{ir}', '%{l1r-}', '%{D2}', '%{o.}', '%{h}', '%{s}', '%{v}', '%{p}', '%{c}', '%{r}', '%{t}',
  '%{x}', '%{d0}', '%{d2x}', '%{dr2}', '%{}', '%{d', '%%', '%_', '%-', '%', '%(d)', '%{i.-+,/_=}',
];
const NOISE = ':/.=%{}-+~?!_0123456789abcxyz   '.split('');

/** One random term, usually well-formed, sometimes not. */
export function randomTerm(rand: Rand): string {
  const name = pick(rand, MECHANISMS);
  const q = name === 'redirect' || name === 'exp' ? (rand() < 0.9 ? '' : pick(rand, QUALIFIERS)) : pick(rand, QUALIFIERS);
  const sep = name === 'redirect' || name === 'exp' ? (rand() < 0.85 ? '=' : ':') : rand() < 0.9 ? ':' : '=';
  switch (name) {
    case 'all':
      return q + name + (rand() < 0.8 ? '' : pick(rand, [':x', '/8', '.']));
    case 'ip4':
    case 'ip6':
      return q + name + (rand() < 0.95 ? sep : '') + pick(rand, ADDRESSES) + pick(rand, CIDRS);
    case 'a':
    case 'mx':
      return q + name + (rand() < 0.5 ? '' : sep + pick(rand, DOMAINS)) + pick(rand, CIDRS);
    case 'ptr':
      return q + name + (rand() < 0.5 ? '' : sep + pick(rand, DOMAINS));
    default:
      return q + name + sep + pick(rand, DOMAINS);
  }
}

type Mutation = (record: string, rand: Rand) => string;

/** Index in `record` past the version tag, so mutations keep the record an SPF record. */
const bodyIndex = (record: string, rand: Rand, extra = 0): number => 7 + Math.floor(rand() * (record.length - 7 + extra));

const terms = (record: string): string[] => record.slice(7).split(' ').filter((t) => t !== '');
const fromTerms = (list: string[]): string => ['v=spf1', ...list].join(' ');

const MUTATIONS: readonly Mutation[] = [
  // Drop one character.
  (r, rand) => {
    if (r.length <= 7) return r;
    const i = bodyIndex(r, rand);
    return r.slice(0, i) + r.slice(i + 1);
  },
  // Insert a character that matters to SPF syntax.
  (r, rand) => {
    const i = bodyIndex(r, rand, 1);
    return r.slice(0, i) + pick(rand, NOISE) + r.slice(i);
  },
  // Replace one character.
  (r, rand) => {
    if (r.length <= 7) return r;
    const i = bodyIndex(r, rand);
    return r.slice(0, i) + pick(rand, NOISE) + r.slice(i + 1);
  },
  // Swap a mechanism name.
  (r, rand) => {
    const list = terms(r);
    if (list.length === 0) return r;
    const k = Math.floor(rand() * list.length);
    list[k] = list[k].replace(/^([+\-~?]?)[A-Za-z0-9]+/, (_m, q: string) => q + pick(rand, MECHANISMS));
    return fromTerms(list);
  },
  // Replace or add a prefix length.
  (r, rand) => {
    const list = terms(r);
    if (list.length === 0) return r;
    const k = Math.floor(rand() * list.length);
    list[k] = list[k].replace(/(\/+[0-9]*)*$/, '') + pick(rand, CIDRS);
    return fromTerms(list);
  },
  // Plant a macro inside a term's argument.
  (r, rand) => {
    const list = terms(r);
    const k = list.findIndex((t) => /[:=]/.test(t));
    if (k < 0) return r;
    const t = list[k];
    const at = t.search(/[:=]/) + 1 + Math.floor(rand() * (t.length - t.search(/[:=]/)));
    list[k] = t.slice(0, at) + pick(rand, MACROS) + t.slice(at);
    return fromTerms(list);
  },
  // Replace a term by a random one.
  (r, rand) => {
    const list = terms(r);
    list[Math.floor(rand() * list.length)] = randomTerm(rand);
    return fromTerms(list);
  },
  // Add a random term somewhere.
  (r, rand) => {
    const list = terms(r);
    list.splice(Math.floor(rand() * (list.length + 1)), 0, randomTerm(rand));
    return fromTerms(list);
  },
  // Duplicate a term (duplicate redirect= and exp= are errors).
  (r, rand) => {
    const list = terms(r);
    if (list.length === 0) return r;
    list.push(pick(rand, list));
    return fromTerms(list);
  },
  // Turn ':' into '=' or back.
  (r, rand) => {
    const list = terms(r);
    const k = list.findIndex((t) => /[:=]/.test(t));
    if (k < 0) return r;
    list[k] = list[k].replace(/[:=]/, (c) => (c === ':' ? '=' : rand() < 0.5 ? ':' : '='));
    return fromTerms(list);
  },
];

/** `count` records: a few untouched bases, the rest mutated one to three times. */
export function generateRecords(count: number, seed: number): string[] {
  const rand = seededRandom(seed);
  const out: string[] = [...BASE_RECORDS];
  while (out.length < count) {
    let record = pick(rand, BASE_RECORDS);
    const steps = 1 + Math.floor(rand() * 3);
    for (let s = 0; s < steps; s++) record = pick(rand, MUTATIONS)(record, rand);
    out.push(record);
  }
  return out;
}

/** Splits `record` into one to three character-strings at random points (joined with no separator). */
export function splitIntoStrings(record: string, rand: Rand): string[] {
  const pieces = 1 + Math.floor(rand() * 3);
  const cuts = new Set<number>();
  for (let i = 1; i < pieces; i++) cuts.add(1 + Math.floor(rand() * (record.length - 1)));
  const sorted = [...cuts].sort((a, b) => a - b);
  const strings: string[] = [];
  let prev = 0;
  for (const c of sorted) {
    strings.push(record.slice(prev, c));
    prev = c;
  }
  strings.push(record.slice(prev));
  return strings;
}

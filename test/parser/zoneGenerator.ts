/**
 * Random zones from a seeded PRNG, for differential testing against BIND: a mix of record types
 * written in every legal style (relative/absolute/blank owners, TTL and class in either order or
 * absent, parentheses across lines, comments, escapes, $ORIGIN changes, CRLF), and optionally a
 * few deliberate defects that BIND refuses. The same seed always gives the same zone.
 */

import { prng } from '../helpers/prng';

export { prng };

export interface GeneratedZone {
  seed: number;
  origin: string;
  text: string;
  /** Records written that are valid on their own (defect lines excluded). */
  goodRecords: number;
  /** The defects put in, by kind. */
  defects: string[];
}

export const DEFECTS = [
  'bad-ipv4',
  'unknown-type',
  'label-64',
  'missing-rdata',
  'bad-escape',
  'unterminated-quote',
  'stray-close-paren',
  'bad-ttl',
  'bad-base64',
  'mx-without-preference',
  'cname-and-other-data',
  'bad-ipv6',
  'unknown-directive',
] as const;

class Gen {
  private readonly used = new Set<string>();
  /** Owners that must stay alone (CNAME owners). */
  private readonly exclusive = new Set<string>();
  lines: string[] = [];
  good = 0;
  /** The current owner may be inherited by a blank-owner line. */
  private inheritable: string | null = null;

  constructor(readonly r: () => number) {}

  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }

  label(): string {
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    const n = 1 + this.int(10);
    for (let i = 0; i < n; i++) s += chars[this.int(chars.length)];
    if (this.chance(0.1)) s = s.toUpperCase();
    if (this.chance(0.05)) s += this.pick(['\\.dot', '\\032sp', '\\ sp', '-x', '_u']);
    return s;
  }

  /** A fresh owner (relative), never used before. */
  freshOwner(): string {
    for (;;) {
      const l = this.chance(0.3) ? `${this.label()}.${this.label()}` : this.label();
      const key = l.toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return l;
      }
    }
  }

  /** An owner for a new record: fresh, reused, blank (inherited) or written absolute. */
  ownerField(origin: string, allowBlank: boolean): { text: string; key: string } {
    if (allowBlank && this.inheritable && !this.exclusive.has(this.inheritable) && this.chance(0.2)) return { text: '', key: this.inheritable };
    const reusable = [...this.used].filter((u) => !this.exclusive.has(u));
    const name = reusable.length > 0 && this.chance(0.3) ? this.pick(reusable) : this.freshOwner();
    const key = name.toLowerCase();
    const text = this.chance(0.2) ? `${name}.${origin}` : name;
    return { text, key };
  }

  ttlClass(): string {
    const ttl = this.pick(['', '', '300', '3600', '1h', '2H30M', '1d', '1w', '0', '86400']);
    const cls = this.pick(['', 'IN', 'in']);
    const parts = this.chance(0.5) ? [ttl, cls] : [cls, ttl];
    return parts.filter(Boolean).join(' ');
  }

  hex(bytes: number): string {
    let s = '';
    for (let i = 0; i < bytes; i++) s += this.int(256).toString(16).padStart(2, '0');
    return this.chance(0.3) ? s.toUpperCase() : s;
  }

  base64(bytes: number): string {
    const b = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) b[i] = this.int(256);
    return b.toString('base64');
  }

  charString(): string {
    const n = this.int(40);
    let s = '';
    for (let i = 0; i < n; i++) {
      const k = this.int(20);
      if (k === 0) s += '\\"';
      else if (k === 1) s += '\\\\';
      else if (k === 2) s += '\\' + String(this.int(256)).padStart(3, '0');
      else if (k === 3) s += this.pick([';', '(', ')', ' ', '\t', '$', '@']);
      else s += String.fromCharCode(0x21 + this.int(94)).replace(/["\\]/, 'x');
    }
    return `"${s}"`;
  }

  ipv4(): string {
    return [this.int(256), this.int(256), this.int(256), this.int(256)].join('.');
  }

  ipv6(): string {
    const groups = Array.from({ length: 8 }, () => (this.chance(0.3) ? '0' : this.int(65536).toString(16)));
    const text = groups.join(':');
    return this.chance(0.5) ? text.replace(/(^|:)0(:0)+(:|$)/, '::') : text;
  }

  /** Type and rdata of a random record; names in rdata are relative or absolute. */
  rdata(origin: string): [string, string] {
    const target = (): string => (this.chance(0.5) ? `${this.label()}.${origin}` : this.label());
    switch (this.int(16)) {
      case 0:
      case 1:
        return ['A', this.ipv4()];
      case 2:
        return ['AAAA', this.ipv6()];
      case 3:
        return ['MX', `${this.int(100)} ${target()}`];
      case 4:
      case 5: {
        const n = 1 + this.int(3);
        return ['TXT', Array.from({ length: n }, () => this.charString()).join(' ')];
      }
      case 6:
        return ['SRV', `${this.int(10)} ${this.int(100)} ${this.int(65536)} ${target()}`];
      case 7:
        return ['CAA', `${this.pick([0, 128])} ${this.pick(['issue', 'issuewild'])} "${this.pick(['ca.example.net', ';', 'ca.example.net; account=12'])}"`];
      case 8:
        return ['PTR', target()];
      case 9:
        return ['SSHFP', this.chance(0.5) ? `${1 + this.int(4)} 1 ${this.hex(20)}` : `${1 + this.int(4)} 2 ${this.hex(32)}`];
      case 10:
        return ['TLSA', `3 1 1 ${this.hex(32)}`];
      case 11:
        return ['DNSKEY', `256 3 13 ${this.base64(64)}`];
      case 12:
        return ['HINFO', `${this.charString()} ${this.charString()}`];
      case 13:
        return ['NAPTR', `${this.int(1000)} ${this.int(100)} "u" "E2U+sip" "!^.*$!sip:info@example.com!" .`];
      case 14:
        return ['TYPE65534', `\\# 3 ${this.hex(3)}`];
      default:
        return ['DS', `${this.int(65536)} 13 2 ${this.hex(32)}`];
    }
  }

  /** Split rdata across lines inside parentheses, with comments. */
  wrap(rdata: string): string {
    if (!this.chance(0.15)) return rdata;
    const words = rdata.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
    return '( ' + words.map((w) => (this.chance(0.4) ? `${w} ; c\n\t\t` : w)).join(' ') + ' )';
  }

  record(origin: string): void {
    const [type, rdata] = this.rdata(origin);
    const owner = this.ownerField(origin, true);
    this.emit(owner, type, rdata);
  }

  emit(owner: { text: string; key: string }, type: string, rdata: string): void {
    const comment = this.chance(0.1) ? ' ; trailing comment' : '';
    this.lines.push(`${owner.text || '\t'}\t${this.ttlClass()}\t${type}\t${this.wrap(rdata)}${comment}`.replace(/\t\t+/g, '\t'));
    this.inheritable = owner.key;
    this.good++;
  }

  cname(origin: string): void {
    const name = this.freshOwner().toLowerCase();
    this.exclusive.add(name);
    this.lines.push(`${name}\t${this.ttlClass()}\tCNAME\t${this.label()}.${origin}`);
    this.inheritable = name;
    this.good++;
  }

  /** A directive breaks owner inheritance for our bookkeeping (BIND keeps it, but warns). */
  directive(line: string): void {
    this.lines.push(line);
    this.inheritable = null;
  }

  defect(kind: string, origin: string): void {
    const owner = this.freshOwner();
    const lines: Record<string, string> = {
      'bad-ipv4': `${owner} A 192.0.2.256`,
      'unknown-type': `${owner} IN BOGUSTYPE 1`,
      'label-64': `${'l'.repeat(64)} A 192.0.2.1`,
      'missing-rdata': `${owner} IN MX`,
      'bad-escape': `${owner}\\999 A 192.0.2.1`,
      'unterminated-quote': `${owner} TXT "never closed`,
      'stray-close-paren': `${owner} A 192.0.2.1 )`,
      'bad-ttl': `${owner} 1x IN A 192.0.2.1`,
      'bad-base64': `${owner} DNSKEY 256 3 13 !!!notbase64!!!`,
      'mx-without-preference': `${owner} MX mail.${origin}`,
      'cname-and-other-data': `${owner} CNAME target.${origin}\n${owner} TXT "other"`,
      'bad-ipv6': `${owner} AAAA 2001:db8::1::2`,
      'unknown-directive': `$BOGUS ${owner}`,
    };
    this.lines.push(lines[kind]);
    // The CNAME and the TXT are both well-formed records; the zone is wrong, not the text.
    if (kind === 'cname-and-other-data') this.good += 2;
    this.inheritable = null;
  }
}

export function generateZone(seed: number, withDefects: boolean): GeneratedZone {
  const g = new Gen(prng(seed));
  const origin = `z${seed}.example.`;
  g.lines.push(`; generated zone, seed ${seed}`);
  g.lines.push(`$TTL ${g.pick(['3600', '1h', '2h', '86400', '5M'])}`);
  const soa = `ns1.${origin} hostmaster.${origin} ${1 + g.int(4294967295)} 7200 3600 1209600 300`;
  g.lines.push(g.chance(0.5) ? `@ IN SOA ${soa}` : `@\tIN\tSOA\t( ${soa.split(' ').join(' ; x\n\t\t\t')} )`);
  g.lines.push(`\tIN\tNS\tns1`);
  g.lines.push(`ns1 IN A ${g.ipv4()}`);
  g.good += 3;
  const count = 20 + g.int(60);
  const defects = withDefects ? Array.from({ length: 1 + g.int(3) }, () => g.pick(DEFECTS)) : [];
  const defectAt = new Set(defects.map(() => g.int(count)));
  let d = 0;
  for (let i = 0; i < count; i++) {
    if (defectAt.has(i) && d < defects.length) g.defect(defects[d++], origin);
    const k = g.int(20);
    if (k === 0) g.cname(origin);
    else if (k === 1) {
      const sub = g.freshOwner().toLowerCase().replace(/\\./g, '');
      g.directive(`$ORIGIN ${sub}.${origin}`);
      g.record(`${sub}.${origin}`);
      g.directive(`$ORIGIN ${origin}`);
    } else if (k === 2) g.directive(`$TTL ${g.pick(['60', '10m', '1H', '2d'])}`);
    else g.record(origin);
  }
  while (d < defects.length) g.defect(defects[d++], origin);
  const crlf = g.chance(0.2);
  // No final line break sometimes, but not after a directive in a clean zone: BIND refuses that
  // (and so do we, see docs/zone-format.md), which would make the zone a defective one.
  const lastIsDirective = g.lines[g.lines.length - 1].startsWith('$');
  const finalBreak = g.chance(0.9) || (lastIsDirective && !withDefects);
  const text = g.lines.join(crlf ? '\r\n' : '\n') + (finalBreak ? (crlf ? '\r\n' : '\n') : '');
  return { seed, origin, text, goodRecords: g.good, defects };
}

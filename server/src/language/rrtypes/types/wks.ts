/**
 * WKS (RFC 1035 §3.4.2): an address, an IP protocol and a bitmap of open ports. BIND resolves
 * protocol and service names through the system's databases; we know the common ones and
 * accept numbers for the rest.
 */
import type { RRTypeSpec } from '../spec';
import type { FieldCodec } from '../fields';
import { defineType, field } from '../define';
import { ipv4, u8 } from '../fields';
import { parseDecimal, isNumberError } from '../numbers';
import { typeInfoByName } from '../typeCodes';

const PROTOCOLS: Record<string, number> = { icmp: 1, tcp: 6, udp: 17 };
const SERVICES: Record<string, number> = {
  ftp: 21, ssh: 22, telnet: 23, smtp: 25, time: 37, domain: 53, tftp: 69, gopher: 70, finger: 79, http: 80, www: 80, kerberos: 88,
  pop3: 110, sunrpc: 111, auth: 113, nntp: 119, ntp: 123, imap: 143, imap2: 143, snmp: 161, ldap: 389, https: 443, submissions: 465,
  syslog: 514, submission: 587, ldaps: 636, imaps: 993, pop3s: 995,
};

const protocol: FieldCodec = {
  ...u8,
  parse([t], ctx, what) {
    const named = t.quoted ? undefined : PROTOCOLS[t.text.toLowerCase()];
    if (named !== undefined) return { value: named };
    return u8.parse([t], ctx, what);
  },
};

const services: FieldCodec = {
  kind: 'special',
  arity: 'rest',
  minTokens: 0,
  parse(tokens, ctx, what) {
    const ports = new Set<number>();
    let ok = true;
    for (const t of tokens) {
      const named = t.quoted ? undefined : SERVICES[t.text.toLowerCase()];
      const v = named ?? (t.quoted ? { error: `${what} cannot be a quoted string` } : /^[0-9]+$/.test(t.text) ? parseDecimal(t.text, 65535, `${what} port`) : { error: `${what}: unknown service "${t.text}" (write the port number)` });
      if (isNumberError(v)) {
        ctx.error(t.start, t.end, v.error);
        ok = false;
      } else ports.add(v);
    }
    return ok ? { value: [...ports].sort((a, b) => a - b).map(String) } : null;
  },
  encode(value, w) {
    const ports = (value as string[]).map(Number);
    if (ports.length === 0) return;
    const bitmap = new Uint8Array((Math.max(...ports) >> 3) + 1);
    for (const p of ports) bitmap[p >> 3] |= 0x80 >> (p & 7);
    w.bytes(bitmap);
  },
  decode(r) {
    const ports: string[] = [];
    const bitmap = r.rest();
    for (let i = 0; i < bitmap.length; i++) for (let bit = 0; bit < 8; bit++) if (bitmap[i] & (0x80 >> bit)) ports.push(String(i * 8 + bit));
    return ports;
  },
};

export const WKS: RRTypeSpec = defineType({
  name: 'WKS',
  code: 11,
  summary: 'Well-known services: the ports a host serves for one protocol (obsolete).',
  rfc: 'RFC 1035 §3.4.2',
  obsolete: typeInfoByName('WKS')?.obsolete,
  fields: [
    field('address', ipv4, 'IPv4 address of the host.'),
    field('protocol', protocol, 'IP protocol number, or tcp / udp.'),
    field('services', services, 'Ports served, as numbers or common service names (smtp, http, ...).', true),
  ],
});

/**
 * The little Internet the live tests run against, all on loopback: BIND serving a forward zone
 * (mail.test, plus a stale copy of example.test that must lose to the zone being edited) and
 * the reverse zone 127.in-addr.arpa, and one SMTP server per case on 127.0.0.x.
 *
 * The zone being checked is example.test (EXAMPLE_ZONE); each case is one of its MX hosts.
 */
import { startNamed, type NamedServer } from './named';
import { freePort } from './ports';
import { startSmtpFarm, type Behaviour, type SmtpFarm } from './smtp';

export interface Case {
  /** MX target, absolute. */
  host: string;
  /** Its address (in EXAMPLE_ZONE for example.test hosts, in BIND for mail.test ones). */
  address?: string;
  /** PTR name in BIND's reverse zone, if any. */
  ptr?: string;
  server?: Behaviour;
  expected: string[];
}

/** The cases, by name. Hosts under example.test get their A record from the zone being checked. */
export const CASES = {
  good: { host: 'mx.example.test.', address: '127.0.0.2', ptr: 'mx.example.test.', server: { kind: 'smtp', name: 'mx.example.test' }, expected: [] },
  noPtr: { host: 'noptr.example.test.', address: '127.0.0.3', server: { kind: 'smtp', name: 'noptr.example.test' }, expected: ['rdns-missing'] },
  ptrElsewhere: { host: 'otherptr.example.test.', address: '127.0.0.4', ptr: 'other.mail.test.', server: { kind: 'smtp', name: 'otherptr.example.test' }, expected: ['rdns-not-forward-confirmed'] },
  ptrNoAddress: { host: 'ghostptr.example.test.', address: '127.0.0.5', ptr: 'ghost.mail.test.', server: { kind: 'smtp', name: 'ghostptr.example.test' }, expected: ['rdns-not-forward-confirmed'] },
  plainBanner: { host: 'plain.example.test.', address: '127.0.0.6', ptr: 'plain.example.test.', server: { kind: 'smtp', name: 'unused', greeting: 'SMTP service ready' }, expected: ['smtp-banner-no-fqdn'] },
  otherName: { host: 'othername.example.test.', address: '127.0.0.7', ptr: 'othername.example.test.', server: { kind: 'smtp', name: 'relay.mail.test' }, expected: ['smtp-banner-mismatch'] },
  unknownName: { host: 'unknownname.example.test.', address: '127.0.0.8', ptr: 'unknownname.example.test.', server: { kind: 'smtp', name: 'unknown.mail.test' }, expected: ['smtp-banner-mismatch', 'smtp-banner-unresolvable'] },
  foreignName: { host: 'foreignname.example.test.', address: '127.0.0.15', ptr: 'foreignname.example.test.', server: { kind: 'smtp', name: 'other.mail.test' }, expected: ['smtp-banner-mismatch', 'smtp-banner-unresolvable'] },
  bannerIsPtr: { host: 'alias.example.test.', address: '127.0.0.9', ptr: 'box.mail.test.', server: { kind: 'smtp', name: 'box.mail.test' }, expected: [] },
  silent: { host: 'silent.example.test.', address: '127.0.0.10', ptr: 'silent.example.test.', server: { kind: 'silent' }, expected: ['smtp-unreachable'] },
  closing: { host: 'closing.example.test.', address: '127.0.0.11', ptr: 'closing.example.test.', server: { kind: 'close' }, expected: ['smtp-unreachable'] },
  refused: { host: 'refused.example.test.', address: '127.0.0.12', ptr: 'refused.example.test.', expected: ['smtp-unreachable'] },
  noStartTls: { host: 'notls.example.test.', address: '127.0.0.13', ptr: 'notls.example.test.', server: { kind: 'smtp', name: 'notls.example.test', starttls: false }, expected: ['smtp-starttls-missing'] },
  refusing: { host: 'busy.example.test.', address: '127.0.0.14', ptr: 'busy.example.test.', server: { kind: 'smtp', name: 'busy.example.test', refuse: { code: 554, message: 'busy.example.test No SMTP service here' } }, expected: ['smtp-banner-not-220'] },
  viaDns: { host: 'mx.mail.test.', address: '127.0.0.20', ptr: 'mx.mail.test.', server: { kind: 'smtp', name: 'mx.mail.test' }, expected: [] },
  noAddressInDns: { host: 'nx.mail.test.', expected: ['smtp-unreachable'] },
} satisfies Record<string, Case>;

export type CaseName = keyof typeof CASES;

/** A host named only by SPF (`a:`): it must get reverse-DNS checks and never an SMTP connection. */
export const SPF_HOST = { host: 'sender.example.test.', address: '127.0.0.17' };
/** An address named by SPF `ip4:` with good reverse DNS. */
export const SPF_IP = { address: '127.0.0.16', ptr: 'good-sender.mail.test.' };

const HEADER = `$ORIGIN example.test.
$TTL 300
@ IN SOA ns1 hostmaster ( 1 3600 600 86400 300 )
  IN NS ns1
ns1 IN A 192.0.2.53
`;

/** A zone with the MX records of `names` (preference 10, 20, ...), their A records, and optionally the SPF hosts. */
export function zoneWith(names: readonly CaseName[], spf = false): string {
  const lines = [HEADER];
  names.forEach((n, i) => lines.push(`@ IN MX ${10 * (i + 1)} ${CASES[n].host}\n`));
  for (const n of names) {
    const c: Case = CASES[n];
    if (c.address && c.host.endsWith('.example.test.')) lines.push(`${c.host} IN A ${c.address}\n`);
  }
  if (spf) lines.push(`@ IN TXT "v=spf1 mx a:${SPF_HOST.host.slice(0, -1)} ip4:${SPF_IP.address} -all"\n${SPF_HOST.host} IN A ${SPF_HOST.address}\n`);
  return lines.join('');
}

function bindZones(): Record<string, string> {
  const soa = (origin: string) => `$ORIGIN ${origin}\n$TTL 60\n@ IN SOA ns.mail.test. hostmaster.mail.test. 1 60 60 600 60\n@ IN NS ns.mail.test.\n`;
  const mail = [soa('mail.test.'), 'ns IN A 127.0.0.1\n', 'other IN A 127.0.0.44\n', 'relay IN A 127.0.0.7\n', 'box IN A 127.0.0.9\n', 'mx IN A 127.0.0.20\n', 'good-sender IN A 127.0.0.16\n', 'ghost IN TXT "no address here"\n'];
  const reverse = [soa('127.in-addr.arpa.')];
  for (const c of Object.values(CASES) as Case[]) {
    if (c.ptr && c.address) reverse.push(`${c.address.split('.').reverse().slice(0, 3).join('.')} IN PTR ${c.ptr}\n`);
  }
  reverse.push(`16.0.0 IN PTR ${SPF_IP.ptr}\n`);
  // A published copy of example.test that is out of date: the zone being edited must win.
  const stale = [soa('example.test.'), 'mx IN A 127.0.0.250\n', 'sender IN A 127.0.0.251\n'];
  return { 'mail.test': mail.join(''), '127.in-addr.arpa': reverse.join(''), 'example.test': stale.join('') };
}

export interface World {
  named: NamedServer;
  smtp: SmtpFarm;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const named = await startNamed(bindZones());
  const servers: Record<string, Behaviour> = {};
  for (const c of Object.values(CASES) as Case[]) if (c.server && c.address) servers[c.address] = c.server;
  // SPF-only host: listening, so that a connection to it would be seen (and fail the test).
  servers[SPF_HOST.address] = { kind: 'smtp', name: 'sender.example.test' };
  let smtp: SmtpFarm;
  try {
    smtp = await startSmtpFarm(servers, () => freePort('127.0.0.1'));
  } catch (err) {
    await named.stop();
    throw err;
  }
  return { named, smtp, stop: async () => void (await Promise.all([named.stop(), smtp.stop()])) };
}

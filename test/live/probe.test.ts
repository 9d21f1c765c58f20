/**
 * The SMTP conversation against scripted loopback servers (odd replies no real server library
 * produces), the zone-first lookup with a recording DNS client, and the judgement of results
 * that the server suites cannot easily produce. No `named` needed.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { probeSmtp } from '../../server/src/live/smtpProbe';
import { LiveLookup } from '../../server/src/live/lookup';
import type { DnsAnswer, DnsClient, QueryType } from '../../server/src/live/dnsClient';
import { assessAddress, type AddressCheck } from '../../server/src/live/findings';
import { parseDocument } from '../../server/src/language/languageService';
import { Workspace } from '../../server/src/language/workspace/workspace';

/** A loopback server that answers each line it receives from a script (`null`: stay silent). */
async function scripted(greeting: string, answers: Record<string, string | null>): Promise<{ port: number; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.setEncoding('latin1');
    s.write(greeting);
    let buf = '';
    s.on('data', (d: string) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        received.push(line);
        const verb = line.split(' ')[0].toUpperCase();
        const answer = answers[verb];
        if (answer) s.write(answer);
        if (verb === 'QUIT') s.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

describe('the SMTP conversation', () => {
  const servers: { close(): Promise<void> }[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  test('a multi-line greeting, EHLO with an address literal, then QUIT and nothing else', async () => {
    const s = await scripted('220-mx.example.com ESMTP\r\n220-no UCE\r\n220 ready\r\n', { EHLO: '250-mx.example.com\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n', QUIT: '221 bye\r\n' });
    servers.push(s);
    const r = await probeSmtp('127.0.0.1', { port: s.port, timeoutMs: 1500 });
    assert.equal(r.kind, 'greeted');
    assert.deepEqual(r.kind === 'greeted' && r.greeting, { code: 220, lines: ['mx.example.com ESMTP', 'no UCE', 'ready'] });
    assert.deepEqual(r.kind === 'greeted' && r.ehlo?.lines, ['mx.example.com', 'SIZE 10240000', 'STARTTLS']);
    assert.deepEqual(s.received, ['EHLO [127.0.0.1]', 'QUIT']);
  });

  test('a non-220 greeting gets QUIT only', async () => {
    const s = await scripted('421 mx.example.com too busy\r\n', { QUIT: '221 bye\r\n' });
    servers.push(s);
    const r = await probeSmtp('127.0.0.1', { port: s.port, timeoutMs: 1500 });
    assert.deepEqual(r, { kind: 'greeted', greeting: { code: 421, lines: ['mx.example.com too busy'] } });
    assert.deepEqual(s.received, ['QUIT']);
  });

  test('something that is not SMTP', async () => {
    const s = await scripted('SSH-2.0-OpenSSH_9.2\r\n', {});
    servers.push(s);
    assert.deepEqual(await probeSmtp('127.0.0.1', { port: s.port, timeoutMs: 1500 }), { kind: 'garbled', line: 'SSH-2.0-OpenSSH_9.2' });
  });

  test('no reply to EHLO within the timeout', async () => {
    const s = await scripted('220 mx.example.com ESMTP\r\n', { EHLO: null, QUIT: null });
    servers.push(s);
    const started = Date.now();
    const r = await probeSmtp('127.0.0.1', { port: s.port, timeoutMs: 300 });
    assert.equal(r.kind === 'greeted' && r.ehloProblem, 'no reply to EHLO within 300 ms');
    assert.ok(Date.now() - started < 1500);
  });
});

/** Answers from a table, recording every question: the network side of LiveLookup without a network. */
function tableDns(table: Record<string, DnsAnswer>): DnsClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    description: 'table',
    async query(name: string, type: QueryType) {
      asked.push(`${type} ${name}`);
      return table[`${type} ${name}`] ?? { kind: 'none', reason: 'nxdomain' };
    },
  };
}

describe('zone first, DNS second', () => {
  const zone = parseDocument({
    text: `$ORIGIN example.com.
$TTL 300
@ IN SOA ns1 hostmaster 1 3600 600 86400 300
  IN NS ns1
mail IN CNAME host
host IN A 192.0.2.25
host IN AAAA 2001:DB8:0:0::25
out  IN CNAME mx.example.net.
sub  IN NS ns.elsewhere.example.
`,
  });
  const ws = new Workspace();
  ws.set('example.com.zone', zone);

  test('names of the zone are answered from it, CNAMEs followed, nothing asked', async () => {
    const dns = tableDns({});
    const l = new LiveLookup(zone, ws, dns);
    assert.deepEqual(await l.addresses('mail.example.com.'), { kind: 'found', values: ['192.0.2.25', '2001:db8::25'], source: 'zone' });
    assert.deepEqual(await l.addresses('nothing.example.com.'), { kind: 'none', reason: 'nxdomain', source: 'zone' });
    assert.deepEqual(dns.asked, []);
  });

  test('CNAMEs out of the zone, delegated names and reverse names go to DNS, each asked once', async () => {
    const dns = tableDns({ 'A mx.example.net.': { kind: 'found', values: ['198.51.100.25'] }, 'PTR 25.2.0.192.in-addr.arpa.': { kind: 'found', values: ['host.example.com.'] }, 'A www.sub.example.com.': { kind: 'failed', reason: 'timed out' } });
    const l = new LiveLookup(zone, ws, dns);
    assert.deepEqual(await l.addresses('out.example.com.'), { kind: 'found', values: ['198.51.100.25'], source: 'dns' });
    assert.deepEqual(await l.addresses('www.sub.example.com.'), { kind: 'failed', reason: 'timed out', source: 'dns' });
    assert.deepEqual(await l.ptr('192.0.2.25'), { kind: 'found', values: ['host.example.com.'], source: 'dns' });
    await l.ptr('192.0.2.25');
    assert.deepEqual(dns.asked.sort(), ['A mx.example.net.', 'A www.sub.example.com.', 'AAAA mx.example.net.', 'AAAA www.sub.example.com.', 'PTR 25.2.0.192.in-addr.arpa.']);
  });
});

describe('judging results', () => {
  const base: AddressCheck = {
    target: { role: 'mx', host: 'mx.example.com.', anchor: { kind: 'mx', owner: 'example.com.', exchange: 'mx.example.com.' }, label: 'MX 10 mx.example.com.' },
    host: 'mx.example.com.',
    address: '192.0.2.25',
    ptr: { kind: 'found', values: ['mx.example.com.'], source: 'dns' },
    ptrNames: [{ name: 'mx.example.com.', addresses: { kind: 'found', values: ['192.0.2.25'], source: 'zone' }, confirmed: true }],
  };
  const greeting = { code: 220, lines: ['mx.example.com ESMTP'] };
  const codes = (c: Partial<AddressCheck>) => assessAddress({ ...base, ...c }, 25).map((f) => f.code);

  test('EHLO refused means no STARTTLS; a dropped EHLO is unreachable', () => {
    assert.deepEqual(codes({ smtp: { kind: 'greeted', greeting, ehlo: { code: 502, lines: ['command not implemented'] } } }), ['smtp-starttls-missing']);
    assert.deepEqual(codes({ smtp: { kind: 'greeted', greeting, ehloProblem: 'the server closed the connection after EHLO' } }), ['smtp-unreachable']);
  });

  test('no route from this machine is an incomplete check, not an unreachable server', () => {
    assert.deepEqual(codes({ smtp: { kind: 'no-route', detail: 'this machine cannot connect to it (ENETUNREACH)' } }), ['live-check-incomplete']);
  });

  test('an address literal greeting; a garbled one', () => {
    assert.deepEqual(codes({ smtp: { kind: 'greeted', greeting: { code: 220, lines: ['[192.0.2.25] ready'] }, ehlo: { code: 250, lines: ['x', 'STARTTLS'] } } }), ['smtp-banner-no-fqdn']);
    assert.deepEqual(codes({ smtp: { kind: 'garbled', line: 'SSH-2.0' } }), ['smtp-banner-not-220']);
  });

  test('failed lookups are reported as such, never as missing records', () => {
    assert.deepEqual(codes({ ptr: { kind: 'failed', reason: 'SERVFAIL', source: 'dns' }, ptrNames: [] }), ['live-check-incomplete']);
    assert.deepEqual(codes({ ptrNames: [{ name: 'mx.example.com.', addresses: { kind: 'failed', reason: 'timed out', source: 'dns' }, confirmed: false }] }), ['live-check-incomplete']);
  });
});

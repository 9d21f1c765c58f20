/** Hover contents at specific positions: types, fields, TTLs, names, SPF terms, mail tags, directives. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/language/features/hover';
import { humanDuration } from '../../server/src/language/features/durations';
import { Workspace } from '../../server/src/language/workspace/workspace';
import { offsetOf, zoneOf } from './helpers';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 1d',
  '@ IN SOA ns1 hostmaster ( 2024031502 7200 1800 1209600 300 )',
  '  IN NS ns1',
  '  IN MX 10 mail',
  '  IN MX 20 backup.example.net.',
  '  IN TXT "v=spf1 mx include:_spf.example.com -all"',
  'ns1 300 IN A 192.0.2.1',
  'mail IN A 192.0.2.25',
  '  IN AAAA 2001:db8::25',
  'www IN CNAME mail',
  'ghost IN CNAME nowhere',
  '_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@example.com"',
  'sel._domainkey IN TXT "v=DKIM1; k=rsa; p=MIGf"',
  '_sip._tcp IN SRV 10 60 5060 mail',
  '  IN SRV 10 20 5060 ns1',
  '@ IN CAA 128 issue "ca.example"',
  '_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"',
].join('\n');

const zone = zoneOf(ZONE);
const text = zone.text;
const hover = (needle: string, delta = 0, n = 0) => {
  const h = hoverAt(zone, offsetOf(text, needle, delta, n));
  assert.ok(h, `no hover at ${needle}`);
  return { md: h.markdown, covered: text.slice(h.range.start, h.range.end) };
};

describe('hover', () => {
  test('durations in words', () => {
    assert.equal(humanDuration(86400), '1 day');
    assert.equal(humanDuration(5400), '1 hour 30 minutes');
    assert.equal(humanDuration(1209600), '2 weeks');
    assert.equal(humanDuration(90061), '1 day 1 hour 1 minute 1 second');
    assert.equal(humanDuration(0), '0 seconds');
  });

  test('a record type: purpose, fields in order, RFC, and the inherited TTL', () => {
    const { md, covered } = hover('MX 10', 1);
    assert.equal(covered, 'MX');
    assert.match(md, /^\*\*MX\*\* \(type 15\) — Mail exchanger/);
    assert.ok(md.includes('MX preference exchange'));
    assert.ok(md.indexOf('`preference`') < md.indexOf('`exchange`'));
    assert.ok(md.includes('_RFC 1035 §3.3.9_'));
    assert.ok(md.includes('86400 seconds (1 day), from the `$TTL` in force'));
  });

  test('SOA fields: the serial as a date, timers in words', () => {
    const serial = hover('2024031502', 3);
    assert.equal(serial.covered, '2024031502');
    assert.ok(serial.md.startsWith('**SOA serial** (field 3 of 7)'));
    assert.ok(serial.md.includes('2024-03-15, change 02'));
    assert.ok(hover('7200').md.includes('= 7200 seconds (2 hours)'));
    assert.ok(hover('7200').md.startsWith('**SOA refresh**'));
    assert.ok(hover('1209600').md.includes('(2 weeks)'));
    assert.ok(hover(' 300 )', 1).md.includes('**SOA minimum**'));
  });

  test('a written TTL in words', () => {
    const { md, covered } = hover('300 IN A');
    assert.equal(covered, '300');
    assert.ok(md.includes('300 seconds (5 minutes)'));
  });

  test('MX preference ranks the mail servers', () => {
    assert.ok(hover('10 mail').md.includes('Tried 1st of 2 levels among 2 mail servers'));
    assert.ok(hover('20 backup').md.includes('Tried 2nd of 2 levels'));
  });

  test('a relative target is shown fully qualified with the records it has', () => {
    const { md, covered } = hover('10 mail', 4);
    assert.equal(covered, 'mail');
    assert.ok(md.includes('`mail` → `mail.example.com.` (relative'));
    assert.ok(md.includes('A 192.0.2.25'));
    assert.ok(md.includes('AAAA 2001:db8::25'));
  });

  test('a target with no records in the zone is flagged; one outside the zone is not checked', () => {
    assert.ok(hover('nowhere').md.includes('has no records in this zone'));
    assert.ok(hover('backup.example.net.').md.includes('Outside this zone'));
  });

  test('a target in another open zone shows that zone\'s records', () => {
    const other = zoneOf(['$ORIGIN example.net.', '@ IN SOA ns1 h 1 2 3 4 5', 'backup IN A 198.51.100.7'], 'example.net.');
    const ws = new Workspace();
    ws.set('file:///a.zone', zone);
    ws.set('file:///b.zone', other);
    const h = hoverAt(zone, offsetOf(text, 'backup.example.net.'), ws);
    assert.ok(h?.markdown.includes('open zone `example.net.`'));
    assert.ok(h?.markdown.includes('A 198.51.100.7'));
  });

  test('owner: fully qualified, with its records and mail role', () => {
    const www = hover('www');
    assert.equal(www.covered, 'www');
    assert.ok(www.md.includes('`www` → `www.example.com.`'));
    assert.ok(www.md.includes('CNAME mail.example.com.'));
    assert.ok(hover('_dmarc').md.includes('DMARC policy name'));
  });

  test('SRV fields: priority share, weight percentage, port name', () => {
    assert.ok(hover('5060', 0, 0).md.includes('Port 5060 is SIP'));
    assert.ok(hover('10 60', 3).md.includes('About 75% of the clients'));
  });

  test('CAA flags and tag', () => {
    assert.ok(hover('128').md.includes('Issuer Critical is set'));
    assert.ok(hover('issue').md.includes('names a CA allowed to issue'));
  });

  test('an address shows its reverse name', () => {
    assert.ok(hover('192.0.2.25').md.includes('`25.2.0.192.in-addr.arpa.`'));
  });

  test('inside an SPF record: the SPF hover for the term, with the include target\'s records', () => {
    const inc = hover('include:');
    assert.equal(inc.covered, 'include:_spf.example.com');
    assert.ok(inc.md.includes('**SPF `include:<domain>`**'));
    assert.ok(inc.md.includes('TXT "v=spf1 ip4:192.0.2.0/24 -all"'));
    const all = hover('-all', 1);
    assert.equal(all.covered, '-all');
    assert.ok(all.md.includes('gives **fail**'));
    const qualifier = hover('-all');
    assert.equal(qualifier.covered, '-');
    assert.ok(qualifier.md.includes('qualifier `-`'));
  });

  test('inside DMARC and DKIM records: the tag hover', () => {
    const p = hover('p=quarantine');
    assert.equal(p.covered, 'p=quarantine');
    assert.ok(p.md.startsWith('**DMARC `p=`** — Policy'));
    const k = hover('k=rsa');
    assert.ok(k.md.startsWith('**DKIM key `k=`**'));
  });

  test('directives and their arguments', () => {
    assert.ok(hover('$TTL').md.includes('Sets the TTL of the records'));
    assert.equal(hover('1d').md, '**$TTL** `1d` = 86400 seconds (1 day)');
    assert.ok(hover('example.com.').md.includes('→ `example.com.`'));
  });

  test('no hover on blank space between records', () => {
    const z = zoneOf('www IN A 192.0.2.1\n\nmail IN A 192.0.2.2');
    assert.equal(hoverAt(z, z.text.indexOf('\n\n') + 1), undefined);
  });
});

/** Completion items at the cursor (`|` marks it in the test texts). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, typeSnippet } from '../../server/src/language/features/completion';
import { rrTypeByName } from '../../server/src/language/rrtypes/registry';
import type { CompletionEntry } from '../../server/src/language/features/types';
import { zoneOf } from './helpers';

const BASE = ['$ORIGIN example.com.', '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h', '  IN NS ns1', 'ns1 IN A 192.0.2.1', 'mail IN A 192.0.2.2', 'alias IN CNAME mail', ''].join('\n');

function complete(tail: string, now = new Date(Date.UTC(2025, 0, 31))): { items: CompletionEntry[]; text: string; offset: number } {
  const withCursor = BASE + tail;
  const offset = withCursor.indexOf('|');
  const text = withCursor.replace('|', '');
  return { items: completionsAt(zoneOf(text), offset, now), text, offset };
}
const labels = (items: CompletionEntry[]) => items.map((i) => i.label);

describe('completion', () => {
  test('directives at the start of a line, replacing the typed `$`', () => {
    const { items, text } = complete('$T|');
    assert.deepEqual(labels(items), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
    const ttl = items.find((i) => i.label === '$TTL')!;
    assert.equal(text.slice(ttl.replace.start, ttl.replace.end), '$T');
    assert.equal(ttl.insertText, '\\$TTL ${1:3600}');
  });

  test('an empty line offers directives and the zone\'s owner names, relative to the origin', () => {
    const l = labels(complete('|').items);
    assert.ok(l.includes('$ORIGIN'));
    for (const n of ['@', 'ns1', 'mail', 'alias']) assert.ok(l.includes(n), n);
  });

  test('record types with snippets of their fields, and classes, after the owner', () => {
    const { items } = complete('www |');
    const mx = items.find((i) => i.label === 'MX')!;
    assert.equal(mx.insertText, 'MX ${1:preference} ${2:exchange}');
    assert.equal(mx.snippet, true);
    assert.ok(mx.documentation?.includes('Mail exchanger'));
    assert.ok(labels(items).includes('IN'));
    assert.equal(items.find((i) => i.label === 'TXT')!.insertText, 'TXT "${1:strings}"');
    assert.equal(items.find((i) => i.label === 'SPF')!.deprecated, true);
  });

  test('no class offered again once one is written; the typed word is replaced', () => {
    const { items, text } = complete('www IN CN|');
    assert.ok(!labels(items).includes('IN'));
    const cname = items.find((i) => i.label === 'CNAME')!;
    assert.equal(text.slice(cname.replace.start, cname.replace.end), 'CN');
  });

  test('snippets come from the spec fields, required ones only', () => {
    assert.equal(typeSnippet(rrTypeByName('SRV')!), 'SRV ${1:priority} ${2:weight} ${3:port} ${4:target}');
    assert.equal(typeSnippet(rrTypeByName('SOA')!), 'SOA ${1:mname} ${2:rname} ${3:serial} ${4:refresh} ${5:retry} ${6:expire} ${7:minimum}');
  });

  test('a number in the TTL position gets the TTL units with durations in words', () => {
    const { items } = complete('www 2|');
    assert.deepEqual(labels(items), ['2', '2s', '2m', '2h', '2d', '2w']);
    assert.equal(items.find((i) => i.label === '2h')!.detail, '2 hours');
  });

  test('in-zone names for a target field, hosts with addresses first', () => {
    const { items } = complete('@ IN MX 10 |');
    const byLabel = new Map(items.map((i) => [i.label, i]));
    assert.ok(byLabel.has('mail') && byLabel.has('ns1') && byLabel.has('alias') && byLabel.has('.'));
    assert.ok(byLabel.get('mail')!.sortText! < byLabel.get('alias')!.sortText!, 'a host with an address sorts before an alias');
    assert.equal(byLabel.get('mail')!.detail, 'mail.example.com. (A)');
  });

  test('names are written relative to the origin in force at the cursor', () => {
    const { items } = complete('$ORIGIN sub.example.com.\nx IN CNAME |');
    const l = labels(items);
    assert.ok(l.includes('mail.example.com.'), l.join());
  });

  test('continuation lines of a parenthesised SOA: the serial as today\'s date', () => {
    const { items } = complete('@ IN SOA ns1 hostmaster (\n    |');
    assert.deepEqual(labels(items), ['2025013101']);
  });

  test('TXT rdata: a record template chosen by the owner', () => {
    assert.equal(complete('@ IN TXT |').items[0].insertText, '"v=spf1 ${1:mx} ${2|-all,~all|}"');
    assert.match(complete('_dmarc IN TXT |').items[0].insertText!, /^"v=DMARC1; p=/);
  });

  test('inside a TXT string: the version tag, then SPF terms', () => {
    assert.deepEqual(labels(complete('@ IN TXT "|').items), ['v=spf1']);
    const { items, text } = complete('@ IN TXT "v=spf1 in|');
    assert.ok(labels(items).includes('include:'));
    assert.ok(labels(items).includes('-all'));
    const inc = items.find((i) => i.label === 'include:')!;
    assert.equal(text.slice(inc.replace.start, inc.replace.end), 'in');
    assert.equal(inc.retrigger, true);
  });

  test('a typed qualifier is kept in the offered mechanisms', () => {
    assert.deepEqual(labels(complete('@ IN TXT "v=spf1 ~|').items), ['~include:', '~a', '~mx', '~ip4:', '~ip6:', '~exists:', '~ptr', '~all']);
  });

  test('after include: the zone\'s domains, absolute without the final dot', () => {
    const { items, text } = complete('@ IN TXT "v=spf1 include:ma|');
    const mail = items.find((i) => i.label === 'mail.example.com')!;
    assert.ok(mail);
    assert.equal(text.slice(mail.replace.start, mail.replace.end), 'ma');
  });

  test('SPF completion continues in the second string of a split record', () => {
    const l = labels(complete('@ IN TXT "v=spf1 mx " "|').items);
    assert.ok(l.includes('-all'));
  });

  test('DMARC: tag names not yet used, then their values', () => {
    const { items } = complete('_dmarc IN TXT "v=DMARC1; p=none; |');
    const l = labels(items);
    assert.ok(l.includes('rua=') && l.includes('adkim='));
    assert.ok(!l.includes('p='), 'p= is already there');
    assert.ok(items.find((i) => i.label === 'rua=')!.documentation!.includes('Aggregate report'));
    assert.deepEqual(labels(complete('_dmarc IN TXT "v=DMARC1; p=|').items), ['none', 'quarantine', 'reject']);
  });

  test('DKIM key types', () => {
    assert.deepEqual(labels(complete('s1._domainkey IN TXT "v=DKIM1; k=|').items), ['rsa', 'ed25519']);
  });

  test('nothing in comments or after a closed string', () => {
    assert.deepEqual(complete('www IN A 192.0.2.9 ; note |').items, []);
    assert.deepEqual(complete('@ IN TXT "v=spf1 -all"|').items, []);
  });
});

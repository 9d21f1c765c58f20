import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, covered, fixture, HEAD, headFor, only, withZones, type OtherZone } from './helpers';

const exampleNet: OtherZone = { uri: 'example.net.zone', origin: 'example.net.', text: fixture('example.net.zone') };

test('spf-lookup-limit: annotated fixture, with includes followed into example.net', () => {
  assertAnnotated(fixture('spf-lookup-limit.zone'), ['spf-lookup-limit'], 'example.com.', withZones([exampleNet]));
});

test('spf-lookup-limit: the message gives the total, the breakdown and the names outside the workspace', () => {
  const c = check(fixture('spf-lookup-limit.zone'), 'example.com.', [exampleNet]);
  const [apex, own, twice, red] = only(c, 'spf-lookup-limit').map((d) => d.message);
  assert.equal(
    apex,
    'This SPF policy needs 11 DNS lookups, more than the 10 allowed (RFC 7208 §4.6.4): receivers return permerror when they reach lookup 11. ' +
      "Breakdown: 5 by this record's own terms, 6 inside include:_spf.example.net. " +
      '2 lookups are outside the workspace and counted as one each: _spf.google.com, spf.protection.outlook.com. ' +
      'Replace a, mx and include terms with ip4:/ip6: ranges, or drop includes that are no longer needed.',
  );
  assert.match(own, /needs 11 DNS lookups.*Breakdown: 11 by this record's own terms\. Replace/);
  assert.match(twice, /needs 14 DNS lookups.*Breakdown: 2 by this record's own terms, 6 inside include:_spf\.example\.net, 6 inside include:_spf\.example\.net\./);
  assert.match(red, /needs 12 DNS lookups.*6 inside redirect=_spf\.example\.net\./);
  assert.match(only(c, 'spf-lookup-limit')[4].message, /^bigmx\.example\.com has 11 MX records/);
});

test('spf-lookup-limit: without the other zone, its include counts as one lookup', () => {
  const c = check(fixture('spf-lookup-limit.zone'));
  // Only the records over the limit on their own remain.
  assert.deepEqual(covered(c, 'spf-lookup-limit'), ['v=spf1', 'mx']);
  assert.match(only(c, 'spf-lookup-limit')[0].message, /^This SPF policy needs 11 DNS lookups/);
});

test('spf-lookup-limit: includes into a third zone and a CNAME on the way are followed', () => {
  const third: OtherZone = {
    uri: 'example.org.zone',
    origin: 'example.org.',
    text: `${headFor('example.org.')}spf IN TXT "v=spf1 include:alias.example.net a:a1.example.org a:a2.example.org a:a3.example.org a:a4.example.org a:a5.example.org -all"\n`,
  };
  // 2 own + (1 include + 5 a + (3 inside _spf2 through the alias)) = 11
  const c = check(`${HEAD}@ IN TXT "v=spf1 ip4:192.0.2.0/24 include:spf.example.org mx:example.net -all"\n`, 'example.com.', [exampleNet, third]);
  assert.match(only(c, 'spf-lookup-limit')[0].message, /needs 11 DNS lookups.*Breakdown: 2 by this record's own terms, 9 inside include:spf\.example\.org\./);
});

test('spf-lookup-limit: include targets written with macros count as one and are said so', () => {
  const terms = Array.from({ length: 10 }, (_, i) => `a:h${i}.example.net`).join(' ');
  const c = check(`${HEAD}@ IN TXT "v=spf1 ${terms} include:%{d}.spf.example.net -all"\n`, 'example.com.', [exampleNet]);
  assert.match(only(c, 'spf-lookup-limit')[0].message, /needs 11 DNS lookups.*1 include\/redirect target uses macros and is counted as one each\./);
});

test('spf-lookup-limit: a long include chain that never loops is counted to the end', () => {
  const chain = Array.from({ length: 12 }, (_, i) => `c${i} IN TXT "v=spf1 ${i < 11 ? `include:c${i + 1}.example.com` : 'ip4:192.0.2.1'} -all"`).join('\n');
  const c = check(`${HEAD}${chain}\n`);
  // c0 makes 11 includes in a row; c1 makes 10.
  assert.deepEqual(only(c, 'spf-lookup-limit').map((d) => c.text.slice(c.text.lastIndexOf('\n', d.start) + 1, c.text.indexOf(' ', c.text.lastIndexOf('\n', d.start) + 1))), ['c0']);
});

test('spf-lookup-limit: a chain deeper than the counter follows is reported as "at least"', () => {
  const chain = Array.from({ length: 40 }, (_, i) => `d${i} IN TXT "v=spf1 include:d${i + 1}.example.com -all"`).join('\n');
  const c = check(`${HEAD}${chain}\nd40 IN TXT "v=spf1 -all"\n`);
  const first = only(c, 'spf-lookup-limit').find((d) => c.text.slice(0, d.start).endsWith('d0 IN TXT "'));
  assert.ok(first);
  assert.match(first.message, /needs at least \d+ DNS lookups.*The include chain is too deep to follow to its end\./);
});

test('spf-lookup-limit: shared includes are counted once per path without exponential work', () => {
  // Each record includes the next one twice: 2^60 paths, but every record's total is computed once.
  const chain = Array.from({ length: 60 }, (_, i) => `x${i} IN TXT "v=spf1 include:x${i + 1}.example.com include:x${i + 1}.example.com -all"`).join('\n');
  const started = Date.now();
  const c = check(`${HEAD}${chain}\nx60 IN TXT "v=spf1 -all"\n`);
  assert.ok(Date.now() - started < 5000, 'finishes quickly');
  const last = only(c, 'spf-lookup-limit').find((d) => c.text.slice(0, d.start).endsWith('x57 IN TXT "'));
  // x57 -> 2 x58 -> 4 x59 -> 8 x60: 2 + 2*(2 + 2*2) = 14
  assert.ok(last);
  assert.match(last.message, /needs 14 DNS lookups/);
});

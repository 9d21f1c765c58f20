/** The pure parts of the live checks: SMTP replies, greeting names, settings, targets, placement. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ReplyReader, offersStartTls } from '../../server/src/live/smtpReply';
import { greetingName } from '../../server/src/live/banner';
import { parseResolverAddress, readLiveSettings, defaultLiveSettings } from '../../server/src/live/settings';
import { liveTargets } from '../../server/src/live/targets';
import { liveDiagnostics } from '../../server/src/live/place';
import type { LiveFinding } from '../../server/src/live/findings';
import { parseDocument } from '../../server/src/language/languageService';
import { liveRules, LIVE_RULE_IDS } from '../../server/src/language/checks/live';

describe('SMTP replies', () => {
  test('a multi-line reply split across chunks, with CRLF and bare LF', () => {
    const r = new ReplyReader();
    assert.deepEqual(r.push('250-mx.example.com Hello\r\n250-PIPE'), { kind: 'incomplete' });
    const done = r.push('LINING\n250 STARTTLS\r\n221 extra');
    assert.deepEqual(done, { kind: 'reply', reply: { code: 250, lines: ['mx.example.com Hello', 'PIPELINING', 'STARTTLS'] } });
    assert.ok(offersStartTls(done.kind === 'reply' ? done.reply : { code: 0, lines: [] }));
    assert.deepEqual(r.next(), { kind: 'incomplete' }, 'the next reply stays buffered until complete');
  });

  test('a bare code is a complete reply; other text is garbled', () => {
    assert.deepEqual(new ReplyReader().push('220\r\n'), { kind: 'reply', reply: { code: 220, lines: [''] } });
    assert.deepEqual(new ReplyReader().push('HTTP/1.1 400 Bad Request\r\n'), { kind: 'garbled', line: 'HTTP/1.1 400 Bad Request' });
    assert.deepEqual(new ReplyReader().push('220-a\r\n250 b\r\n'), { kind: 'garbled', line: '250 b' });
  });

  test('control characters never reach messages', () => {
    const r = new ReplyReader().push('220 mx.example.com \u001b[31mred\u0007\r\n');
    assert.deepEqual(r, { kind: 'reply', reply: { code: 220, lines: ['mx.example.com  [31mred'] } });
  });

  test('STARTTLS counts only as an extension line of a 250 reply', () => {
    assert.equal(offersStartTls({ code: 250, lines: ['STARTTLS.example.com greets you', 'SIZE 1000'] }), false);
    assert.equal(offersStartTls({ code: 250, lines: ['mx', 'starttls'] }), true);
    assert.equal(offersStartTls({ code: 502, lines: ['mx', 'STARTTLS'] }), false);
  });
});

describe('greeting names (RFC 5321 §4.3.1)', () => {
  const name = (text: string) => greetingName({ code: 220, lines: [text] });
  test('a fully qualified name, with or without the trailing dot, in any case', () => {
    assert.deepEqual(name('mx.example.com ESMTP Postfix'), { kind: 'fqdn', name: 'mx.example.com.' });
    assert.deepEqual(name('MX.Example.COM. ready'), { kind: 'fqdn', name: 'mx.example.com.' });
  });
  test('what is not one', () => {
    assert.equal(name('SMTP service ready').kind, 'not-fqdn');
    assert.equal(name('localhost.localdomain ESMTP').kind, 'not-fqdn');
    assert.equal(name('192.0.2.1 ESMTP').kind, 'not-fqdn');
    assert.equal(name('mx_1.example.com').kind, 'not-fqdn');
    assert.deepEqual(name('[192.0.2.1] ready'), { kind: 'literal', text: '[192.0.2.1]' });
    assert.deepEqual(name(''), { kind: 'missing' });
  });
});

describe('live settings', () => {
  test('resolver addresses', () => {
    assert.deepEqual(parseResolverAddress('192.0.2.53'), { address: '192.0.2.53', port: 53, server: '192.0.2.53:53' });
    assert.deepEqual(parseResolverAddress('127.0.0.1:5353'), { address: '127.0.0.1', port: 5353, server: '127.0.0.1:5353' });
    assert.deepEqual(parseResolverAddress('2001:db8::53'), { address: '2001:db8::53', port: 53, server: '[2001:db8::53]:53' });
    assert.deepEqual(parseResolverAddress('[::1]:5353'), { address: '::1', port: 5353, server: '[::1]:5353' });
    for (const bad of ['dns.example.com', '192.0.2.53:0', '192.0.2.53:70000', '192.0.2.300', '']) assert.ok('error' in parseResolverAddress(bad), bad);
  });
  test('the client settings: defaults, and wrong shapes ignored', () => {
    assert.deepEqual(readLiveSettings(undefined), defaultLiveSettings);
    assert.equal(defaultLiveSettings.enabled, false);
    assert.deepEqual(readLiveSettings({ enabled: true, resolver: '127.0.0.1:53', smtpPort: 2525, timeoutMs: 1500 }), { enabled: true, resolver: '127.0.0.1:53', smtpPort: 2525, timeoutMs: 1500 });
    assert.deepEqual(readLiveSettings({ enabled: 'yes', resolver: 7, smtpPort: 0, timeoutMs: -1 }), defaultLiveSettings);
    assert.equal(readLiveSettings({ resolver: ' dns.example ' }).resolver, 'dns.example', 'kept, to fail loudly at run time');
  });
});

const ZONE = `$ORIGIN example.com.
$TTL 3600
@     IN SOA ns1 hostmaster ( 1 7200 3600 1209600 3600 )
      IN NS  ns1
      IN MX  10 mail
      IN MX  20 mail.example.net.
      IN MX  30 mail
      IN TXT "v=spf1 mx a a:relay.example.com mx:partner.example ip4:192.0.2.7 ip4:198.51.100.0/24 -a:bad.example.com a:%{d}.example ~all"
none  IN MX  0 .
mail  IN A   192.0.2.25
`;

describe('which hosts are visited', () => {
  test('MX targets once each, then single SPF hosts; no Null MX, networks, macros or negative terms', () => {
    const targets = liveTargets(parseDocument({ text: ZONE }));
    assert.deepEqual(
      targets.map((t) => [t.role, t.label, t.host ?? t.mxOf ?? t.address]),
      [
        ['mx', 'MX 10 mail.example.com.', 'mail.example.com.'],
        ['mx', 'MX 20 mail.example.net.', 'mail.example.net.'],
        ['spf', 'SPF a', 'example.com.'],
        ['spf', 'SPF a:relay.example.com', 'relay.example.com.'],
        ['spf', 'SPF mx:partner.example', 'partner.example.'],
        ['spf', 'SPF ip4:192.0.2.7', '192.0.2.7'],
      ],
    );
  });
});

describe('placing live findings on the current text', () => {
  const finding = (code: LiveFinding['code'], exchange = 'mail.example.com.'): LiveFinding => ({ code, message: `${code} here`, anchor: { kind: 'mx', owner: 'example.com.', exchange } });
  const exchangeRange = (text: string, after: string) => {
    const at = text.indexOf('mail', text.indexOf(after));
    return [at, at + 4];
  };

  test('on the MX target field, following edits; dropped when the MX is gone', () => {
    const f = [finding('smtp-unreachable')];
    const zone = parseDocument({ text: ZONE });
    const [d] = liveDiagnostics(zone, f);
    assert.deepEqual([d.start, d.end, d.severity, d.code], [...exchangeRange(ZONE, 'MX  10'), 'error', 'smtp-unreachable']);
    const edited = ZONE.replace('$TTL 3600\n', '$TTL 3600\nwww IN A 192.0.2.80\n');
    const [moved] = liveDiagnostics(parseDocument({ text: edited }), f);
    assert.deepEqual([moved.start, moved.end], exchangeRange(edited, 'MX  10'));
    const removed = ZONE.replace('      IN MX  10 mail\n', '').replace('      IN MX  30 mail\n', '');
    assert.deepEqual(liveDiagnostics(parseDocument({ text: removed }), f), []);
  });

  test('an SPF anchor lands on its term', () => {
    const zone = parseDocument({ text: ZONE });
    const [d] = liveDiagnostics(zone, [{ code: 'rdns-missing', message: 'm', anchor: { kind: 'spf', owner: 'example.com.', term: 'ip4:192.0.2.7' } }]);
    assert.equal(ZONE.slice(d.start, d.end), 'ip4:192.0.2.7');
  });

  test('severity settings and suppression comments apply', () => {
    const zone = parseDocument({ text: ZONE });
    const f = [finding('smtp-unreachable'), finding('rdns-missing')];
    assert.deepEqual(liveDiagnostics(zone, f, { 'smtp-unreachable': 'off', 'rdns-missing': 'error' }).map((d) => [d.code, d.severity]), [['rdns-missing', 'error']]);
    const suppressed = ZONE.replace('      IN MX  10 mail\n', '; zonelint-disable-next-line smtp-unreachable\n      IN MX  10 mail\n');
    assert.deepEqual(liveDiagnostics(parseDocument({ text: suppressed }), f).map((d) => d.code), ['rdns-missing']);
  });
});

test('the live rules are registered with summaries and a no-op offline check', () => {
  assert.deepEqual(liveRules.map((r) => r.id), [...LIVE_RULE_IDS]);
  const zone = parseDocument({ text: ZONE });
  for (const r of liveRules) {
    assert.equal(r.stage, 'semantic');
    let reported = 0;
    r.check!({ zone, workspace: undefined as never, report: () => reported++ });
    assert.equal(reported, 0, r.id);
  }
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { Workspace } from '../../../server/src/language/workspace/workspace';
import { reverseChecks } from '../../../server/src/language/checks/mail/reverseDns';
import { reverseNameOf } from '../../../server/src/language/checks/mail/reverseName';
import type { ZoneDiagnostic } from '../../../server/src/language/model/types';
import { ruleFixes } from '../../../server/src/language/features/codeActions';
import { applyFix, check, fixesOf, fixture, only, parse, single, withZones, type Checked, type OtherZone } from './helpers';

const PTR = ['ptr-hint', 'ptr-missing', 'ptr-mismatch'];
const REVERSE: OtherZone = { uri: 'reverse.zone', origin: '2.0.192.in-addr.arpa.', text: fixture('reverse.zone') };
const CLASSLESS: OtherZone = { uri: 'classless.zone', origin: '64/26.2.0.192.in-addr.arpa.', text: fixture('classless.zone') };
const FORWARD = fixture('reverse-forward.zone');

function forHost(c: Checked, code: string, fragment: string): ZoneDiagnostic {
  const d = only(c, code).find((x) => x.message.includes(fragment));
  assert.ok(d, `${code} mentioning ${fragment}`);
  return d;
}

describe('reverse DNS of mail hosts', () => {
  test('findings sit at the annotated MX targets and SPF terms', () => {
    assertAnnotated(FORWARD, PTR, 'example.com.', withZones([REVERSE, CLASSLESS]));
  });

  test('without reverse zones every public host gets the record to ask for', () => {
    const c = check(FORWARD);
    assert.equal(only(c, 'ptr-missing').length + only(c, 'ptr-mismatch').length, 0);
    const hint = forHost(c, 'ptr-hint', 'mail.example.com (192.0.2.25)');
    assert.equal(hint.severity, 'information');
    assert.equal((hint.data as { record: string }).record, '25.2.0.192.in-addr.arpa. IN PTR mail.example.com.');
    assert.ok(hint.message.includes('`25.2.0.192.in-addr.arpa. IN PTR mail.example.com.`'));
    // 10.0.0.25 is private: no public reverse zone to ask; 192.0.2.44 is excluded by `-ip4:`.
    assert.ok(!only(c, 'ptr-hint').some((d) => /10\.0\.0\.25|192\.0\.2\.44\b/.test(d.message)));
    // One per address: mail is named by two MX records.
    assert.equal(only(c, 'ptr-hint').filter((d) => d.message.includes('(192.0.2.25)')).length, 1);
  });

  test('a sender that is not an MX target is told it needs its own PTR', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    assert.match(forHost(c, 'ptr-missing', 'relay.example.com').message, /not an MX target.*needs its own PTR/);
    assert.doesNotMatch(forHost(c, 'ptr-missing', 'mx2.example.com').message, /not an MX target/);
  });

  test('ptr-missing: the fix adds the PTR record to the reverse zone', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const d = forHost(c, 'ptr-missing', 'mx2.example.com');
    assert.equal(d.severity, 'error');
    const [fix] = fixesOf(c, d);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits.map((e) => e.uri), ['reverse.zone']);
    const texts = applyFix(fix, { '': FORWARD, 'reverse.zone': REVERSE.text, 'classless.zone': CLASSLESS.text });
    assert.equal(texts[''], FORWARD);
    assert.equal(texts['reverse.zone'], REVERSE.text + '26 IN PTR mx2.example.com.\n');
    const after = check(FORWARD, 'example.com.', [{ ...REVERSE, text: texts['reverse.zone'] }, CLASSLESS]);
    assert.equal(only(after, 'ptr-missing').filter((x) => x.message.includes('mx2')).length, 0);
  });

  test('ptr-missing follows the RFC 2317 alias into the classless zone', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const d = forHost(c, 'ptr-missing', 'mx7.example.com');
    assert.match(d.message, /71\.64\/26\.2\.0\.192\.in-addr\.arpa/);
    const texts = applyFix(fixesOf(c, d)[0], { '': FORWARD, 'reverse.zone': REVERSE.text, 'classless.zone': CLASSLESS.text });
    assert.equal(texts['classless.zone'], CLASSLESS.text + '71 IN PTR mx7.example.com.\n');
    assert.equal(texts['reverse.zone'], REVERSE.text);
  });

  test('ptr-missing for an address-only SPF term: the forward name when known, else a snippet', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const named = fixesOf(c, forHost(c, 'ptr-missing', '192.0.2.42'))[0];
    assert.equal(named.edits[0].newText, '42 IN PTR printer.example.com.\n');
    const unnamed = fixesOf(c, forHost(c, 'ptr-missing', '192.0.2.43'))[0];
    assert.equal(unnamed.snippet, true);
    assert.equal(unnamed.edits[0].newText, '43 IN PTR ${1:host.example.com.}\n');
  });

  test('ptr-mismatch: FCrDNS failing is a warning, passing through another name is information', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const fails = forHost(c, 'ptr-mismatch', 'mx3.example.com');
    assert.equal(fails.severity, 'warning');
    assert.match(fails.message, /other\.example\.com does not resolve back to 192\.0\.2\.27/);
    const passes = forHost(c, 'ptr-mismatch', 'mx4.example.com');
    assert.equal(passes.severity, 'information');
    assert.match(passes.message, /shared\.example\.com resolves back/);
    const unknown = forHost(c, 'ptr-mismatch', 'mx9.example.com');
    assert.equal(unknown.severity, 'warning');
    assert.match(unknown.message, /cannot be checked here/);
  });

  test('ptr-mismatch: the fix points the PTR at the mail host', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const [fix] = fixesOf(c, forHost(c, 'ptr-mismatch', 'mx3.example.com'));
    assert.notEqual(fix.isPreferred, true);
    const texts = applyFix(fix, { '': FORWARD, 'reverse.zone': REVERSE.text });
    assert.equal(texts['reverse.zone'], REVERSE.text.replace('27         IN PTR other.example.com.', '27         IN PTR mx3.example.com.'));
    const after = check(FORWARD, 'example.com.', [{ ...REVERSE, text: texts['reverse.zone'] }, CLASSLESS]);
    assert.equal(only(after, 'ptr-mismatch').filter((x) => x.message.includes('mx3')).length, 0);
  });

  test('no ptr-mismatch fix once the reverse zone has moved on', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const d = forHost(c, 'ptr-mismatch', 'mx3.example.com');
    const edited = withZones([{ ...REVERSE, text: '; edited\n' + REVERSE.text }, CLASSLESS])(c.zone);
    assert.deepEqual(ruleFixes(d, c.zone, edited), []);
    assert.equal(ruleFixes(d, c.zone, c.workspace).length, 1);
  });

  test('a delegated reverse name the workspace cannot see gets a hint with the delegated name', () => {
    const c = check(FORWARD, 'example.com.', [REVERSE, CLASSLESS]);
    const d = forHost(c, 'ptr-hint', 'mx8.example.com');
    assert.equal((d.data as { record: string }).record, '130.128/26.2.0.192.in-addr.arpa. IN PTR mx8.example.com.');
  });

  test('IPv6 hosts are checked against ip6.arpa zones', () => {
    const forward = '$ORIGIN example.org.\n$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN MX 10 mail\n;          ^^^^ ptr-missing\nmail IN AAAA 2001:db8::25\nmx2 IN AAAA 2001:db8::26\n@ IN MX 20 mx2\n';
    const reverse: OtherZone = { uri: 'v6.zone', origin: '8.b.d.0.1.0.0.2.ip6.arpa.', text: '$TTL 1h\n@ IN SOA ns1.example.org. h.example.org. 1 2 3 4 5\n6.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR mx2.example.org.\n' };
    assertAnnotated(forward, PTR, 'example.org.', withZones([reverse]));
    const c = check(forward, 'example.org.', [reverse]);
    const fixed = applyFix(fixesOf(c, single(c, 'ptr-missing'))[0], { '': forward, 'v6.zone': reverse.text });
    assert.equal(fixed['v6.zone'], reverse.text + '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR mail.example.org.\n');
  });

  test('reverse names of addresses', () => {
    assert.equal(reverseNameOf('192.0.2.25'), '25.2.0.192.in-addr.arpa.');
    assert.equal(reverseNameOf('2001:db8::1'), '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
    assert.equal(reverseNameOf('not an address'), undefined);
  });

  test('the analysis is computed once per zone and workspace state', () => {
    const zone = parse(FORWARD, 'example.com.');
    const ws = withZones([REVERSE])(zone);
    const first = reverseChecks(zone, ws);
    assert.equal(reverseChecks(zone, ws), first);
    ws.set('classless.zone', parse(CLASSLESS.text, CLASSLESS.origin, 'classless.zone'));
    const second = reverseChecks(zone, ws);
    assert.notEqual(second, first);
    const mx6 = (list: typeof first) => list.find((x) => x.host.host === 'mx6.example.com.')!.verdict.kind;
    assert.equal(mx6(first), 'delegated');
    assert.equal(mx6(second), 'ok');
    assert.equal(reverseChecks(zone, new Workspace()).length, first.length, 'another workspace is another analysis');
  });
});

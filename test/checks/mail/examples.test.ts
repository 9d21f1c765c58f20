import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mailRules } from '../../../server/src/language/checks/mail';
import { check, example, only } from './helpers';

const MAIL_IDS = new Set(mailRules.map((r) => r.id));

describe('the example zones', () => {
  test('mail-mistakes.zone: the MX, DMARC and DKIM problems are found', () => {
    const text = example('mail-mistakes.zone');
    const c = check(text, 'example.com.');
    const found = (code: string) => only(c, code).map((d) => text.slice(d.start, d.end));
    assert.deepEqual(found('mx-target-no-address'), ['mail.example.com', 'backup']);
    assert.match(only(c, 'mx-target-no-address')[0].message, /trailing dot/);
    assert.deepEqual(found('dmarc-syntax').sort(), ['150', 'dmarc@example.com']);
    assert.deepEqual(found('dmarc-policy-none'), ['none']);
    assert.equal(only(c, 'dkim-weak-key').length, 1);
    assert.match(only(c, 'dkim-weak-key')[0].message, /1024 bits/);
  });

  test('example.org.zone with its reverse zone: no error or warning from the mail rules', () => {
    const forward = example('example.org.zone');
    const reverse = { uri: 'reverse.zone', origin: '2.0.192.in-addr.arpa.', text: example('2.0.192.in-addr.arpa.zone') };
    const c = check(forward, 'example.org.', [reverse]);
    const mail = c.diagnostics.filter((d) => MAIL_IDS.has(d.code));
    assert.deepEqual(mail.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code}: ${d.message}`), []);
    // The IPv4 reverse DNS is complete; only the IPv6 address of mail has no reverse zone here.
    assert.deepEqual(mail.map((d) => d.code), ['ptr-hint']);
    assert.match(mail[0].message, /2001:db8::25/);
    // And the reverse zone itself draws nothing from the mail rules.
    const r = check(reverse.text, reverse.origin, [{ uri: 'forward.zone', origin: 'example.org.', text: forward }]);
    assert.deepEqual(r.diagnostics.filter((d) => MAIL_IDS.has(d.code)), []);
  });

  test('without its reverse zone, example.org.zone gets hints only', () => {
    const c = check(example('example.org.zone'), 'example.org.');
    const mail = c.diagnostics.filter((d) => MAIL_IDS.has(d.code));
    assert.ok(mail.length >= 2);
    assert.ok(mail.every((d) => d.code === 'ptr-hint' && d.severity === 'information'));
  });
});

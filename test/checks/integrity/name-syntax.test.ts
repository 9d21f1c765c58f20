import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { hostnameProblem } from '../../../server/src/language/checks/integrity/hostnames';
import { assertFindings, HEAD, messagesOf } from './helpers';

test('name-syntax: bad labels of A/AAAA owners, pointed at the label', () => {
  const text = `${HEAD}web.my_host IN A 192.0.2.1
;   ^^^^^^^ name-syntax
a.-bad- IN AAAA 2001:db8::1
; ^^^^^ name-syntax
`;
  assertAnnotated(text, ['name-syntax']);
  assert.match(messagesOf(text, 'name-syntax')[0], /"my_host" contains an underscore/);
  assertFindings(`${HEAD}my_host IN A 192.0.2.1\n    IN AAAA 2001:db8::1\n`, 'name-syntax', ['7:0-7']);
});

test('name-syntax: MX, NS and SRV targets', () => {
  const text = `${HEAD}@ IN MX 10 mail_1
;          ^^^^^^ name-syntax
sub IN NS ns.bad_label.example.net.
;            ^^^^^^^^^ name-syntax
_xmpp._tcp IN SRV 0 5 5222 *.example.net.
;                          ^ name-syntax
`;
  assertAnnotated(text, ['name-syntax']);
});

test('name-syntax: underscore labels where they belong, wildcards, IDN in xn-- form, digits', () => {
  const text = `${HEAD}a._spf IN A 192.0.2.1
a._spf_rate IN A 192.0.2.1
*.wild IN A 192.0.2.1
xn--bcher-kva IN A 192.0.2.1
3com IN A 192.0.2.1
@ IN MX 10 .
_sip._tcp IN SRV 0 5 5060 .
_sip._udp IN SRV 0 5 5060 sip
sip IN A 192.0.2.8
sel_2024._domainkey IN A 192.0.2.1
_25._tcp.mx IN A 192.0.2.1
www_x IN TXT "not a host name, not checked"
`;
  assertAnnotated(text, ['name-syntax']);
});

test('name-syntax: hostnameProblem', () => {
  assert.equal(hostnameProblem('www.example.com.', false), null);
  assert.equal(hostnameProblem('*.example.com.', true), null);
  assert.equal(hostnameProblem('*.example.com.', false)?.label, 0);
  assert.equal(hostnameProblem('a.*.example.com.', true), null, 'left to wildcard-non-terminal');
  assert.equal(hostnameProblem('a.*.example.com.', false)?.label, 1);
  assert.equal(hostnameProblem('_foo.example.com.', true)?.label, 0);
  assert.equal(hostnameProblem('x._foo._tcp.example.com.', true), null);
  assert.equal(hostnameProblem('mail.ex_ample.com.', false)?.label, 1);
  assert.match(hostnameProblem('caf\\195\\169.example.', false)!.message, /xn--/);
});

test('name-syntax: PTR targets in reverse zones (not DNS-SD browsing names) and SVCB/HTTPS targets', () => {
  const reverse = `$TTL 3600
@ IN SOA ns1.example.com. hostmaster.example.com. 1 14400 3600 1209600 3600
@ IN NS ns1.example.com.
@ IN NS ns2.example.com.
1 IN PTR host_1.example.com.
;        ^^^^^^ name-syntax
b._dns-sd._udp IN PTR any_domain.example.com.
lb._dns-sd._tcp IN PTR bad_target.example.com.
;                      ^^^^^^^^^^ name-syntax
`;
  assertAnnotated(reverse, ['name-syntax'], '2.0.192.in-addr.arpa.');
  const forward = `${HEAD}_http._tcp IN PTR My_Printer._http._tcp
svc IN SVCB 1 _underscore.example.net. port=60
;             ^^^^^^^^^^^ name-syntax
@ IN HTTPS 1 . alpn=h2
`;
  assertAnnotated(forward, ['name-syntax']);
});

test('name-syntax: a $GENERATE template is reported once, on the template', () => {
  const text = `${HEAD}$GENERATE 1-3 h_$ A 192.0.2.$
;             ^^^ name-syntax
$GENERATE 1-3 sub$ NS ns_$.example.net.
;                     ^^^^^^^^^^^^^^^^^ name-syntax
`;
  assertAnnotated(text, ['name-syntax']);
});

test('name-syntax: labels of the zone origin itself are not checked', () => {
  const text = `$TTL 3600
@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600
@ IN NS ns1
@ IN NS ns2.example.net.
ns1 IN A 192.0.2.1
www IN A 192.0.2.2
@ IN MX 10 www
x.a_b IN A 192.0.2.3
; ^^^ name-syntax
`;
  assertAnnotated(text, ['name-syntax'], 'my_zone.example.');
  assert.equal(hostnameProblem('www.my_zone.example.', false, 2), null);
  assert.equal(hostnameProblem('www.my_zone.example.', false, 0)?.label, 1);
});

import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('srv-target-no-address: in-zone targets without A/AAAA', () => {
  const text = `${HEAD}_sip._tcp IN SRV 10 5 5060 sip
;                          ^^^ srv-target-no-address
sip IN TXT "no address here"
_xmpp._tcp IN SRV 10 5 5222 nowhere.example.com.
;                           ^^^^^^^^^^^^^^^^^^^^ srv-target-no-address
`;
  assertAnnotated(text, ['srv-target-no-address']);
});

test('srv-target-no-address: ".", addresses, wildcards, other zones, delegations and CNAMEs are not reported', () => {
  const text = `${HEAD}_a._tcp IN SRV 0 0 1 .
_b._tcp IN SRV 0 0 1 ns1
_c._tcp IN SRV 0 0 1 host.wild
*.wild IN AAAA 2001:db8::1
_d._tcp IN SRV 0 0 1 host.example.net.
_e._tcp IN SRV 0 0 1 host.sub
sub IN NS ns.example.net.
_f._tcp IN SRV 0 0 1 alias
alias IN CNAME ns1
`;
  assertAnnotated(text, ['srv-target-no-address']);
});

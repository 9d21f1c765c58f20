import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { checkIssueValue } from '../../../server/src/language/checks/integrity/caaValue';
import { HEAD } from './helpers';

test('caa-syntax: reserved flags, unknown tags (critical ones are errors)', () => {
  const text = `${HEAD}@ IN CAA 1 issue "letsencrypt.org"
;        ^ caa-syntax
@ IN CAA 0 isue "letsencrypt.org"
;          ^^^^ caa-syntax
@ IN CAA 128 tbs "x"
;            ^^^ caa-syntax
`;
  const found = assertAnnotated(text, ['caa-syntax']);
  assert.match(found[1].message, /Did you mean "issue"\?/);
  const severities = diagnosticsOf(text).raw.filter((d) => d.code === 'caa-syntax').map((d) => d.severity);
  assert.deepEqual(severities, ['warning', 'warning', 'error']);
});

test('caa-syntax: issue values point at the bad characters', () => {
  const text = `${HEAD}@ IN CAA 0 issue "https://letsencrypt.org"
;                 ^^^^^^^^^^^^^^^^^^^^^^^ caa-syntax
@ IN CAA 0 issuewild "pki.goog."
;                             ^ caa-syntax
@ IN CAA 0 issue "ca.example; account"
;                             ^^^^^^^ caa-syntax
@ IN CAA 0 issue "a.example,b.example"
;                 ^^^^^^^^^^^^^^^^^^^ caa-syntax
`;
  assertAnnotated(text, ['caa-syntax']);
});

test('caa-syntax: iodef, contactemail and contactphone values', () => {
  const text = `${HEAD}@ IN CAA 0 iodef "security@example.com"
;                 ^^^^^^^^^^^^^^^^^^^^ caa-syntax
@ IN CAA 0 iodef "mailto:nobody"
;                        ^^^^^^ caa-syntax
@ IN CAA 0 contactemail "hostmaster"
;                        ^^^^^^^^^^ caa-syntax
@ IN CAA 0 contactphone "555 1234"
;                        ^^^^^^^^ caa-syntax
`;
  assertAnnotated(text, ['caa-syntax']);
});

test('caa-syntax: well-formed records', () => {
  const text = `${HEAD}@ IN CAA 0 issue "letsencrypt.org"
@ IN CAA 0 issue "letsencrypt.org; validationmethods=dns-01; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1"
@ IN CAA 0 issuewild ";"
@ IN CAA 0 issue ""
@ IN CAA 128 issue "pki.goog"
@ IN CAA 0 ISSUE "sectigo.com"
@ IN CAA 0 iodef "mailto:security@example.com"
@ IN CAA 0 iodef "https://iodef.example.com/report"
@ IN CAA 0 issuemail "ca.example"
@ IN CAA 0 issuevmc "digicert.com"
@ IN CAA 0 contactemail "domains@example.com"
@ IN CAA 0 contactphone "+1-555-555-0100"
`;
  assertAnnotated(text, ['caa-syntax']);
});

test('caa-syntax: checkIssueValue', () => {
  assert.equal(checkIssueValue(''), null);
  assert.equal(checkIssueValue(' ca.example ; a=b ; c = d '), null);
  assert.deepEqual(checkIssueValue('ca.example extra'), { from: 11, to: 16, message: 'unexpected "extra" after the issuer; parameters follow a ";"' });
  assert.equal(checkIssueValue('c_a.example')?.from, 0);
});

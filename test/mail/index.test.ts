import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIL_RULES, validateMailRecord, type MailRecordKind } from '../../server/src/language/mail/index';
import { charStrings } from './source';
import { ed25519RawBase64, rsaSpkiBase64 } from './keys';

/** One record per rule id that must raise it: together they cover the whole registry. */
const TRIGGERS: [MailRecordKind, string, string][] = [
  ['dkim', 'dkim-syntax', '"v=DKIM1; k=dsa; p="'],
  ['dkim', 'dkim-key-revoked', '"v=DKIM1; p="'],
  ['dkim', 'dkim-weak-key', `"p=${rsaSpkiBase64(1024)}"`],
  ['dkim', 'dkim-key-type-mismatch', `"p=${ed25519RawBase64()}"`],
  ['dkim', 'dkim-testing-mode', `"t=y; p=${rsaSpkiBase64(2048)}"`],
  ['dkim', 'dkim-sha1', `"h=sha1; p=${rsaSpkiBase64(2048)}"`],
  ['dmarc', 'dmarc-syntax', '"v=DMARC1; p=maybe"'],
  ['dmarc', 'dmarc-policy-none', '"v=DMARC1; p=none"'],
  ['dmarc', 'dmarc-pct-partial', '"v=DMARC1; p=reject; pct=10"'],
  ['dmarc', 'dmarc-no-rua', '"v=DMARC1; p=reject"'],
  ['mta-sts', 'mta-sts-syntax', '"v=STSv1"'],
  ['tlsrpt', 'tlsrpt-syntax', '"v=TLSRPTv1"'],
  ['bimi', 'bimi-syntax', '"v=BIMI1"'],
];

describe('validateMailRecord and MAIL_RULES', () => {
  test('dispatches by kind, and every registered rule is raised by its kind', () => {
    for (const [kind, code, src] of TRIGGERS) {
      const codes = validateMailRecord(kind, charStrings(src)).findings.map((f) => f.code);
      assert.ok(codes.includes(code), `${kind} ${src.slice(0, 40)} should raise ${code}, got ${codes.join(', ')}`);
    }
    assert.deepEqual(new Set(TRIGGERS.map((t) => t[1])), new Set(MAIL_RULES.map((r) => r.id)));
  });

  test('every finding code is a registered kebab-case rule id and its message is a sentence', () => {
    const ids = new Set<string>(MAIL_RULES.map((r) => r.id));
    for (const [kind, , src] of TRIGGERS) {
      for (const f of validateMailRecord(kind, charStrings(src)).findings) {
        assert.ok(ids.has(f.code), f.code);
        assert.match(f.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.match(f.message, /^[`A-Z].*[.)]$/, f.message);
      }
    }
  });

  test('the same text is checked differently by kind', () => {
    const strings = charStrings('"v=DMARC1; p=reject; rua=mailto:a@example.com"');
    assert.deepEqual(validateMailRecord('dmarc', strings).findings, []);
    assert.ok(validateMailRecord('bimi', strings).findings.some((f) => f.code === 'bimi-syntax'));
  });
});

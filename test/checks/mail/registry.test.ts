import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailRules } from '../../../server/src/language/checks/mail';
import { MAIL_RULES } from '../../../server/src/language/mail';

test('every id of the mail validators has a rule with the same default severity', () => {
  for (const meta of MAIL_RULES) {
    const rule = mailRules.find((r) => r.id === meta.id);
    assert.ok(rule, meta.id);
    assert.equal(rule.defaultSeverity, meta.defaultSeverity, meta.id);
    assert.equal(rule.stage, 'semantic');
  }
});

test('mail rule ids are unique; reverse-DNS rules run in the workspace stage', () => {
  const ids = mailRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of mailRules) assert.equal(r.stage, r.id.startsWith('ptr-') ? 'workspace' : 'semantic', r.id);
  assert.ok(!ids.some((id) => id.startsWith('spf-')), 'SPF rules live in checks/spf');
});

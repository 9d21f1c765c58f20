/**
 * spf-syntax's quick fix for a mechanism written as a modifier: `include=x` → `include:x`. It is
 * preferred and automatic (Fix all, `zonelint --fix`), and after it the finding is gone.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, preferredFixEdits, ruleFixes } from '../../server/src/language/features/codeActions';
import { isAutomaticFix } from '../../server/src/language/checks/rule';
import { validate, Workspace } from '../../server/src/language/languageService';
import { zoneOf } from './helpers';

const zoneWith = (spf: string): string => ['$TTL 1h', '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h', '@ IN NS ns1', 'ns1 IN A 192.0.2.1', `@ IN TXT ${spf}`, ''].join('\n');

function spfSyntaxFindings(text: string) {
  const zone = zoneOf(text);
  return { zone, findings: validate(zone, new Workspace()).filter((d) => d.code === 'spf-syntax') };
}

describe('spf-syntax: include= quick fix', () => {
  test('include= becomes include:, preferred and automatic, and the finding goes away', () => {
    const text = zoneWith('"v=spf1 include=_spf.example.net -all"');
    const { zone, findings } = spfSyntaxFindings(text);
    assert.equal(findings.length, 1);
    const fixes = ruleFixes(findings[0], zone, new Workspace());
    assert.equal(fixes.length, 1);
    assert.ok(isAutomaticFix(fixes[0]));
    const fixed = applyEdits(text, fixes[0].edits);
    assert.equal(fixed, zoneWith('"v=spf1 include:_spf.example.net -all"'));
    assert.equal(spfSyntaxFindings(fixed).findings.length, 0);
  });
  test('Fix all repairs every mechanism written with =, across strings', () => {
    const text = zoneWith('( "v=spf1 a=mail.example.com " "MX=example.net ip4:192.0.2.1 -all" )');
    const { zone, findings } = spfSyntaxFindings(text);
    assert.equal(findings.length, 2);
    const fixed = applyEdits(text, preferredFixEdits(findings, zone, new Workspace()));
    assert.equal(fixed, zoneWith('( "v=spf1 a:mail.example.com " "MX:example.net ip4:192.0.2.1 -all" )'));
  });
  test('no fix for all= or for other syntax errors', () => {
    for (const spf of ['"v=spf1 all=x"', '"v=spf1 ip4:300.1.1.1 -all"']) {
      const { zone, findings } = spfSyntaxFindings(zoneWith(spf));
      assert.ok(findings.length >= 1, spf);
      for (const f of findings) assert.deepEqual(ruleFixes(f, zone, new Workspace()), [], spf);
    }
  });
});

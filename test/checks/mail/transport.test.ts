import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyFix, check, fixesOf, fixture, only } from './helpers';

const IDS = ['mta-sts-syntax', 'tlsrpt-syntax', 'bimi-syntax', 'mta-sts-host-missing'];

describe('MTA-STS, TLS-RPT and BIMI rules', () => {
  test('findings sit at the annotated values and records', () => {
    assertAnnotated(fixture('transport.zone'), IDS);
  });

  test('mta-sts-host-missing offers an address record snippet for the policy host', () => {
    const text = fixture('transport.zone');
    const c = check(text);
    const d = only(c, 'mta-sts-host-missing').find((x) => x.message.includes('mta-sts.b.example.com'));
    assert.ok(d);
    assert.equal(d.severity, 'warning');
    const [fix] = fixesOf(c, d);
    assert.equal(fix.snippet, true);
    assert.equal(fix.edits[0].newText, 'mta-sts.b IN A ${1:192.0.2.1}\n');
    const fixed = applyFix(fix, { '': text })[''];
    assert.equal(fixed, text + 'mta-sts.b IN A 192.0.2.1\n');
    const after = only(check(fixed), 'mta-sts-host-missing');
    assert.deepEqual(after.map((x) => /mta-sts\.(\w)\.example/.exec(x.message)?.[1]), ['a']);
  });

  test('a policy host in the zone through a wildcard counts', () => {
    const text = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\n_mta-sts IN TXT "v=STSv1; id=1"\n* IN A 192.0.2.80\n';
    assert.equal(only(check(text), 'mta-sts-host-missing').length, 0);
    assert.equal(only(check(text.replace('* IN A', 'www IN A')), 'mta-sts-host-missing').length, 1);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';
import { validateDkimRecord } from '../../../server/src/language/mail';
import { mailTxtRecords } from '../../../server/src/language/checks/mail/mailRecords';
import { txtStrings } from '../../../server/src/language/checks/mail/records';
import { check, fixture, only } from './helpers';

const DKIM = ['dkim-syntax', 'dkim-key-revoked', 'dkim-weak-key', 'dkim-key-type-mismatch', 'dkim-testing-mode', 'dkim-sha1'];

describe('DKIM key record rules', () => {
  test('findings sit at the annotated tags and values', () => {
    assertAnnotated(fixture('dkim.zone'), DKIM);
  });

  test('the validator severity is kept: under 1024 bits is an error, under 2048 a warning', () => {
    const c = check(fixture('dkim.zone'));
    const weak = only(c, 'dkim-weak-key').map((d) => [d.severity, /(\d+) bits/.exec(d.message)?.[1]]);
    assert.deepEqual(weak.sort(), [['error', '512'], ['warning', '1024']]);
    const syntax = only(c, 'dkim-syntax').map((d) => d.severity).sort();
    assert.deepEqual(syntax, ['error', 'error', 'warning']);
  });

  test('the rules report exactly what the DKIM validator finds, once', () => {
    const c = check(fixture('dkim.zone'));
    const expected: string[] = [];
    for (const r of c.zone.ofType('TXT')) {
      if (!/\._domainkey\./.test(r.owner)) continue;
      for (const f of validateDkimRecord(txtStrings(r)).findings) expected.push(`${f.code} ${f.start}-${f.end}`);
    }
    const actual = c.diagnostics.filter((d) => DKIM.includes(d.code)).map((d) => `${d.code} ${d.start}-${d.end}`);
    assert.ok(expected.length >= 9);
    assert.deepEqual(actual.sort(), expected.sort());
  });

  test('TXT records are classified and parsed once per zone', () => {
    const c = check(fixture('dkim.zone'));
    const first = mailTxtRecords(c.zone);
    assert.equal(mailTxtRecords(c.zone), first);
    assert.deepEqual([...new Set(first.map((m) => m.kind))], ['dkim']);
    // `_domainkey` itself and `www` hold TXT records that are not key records.
    assert.equal(first.length, c.zone.ofType('TXT').length - 2);
  });

  test('a key record in an $INCLUDE file is reported in that file', () => {
    const main = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\n$INCLUDE keys.zone\n';
    const keys = 'sel._domainkey IN TXT "v=DKIM1; p="\n';
    const zone = parseDocument({ text: main, origin: 'example.com.', fileName: 'main.zone', readInclude: () => ({ name: 'keys.zone', text: keys }) });
    const d = validate(zone, singleZoneWorkspace('main.zone', zone)).filter((x) => x.code === 'dkim-key-revoked');
    assert.equal(d.length, 1);
    assert.equal(d[0].file, 1);
    assert.equal(keys.slice(d[0].start, d[0].end), 'p=');
  });
});

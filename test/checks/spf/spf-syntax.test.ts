import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';
import { parseSpf } from '../../../server/src/language/spf';
import { zoneSpf } from '../../../server/src/language/checks/spf/records';
import { check, covered, fixture, HEAD, only } from './helpers';

test('spf-syntax: every parser error at its range (annotated fixture)', () => {
  assertAnnotated(fixture('spf-syntax.zone'), ['spf-syntax', 'spf-joined-badly']);
});

test('spf-syntax: the message is the parser\'s, and every error of every record is forwarded', () => {
  const c = check(fixture('spf-syntax.zone'));
  const findings = only(c, 'spf-syntax');
  const expected = zoneSpf(c.zone).entries.flatMap((e) => parseSpf(e.strings).errors.filter((x) => x.code !== 'version-joined'));
  assert.equal(findings.length, 9);
  assert.deepEqual(
    findings.map((d) => [d.start, d.end, d.message]),
    expected.map((x) => [x.start, x.end, x.message]),
  );
  assert.match(findings[0].message, /'include=' should be 'include:'/);
});

test('spf-syntax: TXT records that are not SPF, and clean SPF records, give nothing', () => {
  const c = check(`${HEAD}@ IN TXT "v=spf1 mx -all"\nx IN TXT "v=DMARC1; p=none"\ny IN TXT "spf1 foo"\nz IN TXT "v=spf1"\n`);
  assert.deepEqual(covered(c, 'spf-syntax'), []);
});

test('spf-syntax: an error in an $INCLUDEd file is reported in that file, at its offsets', () => {
  const included = '@ IN TXT "v=spf1 foo -all"\n';
  const zone = parseDocument({ text: `${HEAD}$INCLUDE spf.inc\n`, origin: 'example.com.', fileName: 'fixture.zone', readInclude: () => ({ name: 'spf.inc', text: included }) });
  const findings = validate(zone, singleZoneWorkspace('fixture.zone', zone)).filter((d) => d.code === 'spf-syntax');
  assert.deepEqual(findings.map((d) => [d.file, included.slice(d.start, d.end)]), [[1, 'foo']]);
});

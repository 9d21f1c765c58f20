/**
 * Fixture zones under test/fixtures/parser: each parse is compared, record by record and
 * diagnostic by diagnostic (exact ranges), with the reviewed `.expected` file beside it.
 * `UPDATE_EXPECTED=1` rewrites the expected files; review the diff before committing it.
 * Whether BIND agrees with each fixture is checked in differential.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { dumpZone, expectedPath, listFixtures, parseFixture } from './fixtureFiles';
import { ourFindings } from '../oracle/zoneChecks';

const update = process.env.UPDATE_EXPECTED === '1';

for (const kind of ['ok', 'err'] as const) {
  describe(`parser fixtures: ${kind}`, () => {
    const fixtures = listFixtures(kind);
    test('there are fixtures', () => assert.ok(fixtures.length >= 10, `only ${fixtures.length} ${kind} fixtures`));
    for (const f of fixtures) {
      test(f.name, () => {
        const zone = parseFixture(f);
        const actual = dumpZone(zone);
        const file = expectedPath(f);
        if (update) fs.writeFileSync(file, actual);
        assert.ok(fs.existsSync(file), `${file} is missing: run with UPDATE_EXPECTED=1 and review it`);
        assert.equal(actual, fs.readFileSync(file, 'utf8'));
        const findings = ourFindings(zone);
        if (kind === 'ok') {
          assert.deepEqual(findings.map((x) => `${x.id}: ${x.message}`), [], 'an ok fixture must load');
          assert.ok(zone.records.length > 0);
        } else {
          assert.ok(findings.length > 0, 'an err fixture must be refused');
        }
      });
    }
  });
}

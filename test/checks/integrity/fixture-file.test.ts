/**
 * A realistic zone file from test/fixtures with several integrity mistakes at once: every
 * integrity finding must be the annotated one (nothing missing, nothing extra), so the rules
 * also do not trip over each other.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertAnnotated } from '../../helpers/annotations';
import { integrityRules } from '../../../server/src/language/checks/integrity';
import { fixturesDir } from './helpers';

test('integrity: the annotated mail-hosting zone', () => {
  const text = fs.readFileSync(path.join(fixturesDir, 'mail-zone.zone'), 'utf8');
  assertAnnotated(text, integrityRules.map((r) => r.id));
});

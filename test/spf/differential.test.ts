/**
 * Differential test against mailauth v4: a few thousand deterministic records (valid ones,
 * mutated), each split into one to three character-strings, get a "syntax valid" verdict from
 * both implementations. Every disagreement must fall into a known, explained class
 * (./disagreements.ts); anything else fails the test.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, KNOWN_CRASHES, ourRfcErrors, termContext, type DisagreementContext, type Direction } from './disagreements';
import { mailauthAvailable, mailauthVerdict } from './mailauthOracle';
import { BASE_RECORDS, generateRecords, seededRandom, splitIntoStrings } from './recordGenerator';

const RECORD_COUNT = 3000;
const SEED = 7208;

describe('differential: our parser vs mailauth', { skip: mailauthAvailable ? false : 'mailauth not installed' }, () => {
  test('the base records are valid for both', async () => {
    for (const record of BASE_RECORDS) {
      assert.deepEqual(ourRfcErrors([record]), [], record);
      const verdict = await mailauthVerdict([record]);
      assert.equal(verdict.valid, true, `${record}: ${verdict.detail}`);
    }
  });

  test('the harness sees mailauth permerrors', async () => {
    // If the oracle silently accepted everything, the comparison below would mean nothing.
    for (const bad of ['v=spf1 moo', 'v=spf1 ip4:1.2.3.4/33', 'v=spf1 -all a:museum', 'v=spf1 redirect=a.example redirect=b.example']) {
      assert.equal((await mailauthVerdict([bad])).valid, false, bad);
    }
  });

  test(`${RECORD_COUNT} generated records: every disagreement is explained`, async (t) => {
    const records = generateRecords(RECORD_COUNT, SEED);
    const split = seededRandom(SEED + 1);
    const counts = { bothValid: 0, bothInvalid: 0, crashed: 0 };
    const byClass = new Map<string, number>();
    const unexplained: string[] = [];
    for (const record of records) {
      const strings = splitIntoStrings(record, split);
      const oursValid = ourRfcErrors(strings).length === 0;
      const theirs = await mailauthVerdict(strings);
      if (theirs.crashed) {
        // No verdict from mailauth: leave the record out, but only for crashes we understand.
        if (!KNOWN_CRASHES.some((k) => k.pattern.test(theirs.detail))) unexplained.push(`mailauth crashed: ${theirs.detail}`);
        counts.crashed++;
        continue;
      }
      if (oursValid === theirs.valid) {
        if (oursValid) counts.bothValid++;
        else counts.bothInvalid++;
        continue;
      }
      const context = await locate(oursValid ? 'we-accept' : 'we-reject', record, theirs.detail);
      const known = classify(context);
      if (known) byClass.set(`${known.verdict} ${known.direction} ${known.id}`, (byClass.get(`${known.verdict} ${known.direction} ${known.id}`) ?? 0) + 1);
      else unexplained.push(`${context.direction} ${JSON.stringify(record)} term=${JSON.stringify(context.term ?? '(record)')} ours=[${[...context.codes].join(',')}] mailauth=${theirs.detail}`);
    }
    const disagreements = [...byClass.values()].reduce((a, b) => a + b, 0) + unexplained.length;
    t.diagnostic(`records: ${records.length} (seed ${SEED}); both valid ${counts.bothValid}, both invalid ${counts.bothInvalid}, mailauth crashed ${counts.crashed}`);
    t.diagnostic(`disagreements: ${disagreements}, explained ${disagreements - unexplained.length}, unexplained ${unexplained.length}`);
    for (const [key, n] of [...byClass].sort()) t.diagnostic(`  ${key}: ${n}`);
    for (const u of unexplained.slice(0, 20)) t.diagnostic(`  UNEXPLAINED ${u}`);
    assert.deepEqual(unexplained, []);
    // The generator must keep producing both kinds of records, or the comparison is hollow.
    assert.ok(counts.bothValid > RECORD_COUNT / 10, `only ${counts.bothValid} records valid for both`);
    assert.ok(counts.bothInvalid > RECORD_COUNT / 10, `only ${counts.bothInvalid} records invalid for both`);
  });
});

/** Finds the first term whose verdicts differ on its own; record-level when there is none. */
async function locate(direction: Direction, record: string, detail: string): Promise<DisagreementContext> {
  for (const term of record.slice('v=spf1'.length).split(' ').filter((x) => x !== '')) {
    const oursValid = ourRfcErrors([`v=spf1 ${term}`]).length === 0;
    const theirs = await mailauthVerdict([`v=spf1 ${term}`]);
    if (oursValid !== theirs.valid) return termContext(direction, record, term, theirs.detail);
  }
  return { direction, record, codes: new Set(ourRfcErrors([record])), mailauthDetail: detail };
}

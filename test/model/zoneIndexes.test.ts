/**
 * The zone model's indexes against plain definitions computed the slow way: delegationOf and
 * exists walk names label by label with parentName, the type lists filter every record. The
 * model answers them with faster structures (an in-place scan, a set of empty non-terminals,
 * lists built once), which must agree on every zone.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import type { Zone } from '../../server/src/language/model/zone';
import { isSubdomain, parentName } from '../../server/src/language/rrtypes/names';

const ORIGIN = 'example.com.';

/** delegationOf as a walk up the tree. */
function delegationBySteps(zone: Zone, name: string): string | null {
  const cuts = new Set(zone.records.filter((r) => r.type === 'NS' && r.owner !== zone.origin).map((r) => r.owner));
  if (cuts.size === 0 || !zone.origin) return null;
  for (let n: string | null = name; n !== null && n !== zone.origin && isSubdomain(n, zone.origin); n = parentName(n)) {
    if (cuts.has(n)) return n;
  }
  return null;
}

/** exists as "an owner, or an ancestor of one up to the origin (up to the root outside it)". */
function existsBySteps(zone: Zone, name: string): boolean {
  const nodes = new Set<string>();
  for (const r of zone.records) {
    for (let n: string | null = r.owner; n !== null && !nodes.has(n); n = n === zone.origin ? null : parentName(n)) nodes.add(n);
  }
  return nodes.has(name);
}

// Labels with escapes (an escaped dot is not a separator), wildcards and a case difference.
const label = fc.constantFrom('a', 'b', 'c', 'www', 'x\\.y', 'a\\\\', '\\065', '*', 'B', 'sub', 'example', 'com');
const relativeName = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const writtenName = fc.oneof(
  { arbitrary: relativeName, weight: 6 },
  { arbitrary: relativeName.map((n) => n + '.example.com.'), weight: 1 },
  { arbitrary: relativeName.map((n) => n + '.other.net.'), weight: 1 },
  { arbitrary: fc.constant('@'), weight: 1 },
);
const line = fc.oneof(
  { arbitrary: writtenName.map((n) => `${n} IN A 192.0.2.1`), weight: 3 },
  { arbitrary: fc.tuple(writtenName, writtenName).map(([n, t]) => `${n} IN NS ${t}`), weight: 2 },
  { arbitrary: fc.tuple(writtenName, writtenName).map(([n, t]) => `${n} IN CNAME ${t}`), weight: 1 },
  { arbitrary: writtenName.map((n) => `${n} IN MX 10 mail`), weight: 1 },
  // Broken rdata: a record of the type that is not valid.
  { arbitrary: writtenName.map((n) => `${n} IN MX x`), weight: 1 },
  { arbitrary: writtenName.map((n) => `${n} IN TXT "t"`), weight: 1 },
);
const zoneText = fc.array(line, { minLength: 1, maxLength: 25 }).map((ls) => `$TTL 60\n@ IN SOA ns hm 1 2 3 4 5\n${ls.join('\n')}\n`);
const probe = fc.oneof(writtenName, fc.constantFrom('example.com.', 'com.', '.', 'nowhere.example.com.', 'a.b.c.example.com.'));

function absolute(zone: Zone, written: string): string {
  const z = parseDocument({ text: `$TTL 1\n${written} IN A 192.0.2.1\n`, origin: ORIGIN });
  return z.records[0]?.owner ?? zone.origin ?? '.';
}

describe('zone indexes', () => {
  test('delegationOf and exists agree with walking the tree', () => {
    fc.assert(
      fc.property(zoneText, fc.array(probe, { maxLength: 12 }), (text, probes) => {
        const zone = parseDocument({ text, origin: ORIGIN });
        const names = [...new Set([...zone.records.map((r) => r.owner), ...probes.map((p) => absolute(zone, p))])];
        for (const n of names) {
          assert.equal(zone.delegationOf(n), delegationBySteps(zone, n), `delegationOf(${n})`);
          assert.equal(zone.exists(n), existsBySteps(zone, n), `exists(${n})`);
          const parent = parentName(n);
          if (parent !== null) assert.equal(zone.exists(parent), existsBySteps(zone, parent), `exists(${parent})`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the type lists are the records of those types in source order', () => {
    fc.assert(
      fc.property(zoneText, (text) => {
        const zone = parseDocument({ text, origin: ORIGIN });
        for (const type of ['A', 'NS', 'CNAME', 'MX', 'TXT', 'SOA', 'AAAA']) {
          assert.deepEqual(zone.recordsOfType(type), zone.records.filter((r) => r.type === type));
          assert.deepEqual(zone.ofType(type), zone.records.filter((r) => r.type === type && r.valid));
        }
        for (const types of [['A', 'MX'], ['MX', 'A'], ['NS', 'AAAA'], ['CNAME']]) {
          assert.deepEqual(zone.ofTypes(types, true), zone.records.filter((r) => types.includes(r.type) && r.valid), types.join());
          assert.deepEqual(zone.ofTypes(types, false), zone.records.filter((r) => types.includes(r.type)), types.join());
        }
      }),
      { numRuns: 200 },
    );
  });

  test('invalid records are in recordsOfType only', () => {
    const zone = parseDocument({ text: '$TTL 1\n@ IN SOA ns hm 1 2 3 4 5\na IN MX 10 mail\nb IN MX x\n', origin: ORIGIN });
    assert.deepEqual(zone.recordsOfType('MX').map((r) => r.owner), ['a.example.com.', 'b.example.com.']);
    assert.deepEqual(zone.ofType('MX').map((r) => r.owner), ['a.example.com.']);
  });
});

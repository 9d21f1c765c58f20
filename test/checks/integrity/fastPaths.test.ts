/**
 * Rules that skip most records with a cheap test before the real one (a name that cannot repeat
 * the origin, a target that cannot be an address, a host name of plain LDH labels) report
 * exactly what the real test alone would report, on generated zones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';
import { doubledOrigin } from '../../../server/src/language/checks/integrity/name-missing-trailing-dot';
import { looksLikeAddress as nsLooksLikeAddress } from '../../../server/src/language/checks/integrity/ns-target-is-ip';
import { looksLikeAddress as mxLooksLikeAddress } from '../../../server/src/language/checks/mail/mx-target-is-ip';
import { hostnameProblem } from '../../../server/src/language/checks/integrity/hostnames';
import { nameToLabels } from '../../../server/src/language/rrtypes/names';
import type { Zone } from '../../../server/src/language/model/zone';

const ORIGIN = 'example.com.';

const label = fc.constantFrom('mail', 'Mail', 'www', 'example', 'EXAMPLE', 'com', 'Com', 'net', 'a-b', '_x', '*', 'x\\.y', '\\101xample', '1', '192', '0');
const written = fc.oneof(
  { arbitrary: fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')), weight: 5 },
  { arbitrary: fc.constantFrom('example.com', 'mail.example.com', 'MAIL.Example.COM', 'com', 'example', 'mail.example.com.', '@', 'x.example.com.example.com'), weight: 3 },
  { arbitrary: fc.constantFrom('192.0.2.1', '192.0.2.1.', '[192.0.2.1]', '2001:db8::1', 'ipv6:2001:db8::1', '1.2.3', '10.0.0.256'), weight: 2 },
);
const line = fc.oneof(
  fc.tuple(written, written).map(([o, t]) => `${o} IN MX 10 ${t}`),
  fc.tuple(written, written).map(([o, t]) => `${o} IN NS ${t}`),
  fc.tuple(written, written).map(([o, t]) => `${o} IN CNAME ${t}`),
  written.map((o) => `${o} IN A 192.0.2.1`),
  fc.tuple(written, written).map(([o, t]) => `${o} IN SRV 0 0 1 ${t}`),
);
const zoneText = fc.array(line, { minLength: 1, maxLength: 20 }).map((ls) => `$TTL 60\n@ IN SOA ns hm 1 2 3 4 5\n${ls.join('\n')}\n`);

function findings(zone: Zone, code: string): string[] {
  return validate(zone, singleZoneWorkspace('file:///z', zone))
    .filter((d) => d.code === code)
    .map((d) => `${d.start}-${d.end}`)
    .sort();
}

test('name-missing-trailing-dot reports exactly the names doubledOrigin flags', () => {
  let flagged = 0;
  fc.assert(
    fc.property(zoneText, (text) => {
      const zone = parseDocument({ text, origin: ORIGIN });
      const expected: string[] = [];
      for (const r of zone.records) {
        if (r.ownerStart >= 0 && doubledOrigin(text.slice(r.ownerStart, r.ownerEnd), r.owner)) expected.push(`${r.ownerStart}-${r.ownerEnd}`);
        for (const f of r.rdata) {
          if (f.relative === true && typeof f.value === 'string' && doubledOrigin(text.slice(f.start, f.end), f.value)) expected.push(`${f.start}-${f.end}`);
        }
      }
      flagged += expected.length;
      assert.deepEqual(findings(zone, 'name-missing-trailing-dot'), expected.sort());
    }),
    { numRuns: 300 },
  );
  assert.ok(flagged > 50, `only ${flagged} names were flagged`);
});

test('ns-target-is-ip and mx-target-is-ip report exactly the targets written as addresses', () => {
  fc.assert(
    fc.property(zoneText, (text) => {
      const zone = parseDocument({ text, origin: ORIGIN });
      const target = (r: Zone['records'][number]) => r.rdata[r.rdata.length - 1];
      const ns = zone.ofType('NS').filter((r) => nsLooksLikeAddress(text.slice(target(r).start, target(r).end)) !== null);
      assert.deepEqual(findings(zone, 'ns-target-is-ip'), ns.map((r) => `${target(r).start}-${target(r).end}`).sort());
      const mx = zone.ofType('MX').filter((r) => mxLooksLikeAddress(text.slice(target(r).start, target(r).end)));
      assert.deepEqual(findings(zone, 'mx-target-is-ip'), mx.map((r) => `${target(r).start}-${target(r).end}`).sort());
    }),
    { numRuns: 300 },
  );
});

const LDH = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

test('hostnameProblem: names whose labels are all LDH have none; one bad label is found', () => {
  const good = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
  const bad = fc.constantFrom('-a', 'a-', 'a_b', 'a\\.b', 'A', 'a\\032b', '*');
  fc.assert(
    fc.property(fc.array(good, { minLength: 1, maxLength: 4 }), bad, fc.nat(3), (labels, b, at) => {
      const name = labels.join('.') + '.';
      assert.equal(hostnameProblem(name, false), null, name);
      assert.ok(nameToLabels(name).every((l) => LDH.test(l)));
      const i = Math.min(at, labels.length);
      const withBad = [...labels.slice(0, i), b, ...labels.slice(i)].join('.') + '.';
      assert.equal(hostnameProblem(withBad, false)?.label, i, withBad);
    }),
    { numRuns: 2000 },
  );
});

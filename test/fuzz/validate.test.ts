/**
 * Properties of validate: on any document, alone or in a workspace with other zones, and under
 * any rule settings, it never throws, never reports `internal-error` (a rule that threw), reports
 * only registered rule ids, keeps every range inside its file, and honours `off`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, validate, Workspace, type ValidationSettings } from '../../server/src/language/languageService';
import { allRules } from '../../server/src/language/checks';
import { anyZoneText, zoneText, ORIGIN } from './zoneText';
import { fuzzParams, FUZZ_SEED } from './config';
import { assertDiagnosticsInside, assertKnownCodes, show } from './invariants';
import { assertLinearGrowth, longestSamples } from './growth';

const REVERSE = ['$ORIGIN 2.0.192.in-addr.arpa.', '$TTL 1h', '@ SOA ns1.example.com. h.example.com. 1 2h 1h 2w 1h', '  NS ns1.example.com.', '1 PTR ns1.example.com.', '2 PTR mail.example.com.', ''].join('\n');
const OTHER = ['$ORIGIN other.net.', '$TTL 1h', '@ SOA ns h 1 2h 1h 2w 1h', '  NS ns', '  TXT "v=spf1 include:example.com -all"', '  MX 10 mail', 'mail A 192.0.2.9', ''].join('\n');

/** The document under test plus, optionally, a reverse zone and a zone it includes via SPF. */
function workspaceWith(uri: string, text: string, others: boolean): { ws: Workspace; zone: ReturnType<typeof parseDocument> } {
  const ws = new Workspace();
  const zone = parseDocument({ text, origin: ORIGIN, fileName: uri });
  ws.set(uri, zone);
  if (others) {
    ws.set('file:///zones/2.0.192.in-addr.arpa.zone', parseDocument({ text: REVERSE, origin: '2.0.192.in-addr.arpa.' }));
    ws.set('file:///zones/other.net.zone', parseDocument({ text: OTHER, origin: 'other.net.' }));
  }
  return { ws, zone };
}

const ruleIds = allRules.map((r) => r.id);
const settingsArb: fc.Arbitrary<ValidationSettings> = fc.record({
  rules: fc.dictionary(fc.constantFrom(...ruleIds), fc.constantFrom('off', 'error', 'warning', 'information', 'hint', 'default' as const), { maxKeys: 8 }),
  workspaceRuleRecordLimit: fc.constantFrom(undefined, 0, 5, 200000),
});

describe('validate on arbitrary text', () => {
  test('never throws, never internal-error, only registered ids, ranges inside', () => {
    fc.assert(
      fc.property(anyZoneText(), fc.boolean(), (text, others) => {
        const { ws, zone } = workspaceWith('file:///zones/example.com.zone', text, others);
        const diagnostics = validate(zone, ws);
        const internal = diagnostics.filter((d) => d.code === 'internal-error');
        assert.deepEqual(internal.map((d) => d.message), [], `internal-error on ${show(text)}`);
        assertKnownCodes(diagnostics);
        assertDiagnosticsInside(zone, diagnostics);
      }),
      fuzzParams(800),
    );
  });

  test('any settings: rules set to off report nothing, severities follow the setting', () => {
    fc.assert(
      fc.property(anyZoneText(20), settingsArb, (text, settings) => {
        const { ws, zone } = workspaceWith('file:///zones/example.com.zone', text, true);
        const diagnostics = validate(zone, ws, settings);
        assert.equal(diagnostics.filter((d) => d.code === 'internal-error').length, 0, show(text));
        for (const d of diagnostics) {
          const s = settings.rules?.[d.code];
          assert.notEqual(s, 'off', `${d.code} is off but reported`);
          if (s && s !== 'default') assert.equal(d.severity, s, `${d.code} severity`);
        }
      }),
      fuzzParams(400),
    );
  });

  test('the other zones of the workspace are never harmed: validating them still works', () => {
    fc.assert(
      fc.property(anyZoneText(20), (text) => {
        const { ws } = workspaceWith('file:///zones/example.com.zone', text, true);
        for (const [, z] of ws.entries()) {
          const ds = validate(z, ws);
          assert.equal(ds.filter((d) => d.code === 'internal-error').length, 0, show(text));
          assertDiagnosticsInside(z, ds);
        }
      }),
      fuzzParams(200),
    );
  });

  test('validation time grows linearly with the document (N copies vs 4N copies)', (t) => {
    const docs = longestSamples(zoneText({ maxLines: 40 }), FUZZ_SEED + 1, 3);
    assert.ok(docs.length > 0);
    for (const doc of docs) {
      const copies = Math.max(1, Math.round(20_000 / doc.length));
      const g = assertLinearGrowth(
        `validate of ${show(doc, 80)}`,
        (n) => Array(n).fill(doc).join('\n'),
        (text) => {
          const zone = parseDocument({ text, origin: ORIGIN });
          const ws = new Workspace();
          ws.set('file:///zones/example.com.zone', zone);
          validate(zone, ws);
        },
        copies,
        { repeat: 2, maxRatio: 12 },
      );
      t.diagnostic(`${doc.length * copies} -> ${doc.length * copies * 4} chars: ${g.smallMs.toFixed(1)} -> ${g.largeMs.toFixed(1)} ms (x${g.ratio.toFixed(1)})`);
    }
  });
});

/**
 * The dns-zonefile interchange on arbitrary documents: a zone exported to dns-zonefile's JSON and
 * written back by dns-zonefile's own generate() (what `--export-json` then `--import-json` do)
 * parses to the same records of the types the format carries, as long as the exporter says it
 * left nothing out. Found this way: generate() dropped TTLs of 0 and read `$'` in a TXT record as
 * a replacement pattern (server/src/node/zonefileJson.ts works around both).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import type { Zone } from '../../server/src/language/model/zone';
import { generateZoneText, zoneToZonefileJson, ZONEFILE_TYPES } from '../../server/src/node/zonefileJson';
import { loadDnsZonefile } from '../../server/src/cli/loadDnsZonefile';
import { valueKey } from './invariants';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { show } from './invariants';

/** The records dns-zonefile carries (it holds one SOA), as comparable strings. */
function carried(zone: Zone): string[] {
  let soa = 0;
  return zone.records
    .filter((r) => r.valid && ZONEFILE_TYPES.includes(r.type) && !(r.type === 'SOA' && soa++ > 0))
    .map((r) => JSON.stringify([r.owner, r.ttl, r.type, r.rdata.map((f) => valueKey(f.value))]))
    .sort();
}

describe('dns-zonefile interchange on arbitrary documents', () => {
  test('export, then generate() and parse: the same records', async () => {
    const api = await loadDnsZonefile();
    let compared = 0;
    fc.assert(
      fc.property(anyZoneText(20, false), fc.constantFrom('', 'quote"d $\' $` $& {txt} {zone} {srv}'), (text, extra) => {
        const source = extra ? `${text}\nextra TXT "${extra.replace(/"/g, '\\"')}"\n` : text;
        const zone = parseDocument({ text: source, origin: ORIGIN, fileName: 'example.com.zone' });
        if (zone.parseDiagnostics.some((d) => d.severity === 'error')) return;
        const exported = zoneToZonefileJson(zone);
        if (!exported.json.soa) return; // generate() needs an SOA; the CLI says so (test/cli/interchange.test.ts)
        const out = generateZoneText(api, exported.json);
        const back = parseDocument({ text: out, fileName: 'imported.zone' });
        const context = `${show(source)} came back as ${show(out, 600)}`;
        assert.deepEqual(back.parseDiagnostics.filter((d) => d.severity === 'error'), [], context);
        assert.deepEqual(carried(back), carried(zone), context);
        compared++;
      }),
      fuzzParams(300, 2),
    );
    assert.ok(compared > 0);
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/language/languageService';
import type { Zone } from '../../server/src/language/model/zone';
import { ZONEFILE_TYPES, checkZonefileJson } from '../../server/src/node/zonefileJson';
import { cleanup, EXAMPLES, tempTree, zonelint, zonelintInProcess } from './helpers';

const ZONE = `$ORIGIN example.com.
$TTL 3600
@        IN SOA ns1.example.com. hostmaster.example.com. ( 2024010101 7200 3600 1209600 300 )
         IN NS  ns1.example.com.
         IN NS  ns.other.example.
         IN MX  10 mail.example.com.
         IN MX  20 mx.other.example.
         IN TXT "v=spf1 mx -all"
         IN CAA 0 issue "letsencrypt.org; validationmethods=dns-01"
ns1      IN A    192.0.2.2
mail 600 IN A    192.0.2.25
         IN AAAA 2001:db8::25
www      IN CNAME mail
long     IN TXT "first string with \\"quotes\\" and ; semicolon" "second"
utf8     IN TXT "caf\\195\\169"
_sip._tcp IN SRV 10 60 5060 sip.example.com.
sip      IN A   192.0.2.30
secure   IN DS  12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE4FF5E8DBE4BA4C8A6A4E8C7D
old      IN SPF "v=spf1 -all"
25       IN PTR mail.example.com.
host     IN HINFO "PC" "Linux"
`;

const dir = tempTree({ 'example.com.zone': ZONE });
after(() => cleanup(dir));

/** Records of the types dns-zonefile carries, as comparable strings (owner, TTL, type, parsed rdata). */
function recordSet(zone: Zone): string[] {
  return zone.records
    .filter((r) => r.valid && ZONEFILE_TYPES.includes(r.type))
    .map((r) => `${r.owner} ${r.ttl} ${r.type} ${JSON.stringify(r.rdata.map((f) => plain(f.value)))}`)
    .sort();
}

function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && 'value' in v) return (v as { value: unknown }).value;
  return v;
}

function roundTrip(file: string, cwd: string): { original: Zone; regenerated: Zone; json: Record<string, unknown> } {
  const exported = zonelint(['--export-json', file], cwd);
  assert.equal(exported.code, 0, exported.stderr);
  const json = JSON.parse(exported.stdout);
  const jsonFile = path.join(dir, `${path.basename(file)}.json`);
  fs.writeFileSync(jsonFile, exported.stdout);
  const imported = zonelint(['--import-json', jsonFile], cwd);
  assert.equal(imported.code, 0, imported.stderr);
  const absolute = path.resolve(cwd, file);
  const original = parseDocument({ text: fs.readFileSync(absolute, 'utf8'), fileName: absolute });
  const regenerated = parseDocument({ text: imported.stdout, fileName: 'imported.zone' });
  return { original, regenerated, json };
}

describe('--export-json', () => {
  test('writes the zone in dns-zonefile\'s shape from our model', () => {
    const r = zonelint(['--export-json', 'example.com.zone'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.$origin, 'example.com.');
    assert.equal(json.$ttl, 3600);
    assert.deepEqual(json.soa, { name: '@', mname: 'ns1.example.com.', rname: 'hostmaster.example.com.', serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 });
    assert.deepEqual(json.ns, [{ name: '@', host: 'ns1.example.com.' }, { name: '@', host: 'ns.other.example.' }]);
    assert.deepEqual(json.mx[0], { name: '@', preference: 10, host: 'mail.example.com.' });
    assert.deepEqual(json.a.find((a: { name: string }) => a.name === 'mail'), { name: 'mail', ip: '192.0.2.25', ttl: 600 });
    assert.deepEqual(json.cname, [{ name: 'www', alias: 'mail.example.com.' }]);
    assert.deepEqual(json.txt.find((x: { name: string }) => x.name === 'long'), { name: 'long', txt: '"first string with \\"quotes\\" and ; semicolon" "second"' });
    assert.deepEqual(json.srv, [{ name: '_sip._tcp', priority: 10, weight: 60, port: 5060, target: 'sip.example.com.' }]);
    assert.deepEqual(json.ptr, [{ name: '25', fullname: '25.example.com.', host: 'mail.example.com.' }]);
    assert.equal(json.caa[0].value, '"letsencrypt.org; validationmethods=dns-01"');
    assert.equal(json.ds[0].key_tag, '12345');
    assert.match(r.stderr, /left out records of types dns-zonefile does not support: 1 HINFO/);
  });

  test('round trip: export, import through dns-zonefile, parse again: the same records', () => {
    const { original, regenerated } = roundTrip('example.com.zone', dir);
    assert.equal(regenerated.origin, 'example.com.');
    assert.deepEqual(regenerated.parseDiagnostics.filter((d) => d.severity === 'error'), []);
    const before = recordSet(original);
    assert.ok(before.length >= 18);
    assert.deepEqual(recordSet(regenerated), before);
  });

  test('round trip of the example zones', (t) => {
    const examples = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.zone')).sort() : [];
    if (examples.length === 0) {
      t.skip('no example zones yet');
      return;
    }
    for (const name of examples) {
      const { original, regenerated } = roundTrip(path.join(EXAMPLES, name), EXAMPLES);
      assert.deepEqual(recordSet(regenerated), recordSet(original), name);
    }
  });
});

describe('--import-json', () => {
  test('gives the same text for the same JSON (no export timestamp)', () => {
    const jsonFile = path.join(dir, 'det.json');
    fs.writeFileSync(jsonFile, zonelint(['--export-json', 'example.com.zone'], dir).stdout);
    const a = zonelint(['--import-json', jsonFile], dir);
    const b = zonelint(['--import-json', jsonFile], dir);
    assert.equal(a.stdout, b.stdout);
    assert.doesNotMatch(a.stdout, /Exported/);
    assert.match(a.stdout, /^\$ORIGIN example\.com\.$/m);
  });

  test('works in-process too (dns-zonefile is an ES module loaded with a real dynamic import)', async () => {
    const jsonFile = path.join(dir, 'inproc.json');
    fs.writeFileSync(jsonFile, zonelint(['--export-json', 'example.com.zone'], dir).stdout);
    const r = await zonelintInProcess(['--import-json', 'inproc.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, zonelint(['--import-json', jsonFile], dir).stdout);
    assert.match(r.stdout, /^mail\t600\tIN\tA\t192\.0\.2\.25$/m);
  });

  test('bad JSON and JSON dns-zonefile cannot generate from are file errors (exit 2)', () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'nosoa.json'), JSON.stringify({ $origin: 'x.', a: [{ name: '@', ip: '192.0.2.1' }] }));
    const broken = zonelint(['--import-json', 'broken.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.json: not valid JSON/);
    const nosoa = zonelint(['--import-json', 'nosoa.json'], dir);
    assert.equal(nosoa.code, 2);
    assert.match(nosoa.stderr, /nosoa\.json: "soa" is missing/);
    assert.equal(nosoa.stdout, '');
  });

  test('checkZonefileJson names each missing field', () => {
    assert.deepEqual(checkZonefileJson({ soa: { mname: 'a.', rname: 'b.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 }, mx: [{ host: 'x.' }], a: 'no' }), ['"a" must be an array', '"mx"[0] has no "preference"']);
    assert.deepEqual(checkZonefileJson([]).length, 1);
  });
});

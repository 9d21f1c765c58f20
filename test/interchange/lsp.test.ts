/** The editor's JSON interchange over the real protocol: export from our parse, import through dns-zonefile. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient, REPO_ROOT } from '../helpers/lspClient';
import { parseDocument } from '../../server/src/language/languageService';

const client = new TestClient();
after(() => client.kill());

test('export then import gives back the records dns-zonefile can carry', async () => {
  await client.initialize({});
  const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'example.org.zone'), 'utf8');
  const uri = 'file:///tmp/example.org.zone';
  await client.open(uri, text);
  const exported = await client.connection.sendRequest<{ json: string; notes: string[] }>('dnsZone/exportJson', { uri });
  const json = JSON.parse(exported.json) as { $origin: string; mx: { host: string }[] };
  assert.equal(json.$origin, 'example.org.');
  assert.deepEqual(json.mx.map((m) => m.host), ['mail.example.org.']);
  const imported = await client.connection.sendRequest<{ text?: string; error?: string }>('dnsZone/importJson', { json: exported.json });
  assert.equal(imported.error, undefined);
  const key = (z: ReturnType<typeof parseDocument>) => z.records.filter((r) => ['A', 'AAAA', 'MX', 'NS', 'CNAME', 'SOA'].includes(r.type)).map((r) => `${r.owner} ${r.type} ${r.rdata.map((f) => String(f.value)).join(' ')}`).sort();
  assert.deepEqual(key(parseDocument({ text: imported.text!, origin: 'example.org.' })), key(parseDocument({ text, origin: 'example.org.' })));
});

test('import refuses JSON that is not a dns-zonefile object, with a reason', async () => {
  const r = await client.connection.sendRequest<{ text?: string; error?: string }>('dnsZone/importJson', { json: '{"a": 1' });
  assert.match(r.error ?? '', /not JSON/);
  const r2 = await client.connection.sendRequest<{ text?: string; error?: string }>('dnsZone/importJson', { json: '[1,2]' });
  assert.ok(r2.error);
  assert.equal(r2.text, undefined);
});

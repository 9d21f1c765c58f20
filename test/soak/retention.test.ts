/**
 * The language service keeps nothing of a zone once nobody refers to it: a workspace of ten
 * zones edited in turn (each edit a new parse, validated against the others, as the server
 * does) must not grow the heap. Runs in a child process started with --expose-gc, so the heap
 * can be measured after a full collection. Both leaks the soak found show here: a cache that
 * held every other zone of the workspace (old versions chained through each other's snapshots),
 * and the same cache holding them through WeakRefs, which V8 keeps alive until a synchronous
 * job ends (the CLI and the property tests run one long job).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const CHILD = String.raw`
const path = require('node:path');
const out = process.argv[1];
const fc = require('fast-check');
const { zoneText } = require(path.join(out, 'test/fuzz/zoneText.js'));
const { parseDocument, validate, Workspace } = require(path.join(out, 'server/src/language/languageService.js'));
const reverse = '$TTL 1h\n@ SOA ns1.example.com. h.example.com. 1 2h 1h 2w 1h\n  NS ns1.example.com.\n1 PTR ns1.example.com.\n';
const texts = fc.sample(zoneText({ maxLines: 30, hostile: false }), { seed: 7, numRuns: 200 });
const ws = new Workspace();
ws.set('file:///r.zone', parseDocument({ text: reverse, origin: '2.0.192.in-addr.arpa.' }));
const heap = () => { global.gc(); return process.memoryUsage().heapUsed; };
const marks = [];
for (let i = 0; i < 3000; i++) {
  const uri = 'file:///z' + (i % 10) + '.example.com.zone';
  const zone = parseDocument({ text: texts[i % texts.length] + '\n; edit ' + i + '\n', fileName: uri.slice(7) });
  ws.set(uri, zone);
  validate(zone, ws);
  if (i === 500 || i === 2999) marks.push(heap());
}
process.stdout.write(JSON.stringify(marks));
`;

test('validating edit after edit in one workspace retains no old zones', () => {
  const out = path.resolve(__dirname, '..', '..');
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', CHILD, out], { encoding: 'utf8', timeout: 120_000, cwd: path.resolve(out, '..') });
  assert.equal(r.status, 0, r.stderr);
  const [early, late] = JSON.parse(r.stdout) as number[];
  const growthMb = (late - early) / 1024 / 1024;
  // Leaking, this grew by tens of MB (every version of every zone kept); healthy, it is flat.
  assert.ok(growthMb < 8, `heap grew by ${growthMb.toFixed(1)} MB from edit 500 to edit 3000`);
});

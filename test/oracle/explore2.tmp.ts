import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBindTools } from './bind';
import { runCase } from './differential';
import { listFixtures, FIXTURE_DIR } from '../parser/fixtureFiles';
import { generateZone } from '../parser/zoneGenerator';
const tools = findBindTools()!;
const show = (o: ReturnType<typeof runCase>) => {
  if (!o.lines.unmatched.length) return;
  const lines = o.zone.files[0].text.split('\n');
  console.log('##', o.label);
  for (const l of o.lines.unmatched) console.log(`  L${l}: ${lines[l - 1]?.slice(0, 100)} || BIND: ${o.bind.failures.filter((f) => f.line === l).map((f) => f.text).join(' | ')}`);
  console.log('  ours:', o.ours.map((f) => f.id + ' ' + f.message).join(' | ').slice(0, 400));
};
for (const kind of ['ok', 'err'] as const) for (const f of listFixtures(kind)) show(runCase(tools, f.name, { origin: f.origin, file: f.file, cwd: path.join(FIXTURE_DIR, kind), zoneClass: f.zoneClass }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
for (let seed = 2; seed <= 60; seed += 2) { const g = generateZone(seed, true); const file = path.join(dir, `g${seed}.zone`); fs.writeFileSync(file, g.text); show(runCase(tools, `seed ${seed} ${g.defects}`, { origin: g.origin, file })); }

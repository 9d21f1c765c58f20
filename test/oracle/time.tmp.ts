import fs from 'node:fs';
import { readCorpus } from './corpus';
import { parseForOracle } from './differential';
import { ourFindings } from './zoneChecks';
import { findBindTools, checkZone } from './bind';
const entries = readCorpus();
let t0 = Date.now();
const slow: [number, string][] = [];
for (const e of entries) { const t = Date.now(); const z = parseForOracle(e.job, fs.readFileSync(e.job.file, 'utf8')); ourFindings(z); slow.push([Date.now() - t, e.name]); }
console.log('parse all', Date.now() - t0);
console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 8));
t0 = Date.now();
const tools = findBindTools()!;
const slowb: [number, string][] = [];
for (const e of entries) { const t = Date.now(); checkZone(tools, e.job); slowb.push([Date.now() - t, e.name]); }
console.log('bind all', Date.now() - t0);
console.log(slowb.sort((a, b) => b[0] - a[0]).slice(0, 8));

import { findBindTools } from './bind';
import { readCorpus } from './corpus';
import { runCase } from './differential';
const tools = findBindTools()!;
for (const e of readCorpus()) {
  if (e.recordedExit !== 0) continue;
  const o = runCase(tools, e.name, e.job, e.recordedExit);
  const n = o.records?.normalised ?? {};
  if (n['duplicate-merged'] || n['out-of-zone-dropped'] || n['rrset-ttl-unified']) console.log(e.name, JSON.stringify(n));
}

import { findBindTools } from './bind';
import { readCorpus } from './corpus';
import { runCase } from './differential';
const tools = findBindTools()!;
const t0 = Date.now();
const counts: Record<string, number> = {};
for (const e of readCorpus()) {
  let o;
  try { o = runCase(tools, e.name, e.job); } catch (err) { console.log('THROW', e.name, (err as Error).stack); continue; }
  counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  if (o.bind.exitCode !== e.recordedExit) console.log('EXITDIFF', e.name, o.bind.exitCode, e.recordedExit);
  if (o.kind !== 'agree-accept' && o.kind !== 'agree-reject') {
    console.log('##', o.kind, e.name, o.includeResolvedLikeBind ? '(inc)' : '');
    console.log('  bind:', o.bind.failures.slice(0, 3).map((f) => `${f.id}@${f.line} ${f.text}`.slice(0, 160)).join(' || '));
    console.log('  ours:', o.ours.slice(0, 3).map((f) => `${f.id} ${f.message}`.slice(0, 160)).join(' || '));
    if (o.records) console.log('  rec:', JSON.stringify({ n: o.records.normalised, miss: o.records.missing.slice(0, 3), extra: o.records.extra.slice(0, 3), unenc: o.records.unencodable.slice(0, 3) }).slice(0, 900));
    if (o.compileError) console.log('  compile:', o.compileError.slice(0, 300));
  }
  if (o.kind === 'agree-reject' && o.lines.unmatched.length) console.log('LINES', e.name, o.lines.bind, o.lines.matched, o.lines.unmatched.slice(0, 5));
}
console.log(counts, Date.now() - t0, 'ms');

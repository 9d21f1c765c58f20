/**
 * The hostile corpus through the real CLI process (`node bin/zonelint.js --format json`): the
 * exit code says findings (never 2, a crash or a usage error), stdout is the JSON array with the
 * finding that explains the problem, and stderr is empty: no stack trace, no internal error.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CASES, corpusDir, REPO_ROOT, STACK_FRAME } from './corpus';

const BIN = path.join(REPO_ROOT, 'bin', 'zonelint.js');

describe('zonelint on hostile input', () => {
  const corpus = corpusDir();
  after(() => corpus.remove());

  for (const c of CASES) {
    test(c.name, (t) => {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...(c.cliArgs ?? []), c.file], { cwd: corpus.dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.error, undefined, `zonelint did not finish: ${r.error?.message}`);
      assert.equal(r.stderr, '', 'nothing on stderr');
      assert.doesNotMatch(r.stdout, STACK_FRAME);
      assert.ok(c.exit.includes(r.status ?? -1), `exit code ${r.status}, expected ${c.exit.join(' or ')}; stdout: ${r.stdout.slice(0, 500)}`);
      const findings = JSON.parse(r.stdout) as { file: string; rule: string; message: string; line: number }[];
      const rules = new Set(findings.map((f) => f.rule));
      for (const rule of c.rules) assert.ok(rules.has(rule), `no ${rule} among ${[...rules].join(', ')}`);
      for (const m of c.messages ?? []) assert.ok(findings.some((f) => m.test(f.message)), `no finding says ${m}: ${findings.map((f) => f.message).join(' | ').slice(0, 800)}`);
      assert.ok(!rules.has('internal-error'));
      if (c.large) t.diagnostic(`${Date.now() - t0} ms, exit ${r.status}`);
    });
  }
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, toProblems, validateZones } from '../../server/src/cli/lint';
import { cliIncludeReader } from '../../server/src/cli/includes';
import { ruleById } from '../../server/src/language/checks';
import { parseDocument } from '../../server/src/language/languageService';
import { cleanup, EXAMPLES, parseJsonOutput, tempTree, zonelint } from './helpers';

const FORWARD = `$ORIGIN example.org.
$TTL 1h
@     IN SOA ns1.example.org. hostmaster.example.org. ( 1 4h 1h 2w 1h )
      IN NS  ns1.example.org.
      IN NS  ns2.example.org.
      IN MX  10 mail.example.org.
ns1   IN A   192.0.2.2
ns2   IN A   192.0.2.3
mail  IN A   192.0.2.25
oops  IN FOO 1
`;
const REVERSE = `$ORIGIN 2.0.192.in-addr.arpa.
$TTL 1h
@   IN SOA ns1.example.org. hostmaster.example.org. ( 1 4h 1h 2w 1h )
    IN NS  ns1.example.org.
    IN NS  ns2.example.org.
2   IN PTR ns1.example.org.
3   IN PTR ns2.example.org.
25  IN PTR mail.example.org.
26  IN BAR 1
`;

const dir = tempTree({ 'example.org.zone': FORWARD, '2.0.192.in-addr.arpa.zone': REVERSE });
after(() => cleanup(dir));

describe('all files given form one workspace', () => {
  test('both zones are in the workspace each is validated against', () => {
    const sources = ['example.org.zone', '2.0.192.in-addr.arpa.zone'].map((f) => ({ path: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8'), explicit: true }));
    const { workspace, zones } = loadWorkspace(sources, { readInclude: cliIncludeReader({ roots: [dir], allowOutside: false }) });
    assert.equal(workspace.size, 2);
    assert.deepEqual(zones.map((z) => z.zone.origin), ['example.org.', '2.0.192.in-addr.arpa.']);
    // The forward zone, asking about the mail host's address, finds the reverse zone authoritative for it.
    assert.equal(workspace.zoneFor('25.2.0.192.in-addr.arpa.')?.uri, path.join(dir, '2.0.192.in-addr.arpa.zone'));
    assert.equal(workspace.lookup('25.2.0.192.in-addr.arpa.', 'PTR')?.length, 1);
    assert.equal(workspace.lookup('mail.example.org.', 'A')?.length, 1);
    const problems = toProblems(zones, validateZones(zones, workspace, {}));
    assert.deepEqual(
      problems.filter((p) => p.rule === 'unknown-type').map((p) => path.basename(p.path)),
      ['2.0.192.in-addr.arpa.zone', 'example.org.zone'],
    );
  });

  test('one run reports the findings of both files', () => {
    const r = zonelint(['--format', 'json', 'example.org.zone', '2.0.192.in-addr.arpa.zone'], dir);
    assert.equal(r.code, 1);
    const files = parseJsonOutput(r.stdout).filter((f) => f.rule === 'unknown-type').map((f) => f.file);
    assert.deepEqual(files, ['2.0.192.in-addr.arpa.zone', 'example.org.zone']);
  });

  test('the reverse DNS rules see the reverse zone only when both are linted together', (t) => {
    if (!ruleById('ptr-mismatch') || !ruleById('ptr-hint')) {
      t.skip('the reverse DNS rules (ptr-mismatch, ptr-hint) do not exist yet');
      return;
    }
    // The mail host's PTR names another host: only a run that has both zones can tell.
    const wrong = tempTree({ 'example.org.zone': FORWARD, '2.0.192.in-addr.arpa.zone': REVERSE.replace('25  IN PTR mail.example.org.', '25  IN PTR other.example.net.') });
    try {
      const ptrRules = (args: string[]) =>
        parseJsonOutput(zonelint(['--format', 'json', ...args], wrong).stdout)
          .filter((f) => f.rule.startsWith('ptr-'))
          .map((f) => [f.file, f.line, f.rule]);
      const mxLine = FORWARD.split('\n').findIndex((l) => l.includes('MX')) + 1;
      assert.deepEqual(ptrRules(['example.org.zone']), [['example.org.zone', mxLine, 'ptr-hint']], 'alone: the reverse zone is not at hand');
      assert.deepEqual(ptrRules(['example.org.zone', '2.0.192.in-addr.arpa.zone']), [['example.org.zone', mxLine, 'ptr-mismatch']], 'together: the wrong PTR is found');
    } finally {
      cleanup(wrong);
    }
  });

  test('--fix can edit the other zone of the workspace (ptr-missing adds the PTR to the reverse zone)', (t) => {
    const rule = ruleById('ptr-missing');
    if (!rule?.fixes) {
      t.skip('rule ptr-missing (with fixes) does not exist yet');
      return;
    }
    const missing = tempTree({ 'example.org.zone': FORWARD.replace('oops  IN FOO 1\n', ''), '2.0.192.in-addr.arpa.zone': REVERSE.replace('25  IN PTR mail.example.org.\n', '').replace('26  IN BAR 1\n', '') });
    try {
      const before = parseJsonOutput(zonelint(['--format', 'json', '.'], missing).stdout);
      assert.ok(before.some((f) => f.rule === 'ptr-missing'));
      const r = zonelint(['--fix', '.'], missing);
      assert.doesNotMatch(r.stdout, /ptr-missing/);
      assert.match(r.stdout, /✔ \d+ fix(es)? applied in \d+ files?\n$/, 'other rules may fix the forward zone too');
      const reverse = parseDocument({ text: fs.readFileSync(path.join(missing, '2.0.192.in-addr.arpa.zone'), 'utf8') });
      assert.deepEqual(
        reverse.records.filter((x) => x.type === 'PTR' && x.owner === '25.2.0.192.in-addr.arpa.').map((x) => x.rdata[0].value),
        ['mail.example.org.'],
      );
    } finally {
      cleanup(missing);
    }
  });

  test('the example forward and reverse zones lint together', (t) => {
    const forward = path.join(EXAMPLES, 'example.org.zone');
    const reverse = path.join(EXAMPLES, '2.0.192.in-addr.arpa.zone');
    if (!fs.existsSync(forward) || !fs.existsSync(reverse)) {
      t.skip('the example zones are not there yet');
      return;
    }
    const r = zonelint(['--format', 'json', forward, reverse]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const findings = parseJsonOutput(r.stdout);
    assert.ok(findings.every((f) => f.file === 'examples/example.org.zone' || f.file === 'examples/2.0.192.in-addr.arpa.zone'));
    assert.equal(findings.filter((f) => f.severity === 'error').length, 0, `the clean examples have no errors: ${JSON.stringify(findings)}`);
  });
});

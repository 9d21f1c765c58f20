/**
 * The hostile corpus through the language server over the real protocol: each file is opened
 * as a document (under a workspace folder, so `$INCLUDE` resolves and "outside the workspace"
 * means something), its diagnostics arrive with the explaining finding, and a second request
 * (hover) is still answered. At the end the server shuts down cleanly: it never died.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../../helpers/lspClient';
import { CASES, corpusDir, STACK_FRAME, type HostileCase } from './corpus';

const corpus = corpusDir();

async function openAndCheck(client: TestClient, c: HostileCase, version: number): Promise<string> {
  const file = path.join(corpus.dir, c.file);
  const uri = pathToFileURL(file).href;
  // What an editor does with bytes that are not UTF-8: replacement characters.
  const text = fs.readFileSync(file).toString('utf8');
  const t0 = Date.now();
  await client.open(uri, text, version);
  const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === version, 120_000);
  const ms = Date.now() - t0;
  const codes = new Set(p.diagnostics.map((d) => String(d.code)));
  for (const rule of c.serverRules ?? c.rules) assert.ok(codes.has(rule), `${c.name}: no ${rule} among ${[...codes].join(', ')}`);
  for (const m of c.serverMessages ?? c.messages ?? []) assert.ok(p.diagnostics.some((d) => m.test(d.message)), `${c.name}: no diagnostic says ${m}`);
  assert.ok(!codes.has('internal-error'), `${c.name}: internal-error`);
  for (const d of p.diagnostics) assert.doesNotMatch(d.message, STACK_FRAME);
  // Still serving: a request after the heavy one is answered.
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 2 } });
  assert.ok(hover === null || typeof hover === 'object');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return `${ms} ms to diagnostics (${p.diagnostics.length})`;
}

describe('language server on hostile input', () => {
  const client = new TestClient();
  const lenient = new TestClient();
  before(async () => {
    const folder = { uri: pathToFileURL(corpus.dir).href, name: 'hostile' };
    await client.initialize({}, { rootUri: folder.uri, workspaceFolders: [folder] });
    await lenient.initialize({}, { rootUri: folder.uri, workspaceFolders: [folder], initializationOptions: { settings: { allowIncludeOutsideWorkspace: true } } });
  });
  after(() => {
    client.kill();
    lenient.kill();
    corpus.remove();
  });

  let version = 1;
  for (const c of CASES) {
    // The CLI's --allow-include-outside is the server's allowIncludeOutsideWorkspace setting.
    const which = c.cliArgs?.includes('--allow-include-outside') ? 'lenient' : 'client';
    test(c.name, { timeout: 180_000 }, async (t) => {
      t.diagnostic(await openAndCheck(which === 'lenient' ? lenient : client, c, version++));
    });
  }

  test('both servers are alive after all of it and shut down cleanly', async () => {
    assert.equal(client.stderr.match(STACK_FRAME), null, client.stderr);
    assert.equal(await client.shutdown(), 0);
    assert.equal(await lenient.shutdown(), 0);
  });
});

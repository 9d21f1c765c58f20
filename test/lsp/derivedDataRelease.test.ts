/**
 * After the complete validation of a large zone the server drops what the rules derived from it
 * (SPF parses, mail records: about a third of its heap), and a quick-fix that needs them builds
 * them again. A small zone keeps them. The in-process server, so the test can look at its cache.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startInProcessServer } from '../helpers/inProcessServer';
import { generateZone } from '../bench/zoneGenerator';
import { hasDerivedData } from '../../server/src/language/model/derivedData';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code?: string; range: unknown; message: string }[];
}

/** A generated zone of `records` records plus one SPF record with `+all` (a finding with a fix). */
function zoneWithPermissiveSpf(records: number): string {
  return generateZone(records).text + 'permissive\tIN\tTXT\t"v=spf1 +all"\n';
}

async function openAndSettle(records: number): Promise<{ server: ReturnType<typeof startInProcessServer>; uri: string; finding: Published['diagnostics'][number] }> {
  const server = startInProcessServer({ validationDelay: 0 });
  const published: Published[] = [];
  server.client.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
  });
  await server.capabilities;
  const uri = `file:///tmp/derived-data/${records}/zone-bench.example.zone`;
  await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text: zoneWithPermissiveSpf(records) } });
  // The complete result is the publish that holds the rule's finding (a large zone gets its parse findings first).
  const deadline = Date.now() + 60000;
  let finding: Published['diagnostics'][number] | undefined;
  while (!finding && Date.now() < deadline) {
    finding = published.filter((p) => p.uri === uri).pop()?.diagnostics.find((d) => d.code === 'spf-permissive-all');
    if (!finding) await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(finding, 'the complete diagnostics arrived');
  return { server, uri, finding };
}

const zoneOf = (server: ReturnType<typeof startInProcessServer>, uri: string) => {
  const parsed = server.context.cache.peek(uri);
  assert.ok(parsed, 'the document is in the cache');
  return parsed.zone;
};

describe('the rules’ derived data', () => {
  const servers: ReturnType<typeof startInProcessServer>[] = [];
  after(async () => {
    for (const s of servers) {
      await s.client.sendRequest('shutdown');
      s.client.dispose();
    }
  });

  test('is dropped once a large zone is validated, and a quick-fix builds it again', async () => {
    const { server, uri, finding } = await openAndSettle(20000);
    servers.push(server);
    const zone = zoneOf(server, uri);
    assert.equal(hasDerivedData(zone), false, 'released after the complete validation');
    const actions = await server.client.sendRequest<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } });
    assert.ok(actions.some((a) => a.title === "Replace '+all' with '~all'"), JSON.stringify(actions.map((a) => a.title)));
    assert.equal(hasDerivedData(zone), true, 'the fix parsed the SPF records again');
    assert.equal(zoneOf(server, uri), zone, 'the same version');
  });

  test('is kept for a small zone', async () => {
    const { server, uri } = await openAndSettle(2000);
    servers.push(server);
    assert.equal(hasDerivedData(zoneOf(server, uri)), true);
  });
});

/**
 * Whatever happens in between (incremental parses, provisional results, validations stopped by
 * newer edits, hovers answered mid-way), once edits stop the server must show exactly what a fresh
 * validation of the final text gives, and answer hovers as on that text. Random edits (seeded,
 * so a failure repeats) over the real protocol to the built server, on a zone large enough to
 * take the provisional path, sent in bursts without waiting and one by one.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from '../helpers/lspClient';
import { generateZone, BENCH_ORIGIN } from '../bench/zoneGenerator';
import { parseDocument } from '../../server/src/language/languageService';
import { expectedDiagnostics, shownDiagnostics, type LspDiagnostic } from './zoneDiagnostics';
import { prng } from '../helpers/prng';
import { hoverAt } from '../../server/src/language/features/hover';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { FUZZ_SEED } from '../fuzz/config';

const PATH = '/tmp/edit-consistency/zone-bench.example.zone';
const URI = `file://${PATH}`;

/** Snippets that change records, names, SPF terms and line structure, CR and CRLF included. */
const PIECES = ['\n', ' ', 'x', '9', '.', '"', '(', ')', ';', 'include=', 'include:', ' -all', ' +all', 'www IN A 192.0.2.1\n', '  IN MX 10 mail\n', 'mail IN AAAA 2001:db8::1\n', 'host IN CNAME www\n', '$TTL 600\n', 'TXT "v=spf1 mx ~all"\n', '\r\n', '\r'];

interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

function shown(p: Published): string[] {
  return shownDiagnostics(p.diagnostics);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('random edits over the protocol end where a fresh validation ends', () => {
  const client = new TestClient();
  after(() => client.kill());

  test(`40 edits in bursts and one by one (seed ${FUZZ_SEED})`, async () => {
    const random = prng(FUZZ_SEED);
    let text = generateZone(25000).text;
    await client.initialize({}, { initializationOptions: { settings: { validationDelay: 0 } } });
    await client.open(URI, text, 1);
    await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1, 60000);
    let version = 1;
    for (let burst = 0; burst < 8; burst++) {
      const size = 1 + Math.floor(random() * 8);
      for (let k = 0; k < size; k++) {
        const lines = new LineIndex(text);
        const start = Math.floor(random() * text.length);
        const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * (random() < 0.2 ? 400 : 12))));
        const insert = random() < 0.2 ? '' : PIECES[Math.floor(random() * PIECES.length)];
        // Never split a CRLF: an editor does not either.
        if (text[start - 1] === '\r' && text[start] === '\n') continue;
        if (text[end - 1] === '\r' && text[end] === '\n') continue;
        const range = { start: lines.positionAt(start), end: lines.positionAt(end) };
        text = text.slice(0, start) + insert + text.slice(end);
        version++;
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range, text: insert }] });
      }
      // A hover in the middle of it all must not fail.
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: Math.floor(random() * 1000), character: 2 } });
      if (random() < 0.5) await sleep(Math.floor(random() * 400));
    }
    // Wait for the last version's complete result: no publish for 2 s.
    let count = -1;
    for (let waited = 0; waited < 60000 && count !== client.published.length; waited += 2000) {
      count = client.published.length;
      await sleep(2000);
    }
    const last = (client.published as Published[]).filter((p) => p.uri === URI).pop()!;
    assert.equal(last.version, version, 'the last publish is for the last version');
    assert.deepEqual(shown(last), expectedDiagnostics(text, PATH, BENCH_ORIGIN));

    // Hovers on the final text answer as the language service does on that text.
    const zone = parseDocument({ text, fileName: PATH, origin: BENCH_ORIGIN });
    const lines = new LineIndex(text);
    for (let i = 0; i < 40; i++) {
      const offset = Math.floor(random() * text.length);
      const want = hoverAt(zone, offset);
      const got = await client.connection.sendRequest<{ range?: { start: { line: number; character: number } } } | null>('textDocument/hover', { textDocument: { uri: URI }, position: lines.positionAt(offset) });
      assert.equal(got === null, want === undefined, `hover at ${offset}`);
      if (want && got?.range) assert.deepEqual(got.range.start, lines.positionAt(want.range.start), `hover range at ${offset}`);
    }
  });
});

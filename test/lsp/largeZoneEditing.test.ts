/**
 * Editing a large zone over the real protocol (the built server, stdio): the edit is parsed
 * incrementally, a provisional result comes first (the new parse findings, the previous rule
 * findings moved past the edit), and the complete result follows; in the end the server shows
 * exactly what a fresh validation of the same text gives. Push and pull clients alike.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from '../helpers/lspClient';
import { generateZone, BENCH_ORIGIN } from '../bench/zoneGenerator';
import { expectedDiagnostics, shownDiagnostics, type LspDiagnostic } from './zoneDiagnostics';

const PATH = '/tmp/large-zone-editing/zone-bench.example.zone';
const URI = `file://${PATH}`;
const BASE = generateZone(30000).text;

const expected = (text: string, parseOnly = false): string[] => expectedDiagnostics(text, PATH, BENCH_ORIGIN, parseOnly);
const shown = shownDiagnostics;

/** A line of the text holding `needle`, with its number. */
function lineWith(text: string, needle: RegExp, skip = 0): { line: number; text: string } {
  const lines = text.split('\n');
  const found = lines.map((l, i) => ({ line: i, text: l })).filter((l) => needle.test(l.text));
  return found[skip];
}

function replaceLine(text: string, line: number, content: string): string {
  const lines = text.split('\n');
  lines[line] = content;
  return lines.join('\n');
}

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits for `count` publishes of `version` and returns them (fails after a minute). */
async function publishes(client: TestClient, version: number, count: number): Promise<{ diagnostics: unknown[] }[]> {
  const of = (): { uri: string; version?: number; diagnostics: unknown[] }[] => client.published.filter((p) => p.uri === URI && p.version === version);
  const deadline = Date.now() + 60000;
  while (of().length < count && Date.now() < deadline) await settle(20);
  assert.equal(of().length, count, `${count} publishes of version ${version}`);
  return of();
}

describe('editing a 30 000-record zone (push diagnostics)', () => {
  const client = new TestClient();
  after(() => client.kill());

  test('a provisional result at once, then the complete one, equal to a fresh validation', async () => {
    await client.initialize({}, { initializationOptions: { settings: { validationDelay: 0 } } });
    await client.open(URI, BASE, 1);
    // On open, a zone this large gets its parse findings first, then everything.
    const first = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1, 60000);
    assert.deepEqual(shown(first.diagnostics as LspDiagnostic[]), expected(BASE, true));
    const complete = await publishes(client, 1, 2);
    assert.deepEqual(shown(complete[1].diagnostics as LspDiagnostic[]), expected(BASE));

    // Break one address: a parse finding on that line.
    const target = lineWith(BASE, /\tA\t10\.\d+\.\d+\.\d+$/, 100);
    const broken = target.text.replace(/\.\d+$/, '.300');
    const text2 = replaceLine(BASE, target.line, broken);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: target.text.length } }, text: broken }],
    });
    const provisional = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 2, 60000);
    assert.ok(
      (provisional.diagnostics as LspDiagnostic[]).some((d) => d.code === 'rdata-invalid' && d.range.start.line === target.line),
      'the new parse error is in the first result',
    );
    // The complete result follows as a second publish of the same version.
    const ofV2 = await publishes(client, 2, 2);
    assert.deepEqual(shown(ofV2[1].diagnostics as LspDiagnostic[]), expected(text2));
  });

  test('lines inserted above move the findings below them at once', async () => {
    const text2 = client.published.filter((p) => p.uri === URI && p.version === 2).pop()!;
    const before = shown(text2.diagnostics as LspDiagnostic[]);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: 'added1 IN A 192.0.2.1\nadded2 IN A 192.0.2.2\n' }],
    });
    const p = await client.waitForDiagnostics((x) => x.uri === URI && x.version === 3, 60000);
    const now = shown(p.diagnostics as LspDiagnostic[]);
    // Every finding below line 20 is two lines further down; none was lost.
    const movedBefore = before.map((s) => s.replace(/ (\d+):(\d+)-(\d+):(\d+)$/, (_m, a, b, c, d) => ` ${Number(a) >= 20 ? Number(a) + 2 : a}:${b}-${Number(c) >= 20 ? Number(c) + 2 : c}:${d}`)).sort();
    assert.deepEqual(now, movedBefore);
  });

  test('hover on an SPF term moved by an edit above it points at the term where it is now', async () => {
    type Hover = { range?: { start: { line: number; character: number } } } | null;
    const lines = BASE.split('\n');
    const at = lines.findIndex((l, i) => i > 3000 && l.includes('include:')); // far past the re-parsed stretch
    const character = lines[at].indexOf('include:');
    const hover = (line: number): Promise<Hover> => client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: character + 2 } });
    // Version 3 has two lines inserted at line 20: the term is two lines down.
    const before = await hover(at + 2);
    assert.deepEqual(before?.range?.start, { line: at + 2, character });
    // One more line at line 10 moves it again (the record is moved in place, not parsed anew).
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'added3 IN A 192.0.2.3\n' }],
    });
    await client.waitForDiagnostics((x) => x.uri === URI && x.version === 4, 60000);
    const after = await hover(at + 3);
    assert.deepEqual(after?.range?.start, { line: at + 3, character });
  });
});

describe('editing a 30 000-record zone (pull diagnostics)', () => {
  const client = new TestClient();
  after(() => client.kill());

  test('a pull after an edit answers at once; a refresh follows and the next pull is complete', async () => {
    let refreshes = 0;
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } }, { initializationOptions: { settings: { validationDelay: 0 } } });
    // The server asks for a pull once the settings are read: that one is not ours.
    let deadline = Date.now() + 60000;
    while (refreshes === 0 && Date.now() < deadline) await settle(20);
    refreshes = 0;
    await client.open(URI, BASE, 1);
    const pull = (): Promise<{ items: LspDiagnostic[] }> => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
    // Opened: the parse findings at once, a refresh, then everything.
    assert.deepEqual(shown((await pull()).items), expected(BASE, true));
    deadline = Date.now() + 60000;
    while (refreshes === 0 && Date.now() < deadline) await settle(20);
    assert.deepEqual(shown((await pull()).items), expected(BASE));
    refreshes = 0;

    const target = lineWith(BASE, /\tA\t10\.\d+\.\d+\.\d+$/, 200);
    const broken = target.text.replace(/\tA\t/, '\tA\tnot-an-address ');
    const text2 = replaceLine(BASE, target.line, broken);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: target.text.length } }, text: broken }],
    });
    const quick = await pull();
    assert.ok(quick.items.some((d) => d.code === 'rdata-invalid' && d.range.start.line === target.line));
    deadline = Date.now() + 60000;
    while (refreshes === 0 && Date.now() < deadline) await settle(20);
    assert.ok(refreshes > 0, 'the server asked the client to pull again');
    assert.deepEqual(shown((await pull()).items), expected(text2));
  });
});

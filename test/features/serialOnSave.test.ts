/**
 * `dnsZone.serialOnSave` and the source actions over the real protocol: willSaveWaitUntil
 * returns the serial bump only when the document changed since it was opened or saved, and not
 * when the user already raised the serial; the Source Action menu offers bump and sort.
 */
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startInProcessServer } from '../helpers/inProcessServer';
import { applyLspEdits as applyEdits } from '../lsp/textEdits';
import { dateSerial } from '../../server/src/language/features/serial';

interface Pos { line: number; character: number }
interface Edit { range: { start: Pos; end: Pos }; newText: string }

const URI = 'file:///tmp/zones/example.com.zone';
const zoneText = (serial: number, extra = ''): string => ['$ORIGIN example.com.', '$TTL 1h', `@ IN SOA ns1 hostmaster ${serial} 2h 1h 2w 1h`, '@ IN NS ns1', 'www IN A 192.0.2.2', 'ns1 IN A 192.0.2.1', extra, ''].join('\n');

describe('serial on save over LSP', () => {
  let client: MessageConnection;
  let off: MessageConnection;
  let capabilities: Record<string, unknown>;
  let version = 1;
  let text = zoneText(2024010101);
  let raised = 0;
  const willSave = () => client.sendRequest<Edit[] | null>('textDocument/willSaveWaitUntil', { textDocument: { uri: URI }, reason: 1 });
  const change = async (next: string) => {
    text = next;
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
  };

  before(async () => {
    const on = startInProcessServer({ serialOnSave: true });
    client = on.client;
    capabilities = await on.capabilities;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dns-zone', version, text } });
    const second = startInProcessServer({});
    off = second.client;
    await second.capabilities;
    await off.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dns-zone', version: 1, text } });
  });
  after(async () => {
    for (const c of [client, off]) {
      await c.sendRequest('shutdown');
      c.dispose();
    }
  });

  test('announces willSaveWaitUntil and the source action kinds', () => {
    const sync = capabilities.textDocumentSync as { willSaveWaitUntil?: boolean };
    assert.equal(sync.willSaveWaitUntil, true);
    const kinds = (capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('source.bumpSerial.zonelint') && kinds.includes('source.sortRecords.zonelint'));
  });

  test('no bump when nothing changed since open', async () => {
    assert.deepEqual((await willSave()) ?? [], []);
  });

  test('a changed document gets its serial bumped, once per save', async () => {
    await change(zoneText(2024010101, 'mail IN A 192.0.2.25'));
    const before = dateSerial(new Date());
    const edits = await willSave();
    const after = dateSerial(new Date()); // the same unless the test ran across midnight
    assert.ok(edits && edits.length === 1);
    text = applyEdits(text, edits);
    assert.ok([before, after].some((d) => text === zoneText(d, 'mail IN A 192.0.2.25')), text);
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
    await client.sendNotification('textDocument/didSave', { textDocument: { uri: URI } });
    assert.deepEqual((await willSave()) ?? [], [], 'saved and unchanged: no second bump');
  });

  test('a serial the user already raised is left alone', async () => {
    raised = dateSerial(new Date()) + 5;
    await change(zoneText(raised, 'mail IN A 192.0.2.25'));
    assert.deepEqual((await willSave()) ?? [], []);
    await client.sendNotification('textDocument/didSave', { textDocument: { uri: URI } });
  });

  test('off by default', async () => {
    await off.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: zoneText(7, 'x IN A 192.0.2.9') }] });
    assert.deepEqual((await off.sendRequest<Edit[] | null>('textDocument/willSaveWaitUntil', { textDocument: { uri: URI }, reason: 1 })) ?? [], []);
  });

  test('source actions: bump and sort offered for the source kind, edits apply', async () => {
    const actions = await client.sendRequest<{ title: string; kind: string; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const sort = actions.find((a) => a.kind === 'source.sortRecords.zonelint');
    const bump = actions.find((a) => a.kind === 'source.bumpSerial.zonelint');
    assert.ok(sort && bump);
    const sorted = applyEdits(text, sort.edit.changes[URI]);
    assert.equal(sorted, ['$ORIGIN example.com.', '$TTL 1h', `@ IN SOA ns1 hostmaster ${raised} 2h 1h 2w 1h`, '@ IN NS ns1', 'mail IN A 192.0.2.25', 'ns1 IN A 192.0.2.1', 'www IN A 192.0.2.2', ''].join('\n'));
    assert.equal(applyEdits(text, bump.edit.changes[URI]), zoneText(raised + 1, 'mail IN A 192.0.2.25'));
  });
});

/** Document and workspace symbols, folding ranges and selection ranges. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, workspaceSymbols } from '../../server/src/language/features/symbols';
import { foldingRanges } from '../../server/src/language/features/folding';
import { selectionRangesAt } from '../../server/src/language/features/selectionRanges';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { Workspace } from '../../server/src/language/workspace/workspace';
import { offsetOf, zoneOf } from './helpers';

const ZONE = [
  '; Example zone',
  '; maintained by hand',
  '$ORIGIN example.com.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster (',
  '      1 ; serial',
  '      2h 1h 2w 1h )',
  '  IN NS ns1',
  '  IN TXT "v=spf1 ip4:192.0.2.0/24 -all"',
  '',
  'ns1 IN A 192.0.2.1',
  'mail IN A 192.0.2.2',
  '  IN AAAA 2001:db8::2',
  '_dmarc IN TXT "v=DMARC1; p=reject"',
].join('\n');

const zone = zoneOf(ZONE);
const text = zone.text;
const lines = new LineIndex(text);
const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('document symbols', () => {
  test('one symbol per owner group with its records as children, and the directives, in order', () => {
    const symbols = documentSymbols(zone);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children.map((c) => c.name)]),
      [
        ['$ORIGIN example.com.', 'package', []],
        ['$TTL 1h', 'constant', []],
        ['@', 'module', ['SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 120960…', 'NS ns1.example.com.', 'TXT "v=spf1 ip4:192.0.2.0/24 -all"']],
        ['ns1', 'namespace', ['A 192.0.2.1']],
        ['mail', 'namespace', ['A 192.0.2.2', 'AAAA 2001:db8::2']],
        ['_dmarc', 'namespace', ['TXT "v=DMARC1; p=reject"']],
      ],
    );
    const apex = symbols[2];
    assert.equal(apex.detail, 'example.com.');
    assert.equal(slice(apex.selectionRange), '@');
    assert.ok(slice(apex.range).startsWith('@ IN SOA') && slice(apex.range).endsWith('-all"'));
    assert.deepEqual(apex.children.map((c) => c.kind), ['module', 'property', 'string']);
    assert.equal(slice(apex.children[1].selectionRange), 'NS');
    assert.equal(apex.children[1].detail, 'TTL 1 hour');
  });

  test('the same owner written again after other names is a separate group', () => {
    const z = zoneOf(['a IN A 192.0.2.1', 'b IN A 192.0.2.2', 'a IN AAAA 2001:db8::1'].join('\n'));
    assert.deepEqual(documentSymbols(z).map((s) => s.name), ['a', 'b', 'a']);
  });

  test('workspace symbols: owners of every open zone, filtered and best first', () => {
    const other = zoneOf(['$ORIGIN example.net.', '@ IN SOA ns h 1 2 3 4 5', 'mailhost IN A 198.51.100.1'], 'example.net.');
    const ws = new Workspace();
    ws.set('file:///com.zone', zone);
    ws.set('file:///net.zone', other);
    const found = workspaceSymbols(ws, 'mail');
    assert.deepEqual(found.map((s) => s.name), ['mail.example.com', 'mailhost.example.net']);
    assert.equal(found[0].location.uri, 'file:///com.zone');
    assert.equal(slice(found[0].location), 'mail');
    assert.ok(found[0].containerName.includes('A, AAAA'));
    assert.deepEqual(workspaceSymbols(ws, 'dmrc').map((s) => s.name), ['_dmarc.example.com']);
    assert.equal(workspaceSymbols(ws, '').length, 6);
  });
});

describe('folding ranges', () => {
  test('comment blocks, parenthesised records and multi-line owner groups', () => {
    assert.deepEqual(foldingRanges(zone, lines), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 4, endLine: 8, kind: 'region' },
      { startLine: 4, endLine: 6 },
      { startLine: 11, endLine: 12, kind: 'region' },
    ]);
  });
});

describe('selection ranges', () => {
  test('SPF term part -> term -> string -> field -> record -> owner group', () => {
    const chain = selectionRangesAt(zone, offsetOf(text, '192.0.2.0/24', 2)).map(slice);
    assert.deepEqual(chain, [
      '192.0.2.0',
      'ip4:192.0.2.0/24',
      'v=spf1 ip4:192.0.2.0/24 -all',
      '"v=spf1 ip4:192.0.2.0/24 -all"',
      ZONE.split('\n')[8].slice(2),
      text.slice(text.indexOf('@ IN SOA'), text.indexOf('-all"') + 5),
    ]);
  });

  test('DMARC tag value -> tag -> string', () => {
    const chain = selectionRangesAt(zone, offsetOf(text, 'reject', 1)).map(slice);
    assert.deepEqual(chain.slice(0, 4), ['reject', 'p=reject', 'v=DMARC1; p=reject', '"v=DMARC1; p=reject"']);
  });

  test('a field of a multi-line record -> all rdata -> record -> group', () => {
    const chain = selectionRangesAt(zone, offsetOf(text, '2h')).map(slice);
    assert.equal(chain[0], '2h');
    assert.ok(chain[1].startsWith('ns1 hostmaster (') && chain[1].endsWith('1h'));
    assert.ok(chain[2].startsWith('@ IN SOA'));
    for (let i = 1; i < chain.length; i++) assert.ok(chain[i].length > chain[i - 1].length);
  });

  test('owner -> record -> group, and directive arguments', () => {
    assert.deepEqual(selectionRangesAt(zone, offsetOf(text, 'mail', 1)).map(slice), ['mail', 'mail IN A 192.0.2.2', 'mail IN A 192.0.2.2\n  IN AAAA 2001:db8::2']);
    assert.deepEqual(selectionRangesAt(zone, offsetOf(text, '1h', 1)).map(slice), ['1h', '$TTL 1h']);
  });
});

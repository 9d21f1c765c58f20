/** Go to definition, references, rename (edits applied, whole texts compared) and $INCLUDE links. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { definitionAt, referencesAt } from '../../server/src/language/features/navigation';
import { prepareRenameAt, renameAt } from '../../server/src/language/features/rename';
import { documentLinks, resolveIncludeUri } from '../../server/src/language/features/documentLinks';
import { applyTextEdits } from '../../server/src/language/features/format/format';
import { Workspace } from '../../server/src/language/workspace/workspace';
import type { Zone } from '../../server/src/language/model/zone';
import type { FeatureLocation, TextEdit } from '../../server/src/language/features/types';
import { offsetOf, zoneOf } from './helpers';

const ZONE = [
  '$ORIGIN example.com.',
  '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h',
  '  IN NS ns1',
  '  IN MX 10 mail',
  '  IN MX 20 mail.example.com.',
  '  IN TXT "v=spf1 a:mail.example.com mx include:_spf.example.net -all"',
  'ns1 IN A 192.0.2.1',
  'mail IN A 192.0.2.25',
  'mail IN AAAA 2001:db8::25',
  'www IN CNAME mail',
  '_smtp._tcp IN SRV 0 1 25 mail',
  '$ORIGIN sub.example.com.',
  'x IN CNAME mail.example.com.',
  'y IN CNAME @',
].join('\n');

const REVERSE = ['$ORIGIN 2.0.192.in-addr.arpa.', '@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5', '25 IN PTR mail.example.com.'].join('\n');
const NET = ['$ORIGIN example.net.', '@ IN SOA ns h 1 2 3 4 5', '_spf IN TXT "v=spf1 ip4:198.51.100.0/24 -all"', '_spf IN A 198.51.100.1'].join('\n');

function setup(): { zone: Zone; text: string; ws: Workspace; reverse: Zone; net: Zone } {
  const zone = zoneOf(ZONE);
  const reverse = zoneOf(REVERSE, '2.0.192.in-addr.arpa.');
  const net = zoneOf(NET, 'example.net.');
  const ws = new Workspace();
  ws.set('file:///example.com.zone', zone);
  ws.set('file:///reverse.zone', reverse);
  ws.set('file:///net.zone', net);
  return { zone, text: zone.text, ws, reverse, net };
}

function textOf(loc: FeatureLocation, zones: Record<string, Zone>, self: Zone): string {
  const z = loc.uri ? zones[loc.uri] : self;
  return z.files[loc.file].text.slice(loc.start, loc.end);
}

describe('definition', () => {
  const { zone, text, ws, reverse, net } = setup();
  const zones = { 'file:///reverse.zone': reverse, 'file:///net.zone': net, 'file:///example.com.zone': zone };

  test('an MX target goes to the records of that name', () => {
    const found = definitionAt(zone, offsetOf(text, '10 mail', 4), ws, 'file:///example.com.zone');
    assert.deepEqual(found.map((l) => textOf(l, zones, zone)), ['mail IN A 192.0.2.25', 'mail IN AAAA 2001:db8::25']);
    assert.ok(found.every((l) => l.uri === undefined));
  });

  test('CNAME, SRV and NS targets, relative or absolute', () => {
    for (const [needle, delta] of [['CNAME mail', 6], ['25 mail', 3], ['x IN CNAME mail', 11]] as const) {
      const found = definitionAt(zone, offsetOf(text, needle, delta), ws, 'file:///example.com.zone');
      assert.equal(found.length, 2, needle);
    }
    assert.deepEqual(definitionAt(zone, offsetOf(text, 'NS ns1', 3)).map((l) => textOf(l, zones, zone)), ['ns1 IN A 192.0.2.1']);
  });

  test('SPF a:, mx and include: domains; include lands on the TXT record of another open zone', () => {
    const a = definitionAt(zone, offsetOf(text, 'a:mail', 3), ws, 'file:///example.com.zone');
    assert.deepEqual(a.map((l) => textOf(l, zones, zone)), ['mail IN A 192.0.2.25', 'mail IN AAAA 2001:db8::25']);
    const inc = definitionAt(zone, offsetOf(text, '_spf.example.net'), ws, 'file:///example.com.zone');
    assert.equal(inc.length, 1);
    assert.equal(inc[0].uri, 'file:///net.zone');
    assert.equal(textOf(inc[0], zones, zone), '_spf IN TXT "v=spf1 ip4:198.51.100.0/24 -all"');
  });

  test('a PTR in the reverse zone goes to the forward zone', () => {
    const found = definitionAt(reverse, offsetOf(reverse.text, 'mail.example.com.'), ws, 'file:///reverse.zone');
    assert.deepEqual(found.map((l) => [l.uri, textOf(l, zones, reverse)]), [
      ['file:///example.com.zone', 'mail IN A 192.0.2.25'],
      ['file:///example.com.zone', 'mail IN AAAA 2001:db8::25'],
    ]);
  });

  test('nothing from an owner or a type', () => {
    assert.deepEqual(definitionAt(zone, offsetOf(text, 'www')), []);
    assert.deepEqual(definitionAt(zone, offsetOf(text, 'CNAME')), []);
  });
});

describe('references', () => {
  const { zone, text, ws, reverse, net } = setup();
  const zones = { 'file:///reverse.zone': reverse, 'file:///net.zone': net };

  test('every owner, rdata field and SPF domain naming a name, across open zones', () => {
    const found = referencesAt(zone, offsetOf(text, 'mail IN A'), ws, 'file:///example.com.zone', true);
    const shown = found.map((l) => `${l.uri ?? 'self'}:${textOf(l, zones, zone)}`);
    assert.deepEqual(shown, [
      'self:mail',
      'self:mail.example.com.',
      'self:mail.example.com',
      'self:mail',
      'self:mail',
      'self:mail',
      'self:mail',
      'self:mail.example.com.',
      'file:///reverse.zone:mail.example.com.',
    ]);
  });

  test('without the declaration: no owners', () => {
    const found = referencesAt(zone, offsetOf(text, '10 mail', 4), ws, 'file:///example.com.zone', false);
    assert.equal(found.length, 7);
  });
});

function applyAll(zone: Zone, edits: TextEdit[]): string {
  return applyTextEdits(zone.text, edits.filter((e) => !e.uri));
}

describe('rename', () => {
  test('prepareRename covers the name as written; the apex and outside names cannot be renamed', () => {
    const { zone, text } = setup();
    const t = prepareRenameAt(zone, offsetOf(text, '10 mail', 4));
    assert.deepEqual(t && { text: text.slice(t.range.start, t.range.end), placeholder: t.placeholder }, { text: 'mail', placeholder: 'mail' });
    assert.equal(prepareRenameAt(zone, offsetOf(text, '@ IN SOA')), undefined);
    assert.equal(prepareRenameAt(zone, offsetOf(text, '_spf.example.net')), undefined);
    assert.equal(prepareRenameAt(zone, offsetOf(text, 'IN A')), undefined);
  });

  test('renames owners and references, keeping relative names relative and absolute ones absolute', () => {
    const { zone, text, ws } = setup();
    const r = renameAt(zone, offsetOf(text, 'mail IN A'), 'smtp', ws, 'file:///example.com.zone');
    assert.ok('edits' in r);
    assert.equal(
      applyAll(zone, r.edits),
      [
        '$ORIGIN example.com.',
        '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h',
        '  IN NS ns1',
        '  IN MX 10 smtp',
        '  IN MX 20 smtp.example.com.',
        '  IN TXT "v=spf1 a:smtp.example.com mx include:_spf.example.net -all"',
        'ns1 IN A 192.0.2.1',
        'smtp IN A 192.0.2.25',
        'smtp IN AAAA 2001:db8::25',
        'www IN CNAME smtp',
        '_smtp._tcp IN SRV 0 1 25 smtp',
        '$ORIGIN sub.example.com.',
        'x IN CNAME smtp.example.com.',
        'y IN CNAME @',
      ].join('\n'),
    );
    const other = r.edits.filter((e) => e.uri);
    assert.deepEqual(other, [{ uri: 'file:///reverse.zone', start: offsetOf(REVERSE, 'mail'), end: offsetOf(REVERSE, 'mail') + 'mail.example.com.'.length, newText: 'smtp.example.com.' }]);
    // The renamed zone means the same, with the new name.
    const after = zoneOf(applyAll(zone, r.edits));
    assert.deepEqual(after.at('smtp.example.com.').map((x) => x.type), ['A', 'AAAA']);
    assert.equal(after.at('mail.example.com.').length, 0);
  });

  test('each reference is written relative to the origin it was written under, or as `@`', () => {
    const text = [
      '$ORIGIN example.com.',
      '@ IN SOA ns1 h 1 2 3 4 5',
      'x.sub IN A 192.0.2.1',
      '$ORIGIN sub.example.com.',
      'a IN CNAME x',
      'b IN CNAME x.sub.example.com.',
      '$ORIGIN other.example.',
      'c IN CNAME x.sub.example.com.',
    ].join('\n');
    const zone = zoneOf(text);
    const r = renameAt(zone, offsetOf(text, 'CNAME x', 6), '@');
    assert.ok('edits' in r, JSON.stringify(r));
    // The cursor's name is relative to sub.example.com., so `@` there means sub.example.com.
    assert.equal(
      applyAll(zone, r.edits),
      ['$ORIGIN example.com.', '@ IN SOA ns1 h 1 2 3 4 5', 'sub IN A 192.0.2.1', '$ORIGIN sub.example.com.', 'a IN CNAME @', 'b IN CNAME sub.example.com.', '$ORIGIN other.example.', 'c IN CNAME sub.example.com.'].join('\n'),
    );
    const deeper = renameAt(zone, offsetOf(text, 'x.sub IN'), 'y.x.sub');
    assert.ok('edits' in deeper);
    assert.equal(
      applyAll(zone, deeper.edits),
      ['$ORIGIN example.com.', '@ IN SOA ns1 h 1 2 3 4 5', 'y.x.sub IN A 192.0.2.1', '$ORIGIN sub.example.com.', 'a IN CNAME y.x', 'b IN CNAME y.x.sub.example.com.', '$ORIGIN other.example.', 'c IN CNAME y.x.sub.example.com.'].join('\n'),
    );
  });

  test('refuses a name that already has records, the apex, and text that is not a name', () => {
    const { zone, text } = setup();
    const at = offsetOf(text, 'mail IN A');
    const taken = renameAt(zone, at, 'ns1');
    assert.ok('error' in taken && /already has records/.test(taken.error));
    assert.ok('error' in renameAt(zone, offsetOf(text, '@ IN SOA'), 'x'));
    assert.ok('error' in renameAt(zone, at, 'two words'));
    assert.ok('error' in renameAt(zone, at, 'a..b'));
  });
});

describe('document links', () => {
  test('$INCLUDE paths resolve relative to the document, quotes excluded', () => {
    const text = ['$ORIGIN example.com.', '$INCLUDE keys/Kexample.key', '$INCLUDE "/etc/bind/common zone.db" sub', '@ IN SOA ns1 h 1 2 3 4 5'].join('\n');
    const zone = zoneOf(text);
    const links = documentLinks(zone, 'file:///srv/zones/example.com.zone');
    assert.deepEqual(
      links.map((l) => [text.slice(l.range.start, l.range.end), l.target]),
      [
        ['keys/Kexample.key', 'file:///srv/zones/keys/Kexample.key'],
        ['/etc/bind/common zone.db', 'file:///etc/bind/common%20zone.db'],
      ],
    );
    assert.equal(documentLinks(zone, 'untitled:Untitled-1')[0].target, undefined);
  });

  test('special characters and Windows paths', () => {
    assert.equal(resolveIncludeUri('file:///z/a.zone', '../x#1.zone'), 'file:///x%231.zone');
    assert.equal(resolveIncludeUri('file:///c%3A/z/a.zone', 'C:\\zones\\b.zone'), 'file:///C:/zones/b.zone');
  });
});

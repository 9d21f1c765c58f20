/**
 * Counterexamples the property tests found, kept as plain tests after their fix: each once broke
 * a file or changed a record it did not mean to touch.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/language/languageService';
import { ruleFixes, stripSnippet, suppressionFixes } from '../../server/src/language/features/codeActions';
import { formatDocument, applyTextEdits } from '../../server/src/language/features/format/format';
import { selectionRangesAt } from '../../server/src/language/features/selectionRanges';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { applyFirstFix, fixAll, lint, records, syntaxCodes } from './fixHarness';
import { deleteRecordEdit } from '../../server/src/language/checks/integrity/deleteRecord';
import { sortRecords } from '../../server/src/language/features/sortRecords';
import { renameAt } from '../../server/src/language/features/rename';

const HEAD = '$TTL 3600\n@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 3600 )\n  IN NS ns1\n  IN NS ns2.other.net.\nns1 IN A 192.0.2.1\n';

describe('record deletion (duplicate-record, spf-multiple-records merge)', () => {
  test('a record in parentheses over several lines goes with its closing parenthesis', () => {
    const text = `${HEAD}@ CNAME ( mail ; note\n\t )\n@ CNAME ( mail ; note\n\t )\n`;
    const fixed = applyFirstFix(text, 'duplicate-record');
    assert.equal(fixed, `${HEAD}@ CNAME ( mail ; note\n\t )\n`);
    assert.deepEqual(syntaxCodes(fixed!), []);
  });

  test('the last line without a line break after a directive keeps the break the directive needs', () => {
    const text = `${HEAD}@ TXT "v=spf1 -all"\n$ORIGIN example.com.\n@ TXT "v=spf1 -all"`;
    const fixed = applyFirstFix(text, 'duplicate-record')!;
    assert.equal(fixed, `${HEAD}@ TXT "v=spf1 -all"\n$ORIGIN example.com.\n`);
    assert.deepEqual(syntaxCodes(fixed), []);
  });

  test('lines end at a lone CR too, as for the lexer', () => {
    const text = `${HEAD}x A 192.0.2.3\rx A 192.0.2.3\ry A 192.0.2.4\n`;
    const fixed = applyFirstFix(text, 'duplicate-record')!;
    assert.equal(fixed, `${HEAD}x A 192.0.2.3\ry A 192.0.2.4\n`);
  });

  test('no deletion that hands a blank-owner line to another owner: across $GENERATE', () => {
    const text = `${HEAD}mail HINFO "PC" "Linux"\n@ CNAME mail\nmail HINFO "PC" "Linux"\n$GENERATE 1-3 g$ A 10.0.0.1\n  A 192.0.2.8\n`;
    const fixed = fixAll(text);
    assert.ok(records(fixed).includes('mail.example.com. 3600 A 192.0.2.8'), fixed);
  });

  test('... across a line that did not parse', () => {
    const text = `${HEAD}mta-sts CNAME mail.other.net.\n@ 1x SSHFP 1 1 00\nmta-sts CNAME mail.other.net.\n  CNAME mail\n`;
    const fixed = fixAll(text);
    assert.ok(records(fixed).includes('mta-sts.example.com. 3600 CNAME mail'), fixed);
  });

  test('... after a parenthesis that is never closed (the lexer would take the next line into it)', () => {
    const text = `${HEAD}@ CAA 0 issue "ca.example"\n@ TXT ( a"b )\n@ CAA 0 issue "ca.example"\n  TXT "v=spf1 -all"\n`;
    const fixed = fixAll(text);
    assert.ok(records(fixed).includes('example.com. 3600 TXT "v=spf1 -all"'), fixed);
  });

  test('... when two adjacent copies are deleted in the same round', () => {
    const text = `${HEAD}@ DNAME mail\nwww CNAME mail\n@ DNAME mail\n@ DNAME mail\n  TXT "after"\n`;
    const fixed = fixAll(text);
    assert.ok(records(fixed).includes('example.com. 3600 TXT "after"'), fixed);
    // One copy goes in the first round; the other would now hand the TXT line to www: it stays.
    assert.equal(records(fixed).filter((r) => r.includes('DNAME')).length, 2, fixed);
  });
});

describe('fix-all', () => {
  test('a trailing dot for a name on a deleted last line is not left behind on its own', () => {
    const text = `${HEAD}@ MX 0 host.example.com\n@ MX 0 host.example.com`;
    const fixed = fixAll(text);
    assert.deepEqual(syntaxCodes(fixed), [], JSON.stringify(fixed));
    assert.deepEqual(records(fixed).filter((r) => r.includes(' MX ')), ['example.com. 3600 MX 0 host.example.com.']);
  });
});

describe('insertions at the top of a file with a byte order mark', () => {
  test('ttl-missing puts $TTL after the BOM', () => {
    const fixed = applyFirstFix('\ufeff$ORIGIN example.com.\n@ A 192.0.2.1\n', 'ttl-missing')!;
    assert.ok(fixed.startsWith('\ufeff$TTL '), JSON.stringify(fixed));
    assert.deepEqual(syntaxCodes(fixed), []);
  });

  test('"disable for this line" on the first line goes after the BOM', () => {
    const text = '\ufeff@ MX 0 mail\n';
    const l = lint(text);
    const d = l.diagnostics.find((x) => x.code === 'soa-missing')!;
    const [forLine] = suppressionFixes(d, l.zone, new LineIndex(text));
    const fixed = applyEdits(text, forLine.edits);
    assert.ok(fixed.startsWith('\ufeff; zonelint-disable-next-line soa-missing\n@ MX'), JSON.stringify(fixed));
    assert.equal(lint(fixed).diagnostics.filter((x) => x.code === 'soa-missing').length, 0);
  });
});

test('snippet escapes are honoured: a name holding ${1:x} stays literal', () => {
  assert.equal(stripSnippet('a\\${1:b\\}c IN A ${1:192.0.2.1}'), 'a${1:b}c IN A 192.0.2.1');
  assert.equal(stripSnippet('\\$TTL ${1:3600}\n'), '$TTL 3600\n');
});

test('formatting keeps a record that starts with "(" in column 0 (its first word is the owner)', () => {
  const text = '@ A 192.0.2.9\n(www A 192.0.2.1)\n';
  const zone = parseDocument({ text, origin: 'example.com.' });
  const formatted = applyTextEdits(text, formatDocument(zone));
  assert.ok(formatted.includes('\n(www A 192.0.2.1)'), JSON.stringify(formatted));
  assert.deepEqual(records(formatted), records(text));
});

test('selection ranges of an unterminated string stay inside the text', () => {
  const text = `${HEAD}@ TXT "unterminated`;
  const zone = parseDocument({ text, origin: 'example.com.' });
  for (const r of selectionRangesAt(zone, text.length - 3)) assert.ok(r.end <= text.length, JSON.stringify(r));
});

describe('records added by a fix', () => {
  test('go after the parenthesis group a record lies in, also when the "(" comes before its owner', () => {
    // The last apex record (`@ A`) is inside a group opened by a line that is only "(": a comment
    // runs past the lone CR to the LF, and the group closes on the line after.
    const text = `${HEAD}@ IN MX 10 mail\nmail IN A 192.0.2.7\n@ A 192.0.2.1\r(\n@ A 192.0.2.9 ; comment\r@ MX ( 0 mail ; note\n\t )\n@ 99999999999 MX 0 mail`;
    const fixed = applyFirstFix(text, 'dmarc-missing')!;
    assert.ok(fixed.includes('\t )\n_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n@ 99999999999'), JSON.stringify(fixed));
    assert.deepEqual(syntaxCodes(fixed), syntaxCodes(text));
    assert.deepEqual(records(fixed).filter((r) => !r.includes('DMARC1')), records(text));
  });
});

describe('mx-target-is-cname', () => {
  const text = `${HEAD}@ IN MX 10 mail\nmail CNAME [192.0.2.1]\n* A 192.0.2.1\n`;

  test('offers no canonical name that is no host name (a wildcard answers the alias target)', () => {
    const finding = lint(text).diagnostics.find((d) => d.code === 'mx-target-is-cname');
    assert.ok(finding, 'the MX target is still reported');
    assert.doesNotMatch(finding.message, /Use \[/);
    assert.equal(applyFirstFix(text, 'mx-target-is-cname'), undefined);
    assert.deepEqual(lint(fixAll(text)).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), lint(text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
  });

  test('offers the canonical host name otherwise, but not one that would read as an address', () => {
    assert.equal(applyFirstFix(`${HEAD}@ IN MX 10 mail\nmail CNAME host\nhost A 192.0.2.1\n`, 'mx-target-is-cname'), `${HEAD}@ IN MX 10 host\nmail CNAME host\nhost A 192.0.2.1\n`);
    assert.equal(applyFirstFix(`${HEAD}@ IN MX 10 mail\nmail CNAME 1.2.3.4\n1.2.3.4 A 192.0.2.1\n`, 'mx-target-is-cname'), undefined);
  });
});

test('duplicate-record deletes no record that starts inside a group opened on an earlier line', () => {
  const text = `${HEAD}x A 192.0.2.9\n(\nx A 192.0.2.9 ; comment\n)\n`;
  const before = lint(text).diagnostics.filter((d) => d.code === 'duplicate-record');
  assert.equal(before.length, 1, 'the copy inside the group is reported');
  const fixed = applyFirstFix(text, 'duplicate-record');
  // The first copy may go (its line is its own); the one in the group may not take part of it.
  if (fixed !== undefined) assert.deepEqual(syntaxCodes(fixed), []);
  assert.ok(fixed === undefined || fixed.includes('(\nx A 192.0.2.9 ; comment\n)\n'), JSON.stringify(fixed));
});

describe('deleting a record (deleteRecordEdit) refuses what would change another line', () => {
  const recordAt = (text: string, start: number) => {
    const zone = parseDocument({ text, origin: 'example.com.' });
    const r = zone.records.find((x) => x.start === start);
    assert.ok(r, `a record at ${start}`);
    return deleteRecordEdit(zone, r);
  };

  test('the SOA whose minimum is the default TTL of the records after it (no $TTL)', () => {
    const text = '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 3600 )\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
    assert.equal(recordAt(text, 0), null);
    assert.notEqual(recordAt('$TTL 1h\n' + text, 8), null, 'with a $TTL the SOA sets no TTL');
  });

  test('a record followed by a blank-owner line that did not parse (it takes the owner all the same)', () => {
    assert.equal(recordAt('@ CNAME mail ; comment\n\t 3 ; note\n', 0), null);
    assert.notEqual(recordAt('@ CNAME mail ; comment\n; only a comment\n', 0), null);
  });

  test('the first record, when the next one would give the zone another class', () => {
    assert.equal(recordAt('a TXT "x"\nb CH TXT "y"\nc TXT "z"\n', 0), null);
    assert.notEqual(recordAt('a TXT "x"\nb IN TXT "y"\nc TXT "z"\n', 0), null);
  });
});

describe('Sort records', () => {
  const sorted = (text: string): string | null => {
    const edit = sortRecords(parseDocument({ text, origin: 'example.com.' }));
    return edit ? applyEdits(text, [edit]) : null;
  };

  test('keeps a byte-order mark first in the file', () => {
    assert.equal(sorted('\ufeff_dmarc 1h AAAA 2001:db8::1\n@ 0 TXT "v=spf1 -all"'), '\ufeff@ 0 TXT "v=spf1 -all"\n_dmarc 1h AAAA 2001:db8::1\n');
  });

  test('refuses an order whose first record would give the zone another class', () => {
    assert.equal(sorted('_smtp._tls CH 1w2d CNAME mail\n@ 2147483647 TXT "v=spf1 -all"'), null);
  });

  test('a last line whose comment runs past a lone CR, moved up, ends in one CRLF, and sorting again changes nothing', () => {
    const once = sorted('$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\nns1 IN A 192.0.2.1\n\n@ TXT "v=spf1 -all" ; comment\r')!;
    assert.equal(once, '$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ TXT "v=spf1 -all" ; comment\r\n\r\nns1 IN A 192.0.2.1\n');
    assert.equal(sorted(once), null);
  });

  test('refuses a record inside parentheses opened on an earlier line', () => {
    assert.equal(sorted('$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\nns1 IN A 192.0.2.1\n(\n@ MX 0 mail\n)\n'), null);
  });
});

test('rename refuses a name that blank-owner lines take from a line that does not parse', () => {
  const text = '@ IN MX 10 mail\nmail IN A 192.0.2.7\nmail FOO ( bar )\n  TXT "x"\n';
  const zone = parseDocument({ text, origin: 'example.com.' });
  const r = renameAt(zone, text.indexOf('mail IN A'), 'renamed');
  assert.ok('error' in r, JSON.stringify(r));
  assert.match(r.error, /does not parse/);
  const fine = '@ IN MX 10 mail\nmail IN A 192.0.2.7\n  TXT "x"\n';
  const ok = renameAt(parseDocument({ text: fine, origin: 'example.com.' }), fine.indexOf('mail IN A'), 'renamed');
  assert.ok('edits' in ok && ok.edits.length === 2, JSON.stringify(ok));
});

describe('recovery from a "(" that is never closed', () => {
  const parse = (text: string) => parseDocument({ text, origin: 'example.com.' });

  test('resumes on no line that a comment runs into past a lone CR', () => {
    const zone = parse('(\n; just a comment\r$ORIGIN example.com.\n');
    assert.deepEqual(zone.directives, [], 'the $ORIGIN is part of the comment, as when lexing');
    assert.deepEqual(zone.parseDiagnostics.map((d) => d.message.slice(0, 17)), ["'(' is never clos"]);
  });

  test('a directive on the line it resumes at is judged by its own line break only', () => {
    const zone = parse('(\n; c\n$ORIGIN example.com.\n');
    assert.deepEqual(zone.directives.map((d) => d.name), ['$ORIGIN']);
    assert.ok(!zone.parseDiagnostics.some((d) => /last line/.test(d.message)), JSON.stringify(zone.parseDiagnostics));
    assert.ok(parse('(\n; c\n$ORIGIN example.com.').parseDiagnostics.some((d) => /last line/.test(d.message)));
  });
});

test('spf-rr-type at a policy name offers removal, not a TXT record that reads as a broken DMARC record', () => {
  const text = `${HEAD}_dmarc SPF "v=spf1 -all"\n`;
  const l = lint(text);
  const d = l.diagnostics.find((x) => x.code === 'spf-rr-type');
  assert.ok(d);
  const fixes = ruleFixes(d, l.zone, l.ws);
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Remove the SPF-type record (as TXT at this name it would be read as a DMARC record)', false]]);
  const removed = applyEdits(text, fixes[0].edits);
  assert.equal(removed, HEAD);
  assert.equal(applyFirstFix(`${HEAD}www SPF "v=spf1 -all"\n`, 'spf-rr-type'), `${HEAD}www TXT "v=spf1 -all"\n`);
});

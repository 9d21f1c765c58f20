/**
 * The example zones: mail-mistakes.zone has SPF mistakes (include=, ptr, +all, two SPF records,
 * an mx whose hosts have no address, an a with none) that the SPF rules must find at the right
 * places; example.org.zone is clean and must get no SPF error or warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { Workspace } from '../../../server/src/language/workspace/workspace';
import { spfRules } from '../../../server/src/language/checks/spf';
import { example } from './helpers';

const SPF_IDS = new Set(spfRules.map((r) => r.id));

function spfFindings(names: string[]): { text: string; found: string[]; severities: string[] } {
  const ws = new Workspace();
  for (const name of names) ws.set(name, parseDocument({ text: example(name), fileName: name }));
  const zone = ws.get(names[0])!;
  const text = example(names[0]);
  const mine = validate(zone, ws).filter((d) => SPF_IDS.has(d.code));
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return {
    text,
    found: mine.map((d) => `${lineOf(d.start)}:${text.slice(d.start, d.end)} ${d.code}`).sort(),
    severities: mine.map((d) => `${d.code}:${d.severity}`),
  };
}

/** `line:covered-text code` for text `covered` on 1-based line `line`, checked to be there. */
function at(text: string, line: number, covered: string, code: string): string {
  assert.ok(text.split('\n')[line - 1].includes(covered), `line ${line} has ${covered}`);
  return `${line}:${covered} ${code}`;
}

test('mail-mistakes.zone: the SPF mistakes are found where they are', () => {
  const { text, found, severities } = spfFindings(['mail-mistakes.zone']);
  const expected = [
    // "v=spf1 mx include=_spf.example.net ptr +all"
    at(text, 14, 'include=', 'spf-syntax'),
    at(text, 14, 'ptr', 'spf-ptr-deprecated'),
    at(text, 14, '+all', 'spf-permissive-all'),
    // its MX hosts are mail.example.com.example.com (no trailing dot) and backup, neither with an address
    at(text, 14, 'mx', 'spf-mx-without-address'),
    // "v=spf1 a -all": the second SPF record at the apex, and the apex has no address
    at(text, 15, 'v=spf1', 'spf-multiple-records'),
    at(text, 15, 'a', 'spf-void-lookup'),
  ].sort();
  assert.deepEqual(found, expected);
  assert.ok(severities.includes('spf-permissive-all:error') && severities.includes('spf-multiple-records:error') && severities.includes('spf-syntax:error'));
});

test('mail-mistakes.zone: the findings on line 14 point at the terms, not at equal text elsewhere', () => {
  const ws = new Workspace();
  const zone = parseDocument({ text: example('mail-mistakes.zone'), fileName: 'mail-mistakes.zone' });
  ws.set('mail-mistakes.zone', zone);
  const text = zone.text;
  const record = text.indexOf('"v=spf1 mx include=_spf.example.net ptr +all"');
  const offsets = Object.fromEntries(validate(zone, ws).filter((d) => SPF_IDS.has(d.code) && d.start > record && d.start < record + 50).map((d) => [d.code, d.start - record]));
  assert.deepEqual(offsets, { 'spf-syntax': 11, 'spf-ptr-deprecated': 36, 'spf-permissive-all': 40, 'spf-mx-without-address': 8 });
});

test('example.org.zone: no SPF error or warning, alone or with its reverse zone', () => {
  for (const names of [['example.org.zone'], ['example.org.zone', '2.0.192.in-addr.arpa.zone']]) {
    const { found } = spfFindings(names);
    assert.deepEqual(found, [], names.join(' + '));
  }
});

import type { CharString } from '../text/charString';
import { FindingSink, findTag, parseTagList } from './tagList';
import type { MailTag, ParsedTagList } from './types';
import { checkHttpsUrl, whitespaceIndex } from './uri';

/**
 * BIMI assertion records (`default._bimi.example.com TXT`,
 * draft-brand-indicators-for-message-identification §4.3). Receivers must not fix
 * capitalisation, so names and values are compared exactly.
 */

export interface BimiRecord extends ParsedTagList {
  /** Both `l=` and `a=` empty (or `a=` absent): the domain declines to show a logo. */
  declined: boolean;
}

const SYNTAX = 'bimi-syntax';
const KNOWN_TAGS = new Set(['v', 'l', 'a', 'lps', 'avp']);
/** Indicator formats the draft allows (SVG Tiny PS, optionally gzipped). */
const LOGO_EXTENSIONS = new Set(['svg', 'svgz']);

/** Parse and check one BIMI assertion record. */
export function validateBimiRecord(strings: readonly CharString[]): BimiRecord {
  const parsed = parseTagList(strings, { code: SYNTAX, recordName: 'BIMI record' });
  const sink = new FindingSink(parsed.text, SYNTAX);
  const tags = parsed.tags;

  const v = findTag(tags, 'v');
  if (!v) {
    sink.addRange('error', 'A BIMI record must start with `v=BIMI1;`; receivers ignore it otherwise.', sink.wholeRecord());
  } else {
    if (v.position !== 0) sink.addRange('error', '`v=BIMI1` must be the first tag; move it to the front.', v.range);
    if (v.value !== 'BIMI1') {
      sink.addRange('error', `\`v=${v.value}\` is not valid: the version must be exactly \`BIMI1\`.`, v.value ? v.valueRange : v.range);
    }
  }
  for (const tag of tags) {
    if (tag.duplicate) continue;
    if (!KNOWN_TAGS.has(tag.name)) {
      sink.addRange('warning', `Unknown BIMI tag \`${tag.name}=\`: receivers ignore it. Check for a typo (names are case-sensitive).`, tag.nameRange);
    }
  }
  const l = findTag(tags, 'l');
  const a = findTag(tags, 'a');
  if (!l) {
    sink.addRange('error', 'The required `l=` tag is missing: give the HTTPS URL of your SVG logo, or `l=` empty to decline BIMI.', sink.wholeRecord());
  } else if (l.value !== '') {
    if (checkLocation(l, sink)) checkLogoExtension(l, sink);
  }
  if (a && a.value !== '') checkLocation(a, sink);
  checkChoice(findTag(tags, 'lps'), ['true', 'false'], sink);
  checkChoice(findTag(tags, 'avp'), ['brand', 'personal'], sink);

  const declined = !!l && l.value === '' && (!a || a.value === '');
  return { ...parsed, declined, findings: [...parsed.findings, ...sink.findings] };
}

/** `l=` and `a=` hold a single HTTPS URI. Returns whether it passed. */
function checkLocation(tag: MailTag, sink: FindingSink): boolean {
  const comma = tag.value.indexOf(',');
  if (comma >= 0) {
    sink.add('error', `\`${tag.name}=\` takes a single URI; remove the others (a comma inside a URI must be written \`%2C\`).`, tag.valueIndex + comma, tag.valueIndex + tag.value.length);
    return false;
  }
  const space = whitespaceIndex(tag.value);
  if (space >= 0) {
    sink.add('error', 'Spaces are not allowed inside a URI; encode them as `%20`.', tag.valueIndex + space, tag.valueIndex + space + 1);
    return false;
  }
  const problem = checkHttpsUrl(tag.value);
  if (problem) {
    sink.addRange('error', `${problem} BIMI only fetches over HTTPS.`, tag.valueRange);
    return false;
  }
  return true;
}

/** A logo URL that ends in another image suffix is a permanent error for receivers. */
function checkLogoExtension(l: MailTag, sink: FindingSink): void {
  const path = l.value.replace(/^https:\/\/[^/]*/i, '').split(/[?#]/)[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  if (dot < 0) return;
  const ext = last.slice(dot + 1).toLowerCase();
  if (!LOGO_EXTENSIONS.has(ext)) {
    sink.addRange('error', `The logo must be an SVG (Tiny PS) file, not \`.${ext}\`; publish an \`.svg\` and point \`l=\` at it.`, l.valueRange);
  }
}

function checkChoice(tag: MailTag | undefined, allowed: readonly string[], sink: FindingSink): void {
  if (!tag || allowed.includes(tag.value)) return;
  const list = allowed.map((x) => `\`${x}\``).join(' or ');
  sink.addRange('error', `\`${tag.name}=${tag.value}\` is not valid: use ${list} (lower case).`, tag.value ? tag.valueRange : tag.range);
}

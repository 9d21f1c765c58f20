import type { CharString } from '../text/charString';
import { checkReportUris } from './reportUris';
import { FindingSink, findTag, parseTagList, reportSpacesAroundEquals } from './tagList';
import type { MailTag, ParsedTagList } from './types';

/**
 * The two SMTP transport-security records with the same strict grammar: MTA-STS
 * (`_mta-sts.example.com TXT`, RFC 8461 §3.1) and TLS reporting (`_smtp._tls.example.com TXT`,
 * RFC 8460 §3). Both: version first, case-sensitive names, no spaces around `=`, and
 * extension fields `name=value` whose value has no spaces, `=` or `;`.
 */

/** `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")`. */
const EXTENSION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXTENSION_NAME_RULE = 'a letter or digit followed by up to 31 letters, digits, `_`, `-` or `.`';
/** `1*(%x21-3A / %x3C / %x3E-7E)`: printable ASCII except `;` and `=`. */
const EXTENSION_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

interface RecordGrammar {
  code: string;
  recordName: string;
  spec: string;
  version: string;
}

/** Parse with the shared grammar and check the version and the extension values. */
function parseStrict(strings: readonly CharString[], grammar: RecordGrammar, known: readonly string[]) {
  const parsed = parseTagList(strings, {
    code: grammar.code,
    recordName: grammar.recordName,
    namePattern: EXTENSION_NAME,
    nameRule: EXTENSION_NAME_RULE,
  });
  const sink = new FindingSink(parsed.text, grammar.code);
  reportSpacesAroundEquals(parsed.tags, sink, grammar.spec);
  const v = findTag(parsed.tags, 'v');
  if (!v) {
    sink.addRange('error', `The record must start with \`v=${grammar.version};\`; senders ignore it otherwise.`, sink.wholeRecord());
  } else {
    if (v.position !== 0) {
      sink.addRange('error', `\`v=${grammar.version}\` must be the first field; move it to the front.`, v.range);
    }
    if (v.value !== grammar.version) {
      sink.addRange('error', `\`v=${v.value}\` is not valid: the version must be exactly \`${grammar.version}\`.`, v.value ? v.valueRange : v.range);
    }
  }
  for (const tag of parsed.tags) {
    if (tag.duplicate || tag.name === 'v' || known.includes(tag.name)) continue;
    checkExtensionValue(tag, sink);
  }
  return { parsed, sink };
}

function checkExtensionValue(tag: MailTag, sink: FindingSink): void {
  if (tag.value === '') {
    sink.addRange('error', `Extension field \`${tag.name}=\` needs a value (or remove it).`, tag.range);
  } else if (!EXTENSION_VALUE.test(tag.value)) {
    sink.addRange('error', `The value of \`${tag.name}=\` may not contain spaces or \`=\`.`, tag.valueRange);
  }
}

const MTA_STS: RecordGrammar = { code: 'mta-sts-syntax', recordName: 'MTA-STS record', spec: 'RFC 8461 §3.1', version: 'STSv1' };

/** Parse and check one MTA-STS TXT record. */
export function validateMtaStsRecord(strings: readonly CharString[]): ParsedTagList {
  const { parsed, sink } = parseStrict(strings, MTA_STS, ['id']);
  const id = findTag(parsed.tags, 'id');
  if (!id) {
    sink.addRange('error', 'The required `id=` field is missing; add `id=` with 1 to 32 letters or digits that you change whenever the policy file changes, e.g. a timestamp such as `id=20240131120000`.', sink.wholeRecord());
  } else if (!/^[A-Za-z0-9]{1,32}$/.test(id.value)) {
    const why = id.value === '' ? 'is empty' : id.value.length > 32 ? `is ${id.value.length} characters long` : 'contains characters other than letters and digits';
    sink.addRange('error', `\`id=\` ${why}: it must be 1 to 32 letters or digits (e.g. \`20240131000000\`).`, id.value ? id.valueRange : id.range);
  }
  return { ...parsed, findings: [...parsed.findings, ...sink.findings] };
}

const TLSRPT: RecordGrammar = { code: 'tlsrpt-syntax', recordName: 'TLS-RPT record', spec: 'RFC 8460 §3', version: 'TLSRPTv1' };

/** Parse and check one SMTP TLS Reporting TXT record. */
export function validateTlsRptRecord(strings: readonly CharString[]): ParsedTagList {
  const { parsed, sink } = parseStrict(strings, TLSRPT, ['rua']);
  const rua = findTag(parsed.tags, 'rua');
  if (!rua) {
    sink.addRange('error', 'The required `rua=` field is missing; add `rua=mailto:tls-reports@your-domain` (or an `https:` URL).', sink.wholeRecord());
  } else {
    checkReportUris(rua, sink, {
      sizeSuffix: false,
      schemes: ['mailto', 'https'],
      otherSchemeSeverity: 'error',
      otherSchemeReason: 'cannot receive TLS reports: use `mailto:` or `https:` (RFC 8460 §3).',
    });
  }
  return { ...parsed, findings: [...parsed.findings, ...sink.findings] };
}

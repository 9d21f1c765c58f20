import type { CharString } from '../text/charString';
import { checkReportUris } from './reportUris';
import { FindingSink, findTag, itemSpan, parseTagList, splitTagValue } from './tagList';
import type { MailTag, ParsedTagList } from './types';

/**
 * DMARC policy records (`_dmarc.example.com TXT`, RFC 7489 §6.3, plus the DMARCbis tags
 * `np`, `psd` and `t`). Tag names and keyword values are case-insensitive; `v=DMARC1` is exact.
 */

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcRecord extends ParsedTagList {
  /** The `p=` policy when it is valid. */
  policy?: DmarcPolicy;
}

const SYNTAX = 'dmarc-syntax';
const POLICIES = ['none', 'quarantine', 'reject'];
const KNOWN_TAGS = new Set(['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'rua', 'ruf', 'fo', 'rf', 'ri', 't', 'psd']);
const MAX_UINT32 = 4294967295;

/** Parse and check one DMARC record. */
export function validateDmarcRecord(strings: readonly CharString[]): DmarcRecord {
  const parsed = parseTagList(strings, { code: SYNTAX, recordName: 'DMARC record', caseInsensitiveNames: true });
  const sink = new FindingSink(parsed.text, SYNTAX);
  const tags = parsed.tags;
  const get = (name: string) => findTag(tags, name, true);
  const result: DmarcRecord = { ...parsed };

  checkVersion(get('v'), sink);
  for (const tag of tags) {
    if (tag.duplicate) continue;
    const name = tag.name.toLowerCase();
    if (!KNOWN_TAGS.has(name)) {
      sink.addRange('warning', `Unknown DMARC tag \`${tag.name}=\`: receivers ignore it. Check for a typo.`, tag.nameRange);
      continue;
    }
    checkTag(name, tag, sink);
  }

  const p = get('p');
  if (!p) {
    sink.addRange('error', 'The `p=` policy tag is missing; add `p=none`, `p=quarantine` or `p=reject` right after `v=DMARC1`.', sink.wholeRecord());
  } else if (isPolicy(p.value)) {
    result.policy = p.value.toLowerCase() as DmarcPolicy;
    if (result.policy === 'none') {
      sink.addRange('information', '`p=none` is monitoring only: receivers take no action on mail that fails DMARC. Move to `quarantine`, then `reject`, once reports show your legitimate mail passes.', p.valueRange, 'dmarc-policy-none');
    }
  }
  checkPct(get('pct'), result.policy, sink);
  if (!get('rua')) {
    const v = get('v');
    sink.addRange('information', 'No `rua=` tag: you will receive no aggregate reports, so you cannot see who sends mail as your domain. Add `rua=mailto:dmarc-reports@your-domain`.', v ? v.range : sink.wholeRecord(), 'dmarc-no-rua');
  }
  result.findings = [...parsed.findings, ...sink.findings];
  return result;
}

function isPolicy(value: string): boolean {
  return POLICIES.includes(value.toLowerCase());
}

function checkVersion(v: MailTag | undefined, sink: FindingSink): void {
  if (!v) {
    sink.addRange('error', 'A DMARC record must start with `v=DMARC1;`; receivers ignore records without it.', sink.wholeRecord());
    return;
  }
  if (v.position !== 0) {
    sink.addRange('error', '`v=DMARC1` must be the first tag; receivers ignore the record otherwise. Move it to the front.', v.range);
  }
  if (v.value !== 'DMARC1') {
    sink.addRange('error', `\`v=${v.value}\` is not valid: the version must be exactly \`DMARC1\` (upper case).`, v.value ? v.valueRange : v.range);
  }
}

/** Check the value of one known tag (`name` in lower case). */
function checkTag(name: string, tag: MailTag, sink: FindingSink): void {
  switch (name) {
    case 'p':
    case 'sp':
    case 'np':
      return checkKeyword(tag, POLICIES, sink);
    case 'adkim':
    case 'aspf':
      return checkKeyword(tag, ['r', 's'], sink, 'r (relaxed) or s (strict)');
    case 't':
      return checkKeyword(tag, ['y', 'n'], sink);
    case 'psd':
      return checkKeyword(tag, ['y', 'n', 'u'], sink);
    case 'pct':
      if (!/^\d{1,3}$/.test(tag.value) || Number(tag.value) > 100) {
        sink.addRange('error', `\`pct=${tag.value}\` must be a whole number from 0 to 100.`, valueOrTag(tag));
      }
      return;
    case 'ri':
      if (!/^\d+$/.test(tag.value) || Number(tag.value) > MAX_UINT32) {
        sink.addRange('error', `\`ri=${tag.value}\` must be a whole number of seconds (default 86400).`, valueOrTag(tag));
      }
      return;
    case 'rua':
    case 'ruf':
      return checkReportUris(tag, sink, {
        sizeSuffix: true,
        schemes: ['mailto'],
        otherSchemeSeverity: 'warning',
        otherSchemeReason: 'are not used by receivers to send DMARC reports (RFC 7489 only requires `mailto:`); use `mailto:`.',
      });
    case 'fo':
      return checkColonList(tag, ['0', '1', 'd', 's'], sink, 'error');
    case 'rf':
      return checkColonList(tag, ['afrf'], sink, 'warning');
  }
}

function valueOrTag(tag: MailTag) {
  return tag.value ? tag.valueRange : tag.range;
}

function checkKeyword(tag: MailTag, allowed: readonly string[], sink: FindingSink, words?: string): void {
  if (allowed.includes(tag.value.toLowerCase())) return;
  const list = words ?? allowed.map((a) => `\`${a}\``).join(', ');
  sink.addRange('error', `\`${tag.name}=${tag.value}\` is not valid: use one of ${list}.`, valueOrTag(tag));
}

/** `fo=` and `rf=`: colon-separated keywords. Unknown `rf` formats are only a warning. */
function checkColonList(tag: MailTag, allowed: readonly string[], sink: FindingSink, unknownSeverity: 'error' | 'warning'): void {
  const list = allowed.map((a) => `\`${a}\``).join(', ');
  for (const item of splitTagValue(tag, ':')) {
    const [from, to] = itemSpan(tag, item);
    if (item.value === '') {
      sink.add('error', `Empty value in \`${tag.name}=\`: use ${list}, separated by \`:\`.`, from, to);
    } else if (!allowed.includes(item.value.toLowerCase())) {
      sink.add(unknownSeverity, `\`${item.value}\` is not a valid \`${tag.name}=\` value: use ${list}.`, from, to);
    }
  }
}

function checkPct(pct: MailTag | undefined, policy: DmarcPolicy | undefined, sink: FindingSink): void {
  // With p=none nothing is enforced, so a partial percentage changes nothing worth reporting.
  if (!pct || policy === 'none' || !/^\d{1,3}$/.test(pct.value)) return;
  const n = Number(pct.value);
  if (n < 100) {
    sink.addRange('information', `\`pct=${n}\`: the policy applies to only ${n}% of failing mail; the rest is treated one level more leniently. Raise it to 100 (or remove \`pct=\`, which DMARCbis drops) when you are confident.`, pct.valueRange, 'dmarc-pct-partial');
  }
}

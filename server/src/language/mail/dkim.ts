import type { CharString } from '../text/charString';
import { decodeBase64 } from './base64';
import { inspectPublicKey, type PublicKeyShape } from './publicKey';
import { FindingSink, findTag, itemSpan, parseTagList, splitTagValue } from './tagList';
import type { MailTag, ParsedTagList } from './types';

/**
 * DKIM key records (`selector._domainkey.example.com TXT`, RFC 6376 §3.6.1), with the key
 * type and hash rules of RFC 8301 and RFC 8463.
 */

export interface DkimRecord extends ParsedTagList {
  /** What `p=` decoded to, when it was valid base64 and not empty. */
  key?: PublicKeyShape;
  /** `p=` present and empty: the key is revoked. */
  revoked: boolean;
}

const KNOWN_TAGS = new Set(['v', 'h', 'k', 'n', 'p', 's', 't']);
const KEY_TYPES = new Set(['rsa', 'ed25519']);
const HASHES = new Set(['sha1', 'sha256']);
/** RFC 6376 `hyphenated-word`: letters/digits and inner hyphens, starting with a letter. */
const HYPHENATED_WORD = /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

const SYNTAX = 'dkim-syntax';

/** Parse and check one DKIM key record. */
export function validateDkimRecord(strings: readonly CharString[]): DkimRecord {
  const parsed = parseTagList(strings, { code: SYNTAX, recordName: 'DKIM key record' });
  const sink = new FindingSink(parsed.text, SYNTAX);
  const { tags } = parsed;
  const result: DkimRecord = { ...parsed, revoked: false };

  checkVersion(tags, sink);
  checkUnknownTags(tags, sink);
  const keyType = checkKeyType(findTag(tags, 'k'), sink);
  checkHashes(findTag(tags, 'h'), sink);
  checkServices(findTag(tags, 's'), sink);
  checkFlags(findTag(tags, 't'), sink);
  const p = findTag(tags, 'p');
  if (!p) {
    sink.addRange('error', 'The required `p=` tag (the public key) is missing; add `p=` followed by the base64 key.', sink.wholeRecord());
  } else if (p.value === '') {
    result.revoked = true;
    sink.addRange('warning', 'Empty `p=`: this key is revoked and every signature made with it fails. Remove the record once no mail signed with this selector is in transit.', p.range, 'dkim-key-revoked');
  } else {
    result.key = checkKey(p, keyType, findTag(tags, 'k'), sink);
  }
  result.findings = [...parsed.findings, ...sink.findings];
  return result;
}

function checkVersion(tags: readonly MailTag[], sink: FindingSink): void {
  const v = findTag(tags, 'v');
  if (!v) return; // v= is optional in key records
  if (v.position !== 0) {
    sink.addRange('error', '`v=DKIM1` must be the first tag of the record; move it to the front.', v.range);
  }
  if (v.value !== 'DKIM1') {
    sink.addRange('error', `\`v=${v.value}\` is not a DKIM key record version: it must be exactly \`DKIM1\`, or verifiers discard the record.`, v.value ? v.valueRange : v.range);
  }
}

function checkUnknownTags(tags: readonly MailTag[], sink: FindingSink): void {
  for (const tag of tags) {
    if (tag.duplicate || KNOWN_TAGS.has(tag.name)) continue;
    const lower = tag.name.toLowerCase();
    const message = KNOWN_TAGS.has(lower)
      ? `DKIM tag names are case-sensitive: \`${tag.name}=\` is not \`${lower}=\` and verifiers ignore it; write \`${lower}=\`.`
      : tag.name === 'g'
        ? 'The `g=` tag was removed by RFC 6376 and is ignored; remove it.'
        : `Unknown tag \`${tag.name}=\`: verifiers ignore it. Check for a typo (known tags: v, h, k, n, p, s, t).`;
    sink.addRange('warning', message, tag.nameRange);
  }
}

/** Returns the effective key type, or undefined when `k=` names no usable type. */
function checkKeyType(k: MailTag | undefined, sink: FindingSink): string | undefined {
  if (!k) return 'rsa'; // RFC 6376: default is rsa
  if (KEY_TYPES.has(k.value)) return k.value;
  if (k.value === '') {
    sink.addRange('error', 'Empty `k=`: give the key type (`rsa` or `ed25519`) or remove the tag (the default is rsa).', k.range);
  } else if (KEY_TYPES.has(k.value.toLowerCase())) {
    sink.addRange('error', `Key types are case-sensitive: write \`k=${k.value.toLowerCase()}\`.`, k.valueRange);
  } else {
    sink.addRange('error', `Unknown key type \`${k.value}\`: verifiers cannot use this key. Use \`rsa\` or \`ed25519\`.`, k.valueRange);
  }
  return undefined;
}

function checkHashes(h: MailTag | undefined, sink: FindingSink): void {
  if (!h) return;
  const known = new Set<string>();
  let malformed = false;
  for (const item of splitTagValue(h, ':')) {
    const [from, to] = itemSpan(h, item);
    if (item.value === '') {
      sink.add('error', 'Empty hash algorithm in `h=`; list algorithms separated by `:`, e.g. `h=sha256`.', from, to);
      malformed = true;
    } else if (!HYPHENATED_WORD.test(item.value)) {
      sink.add('error', `\`${item.value}\` is not a valid hash algorithm name.`, from, to);
      malformed = true;
    } else if (HASHES.has(item.value)) {
      known.add(item.value);
    } else {
      const hint = HASHES.has(item.value.toLowerCase()) ? ` (names are case-sensitive: write \`${item.value.toLowerCase()}\`)` : '';
      sink.add('warning', `Unknown hash algorithm \`${item.value}\` is ignored by verifiers${hint}.`, from, to);
    }
  }
  if (malformed) return;
  if (known.size === 0) {
    sink.addRange('error', '`h=` lists no known hash algorithm, so no signature can be verified with this key; use `h=sha256` or remove `h=`.', h.valueRange);
  } else if (known.size === 1 && known.has('sha1')) {
    sink.addRange('warning', `\`h=${h.value}\` allows only SHA-1 signatures, which verifiers must not accept (RFC 8301 §3.1); sign with SHA-256 and use \`h=sha256\` or remove \`h=\`.`, h.valueRange, 'dkim-sha1');
  }
}

function checkServices(s: MailTag | undefined, sink: FindingSink): void {
  if (!s) return;
  let usable = false;
  let malformed = false;
  for (const item of splitTagValue(s, ':')) {
    const [from, to] = itemSpan(s, item);
    if (item.value === '') {
      sink.add('error', 'Empty service type in `s=`; use `s=email` or `s=*`, or remove the tag.', from, to);
      malformed = true;
    } else if (item.value === '*' || item.value === 'email') {
      usable = true;
    } else if (!HYPHENATED_WORD.test(item.value)) {
      sink.add('error', `\`${item.value}\` is not a valid service type.`, from, to);
      malformed = true;
    }
  }
  if (!usable && !malformed) {
    sink.addRange('warning', `\`s=${s.value}\` does not include \`email\` or \`*\`, so this key cannot verify email signatures; use \`s=email\` or remove \`s=\`.`, s.valueRange);
  }
}

function checkFlags(t: MailTag | undefined, sink: FindingSink): void {
  if (!t) return;
  for (const item of splitTagValue(t, ':')) {
    const [from, to] = itemSpan(t, item);
    if (item.value === '') {
      sink.add('error', 'Empty flag in `t=`; flags are separated by `:`, e.g. `t=s`.', from, to);
    } else if (!HYPHENATED_WORD.test(item.value)) {
      sink.add('error', `\`${item.value}\` is not a valid flag.`, from, to);
    } else if (item.value === 'y') {
      sink.add('information', 'Testing mode (`t=y`): verifiers may treat failing signatures like unsigned mail. Remove `y` once signing works.', from, to, 'dkim-testing-mode');
    } else if (item.value !== 's') {
      sink.add('warning', `Unknown flag \`${item.value}\` is ignored by verifiers (known flags: \`y\`, \`s\`).`, from, to);
    }
  }
}

/** Decode `p=`, check it is valid base64, and that the key matches `k=` and is long enough. */
function checkKey(p: MailTag, keyType: string | undefined, k: MailTag | undefined, sink: FindingSink): PublicKeyShape | undefined {
  const decoded = decodeBase64(p.value);
  if (!decoded.ok) {
    const { from, to, message } = decoded.problem;
    sink.add('error', `\`p=\` is not valid base64: ${message.charAt(0).toLowerCase()}${message.slice(1)}`, p.valueIndex + from, p.valueIndex + to);
    return undefined;
  }
  const key = inspectPublicKey(decoded.bytes);
  if (keyType === 'rsa') checkRsaKey(p, key, k, decoded.bytes.length, sink);
  else if (keyType === 'ed25519') checkEd25519Key(p, key, decoded.bytes.length, sink);
  return key;
}

function checkRsaKey(p: MailTag, key: PublicKeyShape, k: MailTag | undefined, bytes: number, sink: FindingSink): void {
  const claim = k ? '`k=rsa`' : 'no `k=` tag (which means `k=rsa`)';
  const mismatch = 'dkim-key-type-mismatch';
  switch (key.kind) {
    case 'rsa':
      if (key.form === 'pkcs1') {
        // RFC 6376 names RSAPublicKey, but publishers and most verifiers use SubjectPublicKeyInfo (erratum 3017).
        sink.addRange('warning', '`p=` holds a bare PKCS#1 RSAPublicKey; many verifiers only accept SubjectPublicKeyInfo. Publish the output of `openssl rsa -pubout` instead.', p.valueRange);
      }
      if (key.modulusBits < 1024) {
        sink.addRange('error', `The RSA key is only ${key.modulusBits} bits: verifiers reject keys shorter than 1024 bits (RFC 8301 §3.2). Generate a 2048-bit key and publish it under a new selector.`, p.valueRange, 'dkim-weak-key');
      } else if (key.modulusBits < 2048) {
        sink.addRange('warning', `The RSA key is ${key.modulusBits} bits; 2048 bits is recommended (RFC 8301 §3.2). Rotate to a 2048-bit key under a new selector.`, p.valueRange, 'dkim-weak-key');
      }
      return;
    case 'ed25519-raw':
      sink.addRange('error', `The key is 32 bytes, the size of a raw Ed25519 key, but the record has ${claim}; add \`k=ed25519\`.`, p.valueRange, mismatch);
      return;
    case 'ed25519-spki':
      sink.addRange('error', `This is an Ed25519 key in SubjectPublicKeyInfo form, but the record has ${claim}. Publish the raw 32-byte key with \`k=ed25519\` (RFC 8463 §4.2).`, p.valueRange, mismatch);
      return;
    case 'other-spki':
      sink.addRange('error', `This key uses algorithm ${key.oid}, not RSA, but the record has ${claim}. Publish an RSA key or an Ed25519 key with \`k=ed25519\`.`, p.valueRange, mismatch);
      return;
    case 'unknown':
      sink.addRange('error', `\`p=\` (${bytes} bytes) is not a DER-encoded RSA public key. It may be truncated, or a string of the record may be missing.`, p.valueRange);
      return;
  }
}

function checkEd25519Key(p: MailTag, key: PublicKeyShape, bytes: number, sink: FindingSink): void {
  const mismatch = 'dkim-key-type-mismatch';
  if (key.kind === 'ed25519-raw') return;
  const message =
    key.kind === 'rsa'
      ? `\`k=ed25519\` but \`p=\` holds a ${key.modulusBits}-bit RSA key; use \`k=rsa\` (or remove \`k=\`).`
      : key.kind === 'ed25519-spki'
        ? '`k=ed25519` needs the raw 32-byte key, not SubjectPublicKeyInfo: publish only the last 32 bytes of this key (RFC 8463 §4.2).'
        : `\`k=ed25519\` needs a raw 32-byte key, but \`p=\` decodes to ${bytes} bytes.`;
  sink.addRange('error', message, p.valueRange, mismatch);
}

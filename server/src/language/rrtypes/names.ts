/**
 * Domain names in presentation format (RFC 1035 §5.1, RFC 4343): parse with escapes, make
 * absolute against an origin, and produce one canonical text form used as the model's key:
 * lowercase ASCII, trailing dot, printable characters as is, specials and non-printables escaped.
 */

export interface NameResult {
  /** Canonical absolute name (lowercase, trailing dot); '' when the text could not be parsed. */
  name: string;
  /** The source ended with an unescaped dot (or was `@`, or the origin was absolute already). */
  absolute: boolean;
  /** First problem found, with a range relative to the start of the text. */
  error?: { message: string; from: number; to: number };
}

export const MAX_LABEL_OCTETS = 63;
export const MAX_NAME_OCTETS = 255;

/** Characters that must be escaped in a canonical label. */
function needsEscape(code: number): boolean {
  return (
    code <= 0x20 ||
    code >= 0x7f ||
    code === 0x2e /* . */ ||
    code === 0x5c /* \ */ ||
    code === 0x22 /* " */ ||
    code === 0x3b /* ; */ ||
    code === 0x28 /* ( */ ||
    code === 0x29 /* ) */ ||
    code === 0x40 /* @ */ ||
    code === 0x24 /* $ */
  );
}

function escapeOctet(code: number): string {
  if (code > 0x20 && code < 0x7f) return '\\' + String.fromCharCode(code);
  return '\\' + String(code).padStart(3, '0');
}

/** Wire length of a canonical absolute name: one length octet per label plus the label octets plus the root. */
export function canonicalWireLength(name: string): number {
  if (name === lastWireName) return lastWireLength;
  // Without escapes every character is one octet and every dot one length octet: the text's
  // length plus the root's octet (the root itself is that octet alone).
  if (name !== '.' && name.indexOf('\\') < 0) return name.length + 1;
  let length = 1;
  for (const label of nameToLabels(name)) length += 1 + labelOctets(label);
  lastWireName = name;
  lastWireLength = length;
  return length;
}
// Relative names are completed with the same origin again and again: remember the last one.
let lastWireName = '';
let lastWireLength = 0;

/** Octets of one canonical label (escapes count as the one octet they stand for). */
function labelOctets(label: string): number {
  let n = 0;
  for (let i = 0; i < label.length; i++, n++) {
    if (label.charCodeAt(i) === 0x5c) i += isDigit(label.charCodeAt(i + 1)) ? 3 : 1;
  }
  return n;
}

/**
 * Parse `text` (one field, as written) relative to `origin` (canonical absolute, or null when
 * no origin is known). `@` stands for the origin.
 */
export function parseName(text: string, origin: string | null): NameResult {
  if (text === '@') {
    if (origin === null) return { name: '', absolute: false, error: { message: '`@` used but no origin is known', from: 0, to: 1 } };
    return { name: origin, absolute: true };
  }
  if (text.length === 0) return { name: '', absolute: false, error: { message: 'empty name', from: 0, to: 0 } };
  if (text === '.') return { name: '.', absolute: true };
  const quick = plainName(text, origin);
  if (quick !== null) return quick;
  const fast = fastPath(text);
  const parsed = fast ?? slowPath(text);
  if (parsed.error) return { name: '', absolute: false, error: parsed.error };
  const absolute = parsed.absolute;
  // `canonical` lacks the trailing dot; the canonical form keeps it (fixed: absolute names used to
  // come back without it, so `nameToLabels` dropped their last character).
  let name = absolute ? parsed.canonical + '.' : parsed.canonical;
  if (!absolute) {
    if (origin === null) {
      return { name: '', absolute: false, error: { message: `relative name "${text}" but no $ORIGIN is known`, from: 0, to: text.length } };
    }
    name = origin === '.' ? name + '.' : name + '.' + origin;
  }
  const wire = absolute ? parsed.wire : parsed.wire + (origin === '.' ? 0 : canonicalWireLength(origin!) - 1);
  if (wire > MAX_NAME_OCTETS) {
    return {
      name: '',
      absolute,
      error: { message: `name is ${wire} octets long in wire format${absolute ? '' : ' once the origin is appended'}; the limit is ${MAX_NAME_OCTETS}`, from: 0, to: text.length },
    };
  }
  return { name, absolute };
}

/**
 * parseName for one parse of a document: the same names are written again and again (mail and
 * name servers in MX and NS records, an owner named again as a CNAME target), and each repeat
 * then costs a lookup instead of a new canonical string, so the model holds one copy of the
 * string and the rules hash it once. A small direct-mapped table: a name evicted by another is
 * simply parsed again. Results are shared between callers, which must not modify them.
 */
export class NameCache {
  private readonly keys: string[] = new Array<string>(NAME_CACHE_SLOTS).fill('');
  private readonly results: (NameResult | undefined)[] = new Array<NameResult | undefined>(NAME_CACHE_SLOTS).fill(undefined);
  private origin: string | null = null;

  parse(text: string, origin: string | null): NameResult {
    if (origin !== this.origin) {
      this.keys.fill('');
      this.origin = origin;
    }
    const n = text.length;
    if (n === 0) return parseName(text, origin);
    const slot = (n * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(n >> 1) * 13 + text.charCodeAt(n - 1) + (n > 2 ? text.charCodeAt(n - 3) * 5 : 0)) & (NAME_CACHE_SLOTS - 1);
    if (this.keys[slot] === text) return this.results[slot]!;
    const r = parseName(text, origin);
    if (!r.error) {
      this.keys[slot] = text;
      this.results[slot] = r;
    }
    return r;
  }
}

const NAME_CACHE_SLOTS = 1024;

// The origin with a dot in front, for completing relative names with a single concatenation.
let dottedFor = '';
let dotted = '.';

/**
 * parseName for the common case, with no intermediate results: plain ASCII without escapes or
 * empty labels, no label over 63 octets, within 255 octets (relative names completed by a known
 * origin). Null for anything else, which the general path then handles (and reports).
 */
function plainName(text: string, origin: string | null): NameResult | null {
  const n = text.length;
  let labelStart = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x3b || c === 0x40 || c === 0x24) return null;
    if (c === 0x2e) {
      if (i === labelStart || i - labelStart > MAX_LABEL_OCTETS) return null;
      labelStart = i + 1;
    }
  }
  // An absolute name: the lowercased text (its final dot included) is the canonical form, and
  // its wire length is n + 1 (the labels' octets and length octets, and the root).
  if (text.charCodeAt(n - 1) === 0x2e) return n + 1 > MAX_NAME_OCTETS ? null : { name: text.toLowerCase(), absolute: true };
  if (n - labelStart > MAX_LABEL_OCTETS || origin === null) return null;
  if (origin === '.') return n + 2 > MAX_NAME_OCTETS ? null : { name: text.toLowerCase() + '.', absolute: false };
  if (n + 1 + canonicalWireLength(origin) > MAX_NAME_OCTETS) return null;
  if (origin !== dottedFor) {
    dottedFor = origin;
    dotted = '.' + origin;
  }
  return { name: text.toLowerCase() + dotted, absolute: false };
}

interface Parsed {
  canonical: string; // without trailing dot
  absolute: boolean;
  wire: number; // wire octets of the labels given, counting the root octet when absolute (and always 1 for it otherwise)
  error?: { message: string; from: number; to: number };
}

/** Plain ASCII names without escapes: the common case, done with one scan and one toLowerCase. */
function fastPath(text: string): Parsed | null {
  let labelStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x3b || c === 0x40 || c === 0x24) return null;
    if (c === 0x2e) {
      const len = i - labelStart;
      if (len === 0) return { canonical: '', absolute: false, wire: 0, error: { message: 'empty label (two dots in a row, or a leading dot)', from: i, to: i + 1 } };
      if (len > MAX_LABEL_OCTETS) return labelTooLong(labelStart, i, len);
      labelStart = i + 1;
    }
  }
  const absolute = text.charCodeAt(n - 1) === 0x2e;
  if (!absolute) {
    const len = n - labelStart;
    if (len > MAX_LABEL_OCTETS) return labelTooLong(labelStart, n, len);
  }
  const body = absolute ? text.slice(0, -1) : text;
  // Wire length: every dot separates labels; n - (dots) octets of data plus one length octet per label plus root.
  return { canonical: body.toLowerCase(), absolute, wire: body.length + 2 };
}

function labelTooLong(from: number, to: number, len: number): Parsed {
  return { canonical: '', absolute: false, wire: 0, error: { message: `label is ${len} octets long; the limit is ${MAX_LABEL_OCTETS}`, from, to } };
}

/** Names with escapes or unusual characters: decode octet by octet, then re-encode canonically. */
function slowPath(text: string): Parsed {
  const labels: string[] = [];
  let label = '';
  let octets = 0;
  let labelFrom = 0;
  let wire = 1;
  let absolute = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let escaped = false;
    const at = i;
    if (c === 0x5c) {
      if (i + 1 >= n) return errorAt('a backslash at the end of a name escapes nothing', i, i + 1);
      const d = text.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        const digits = text.slice(i + 1, i + 4);
        if (!/^[0-9]{3}$/.test(digits)) return errorAt('`\\DDD` escape needs three decimal digits', i, Math.min(n, i + 4));
        c = Number(digits);
        if (c > 255) return errorAt(`\`\\${digits}\` is not an octet (0-255)`, i, i + 4);
        i += 3;
        escaped = true;
      } else if (d >= 0x80) {
        // A backslash before non-ASCII text escapes the first octet of its UTF-8 form, which
        // needs no escape: the name holds the same octets as without the backslash.
        i += 1;
        c = d;
      } else {
        c = d;
        i += 1;
        escaped = true;
      }
    } else if (c === 0x2e) {
      if (octets === 0) return errorAt('empty label (two dots in a row, or a leading dot)', i, i + 1);
      labels.push(label);
      wire += octets + 1;
      label = '';
      octets = 0;
      labelFrom = i + 1;
      if (i === n - 1) absolute = true;
      continue;
    }
    if (!escaped && c < 0x80 && (c <= 0x20 || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x3b)) {
      return errorAt(`character ${JSON.stringify(String.fromCharCode(c))} must be escaped in a name`, at, at + 1);
    }
    // Non-ASCII text counts as its UTF-8 octets, as it is on the wire.
    if (c >= 0x80 && !escaped) {
      const cp = text.codePointAt(i)!;
      const bytes = Buffer.from(String.fromCodePoint(cp), 'utf8');
      if (cp > 0xffff) i++;
      for (const b of bytes) label += escapeOctet(b);
      octets += bytes.length;
    } else {
      const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      label += needsEscape(lower) ? escapeOctet(lower) : String.fromCharCode(lower);
      octets += 1;
    }
    if (octets > MAX_LABEL_OCTETS) return errorAt(`label is longer than ${MAX_LABEL_OCTETS} octets`, labelFrom, nextDot(text, i + 1));
  }
  if (!absolute) {
    labels.push(label);
    wire += octets + 1;
  }
  return { canonical: labels.join('.'), absolute, wire };
}

function nextDot(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x5c) i++;
    else if (text.charCodeAt(i) === 0x2e) return i;
  }
  return text.length;
}

function errorAt(message: string, from: number, to: number): Parsed {
  return { canonical: '', absolute: false, wire: 0, error: { message, from, to } };
}

/** Labels of a canonical absolute name, leftmost first (the root has none). Labels keep their escapes. */
export function nameToLabels(name: string): string[] {
  if (name === '.' || name === '') return [];
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length - 1; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) {
      i += isDigit(name.charCodeAt(i + 1)) ? 3 : 1;
    } else if (c === 0x2e) {
      labels.push(name.slice(start, i));
      start = i + 1;
    }
  }
  labels.push(name.slice(start, name.length - 1));
  return labels;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when `name` equals `ancestor` or lies below it (both canonical absolute). */
export function isSubdomain(name: string, ancestor: string): boolean {
  if (ancestor === '.') return true;
  if (name.length < ancestor.length) return false;
  if (name.length === ancestor.length) return name === ancestor;
  return name.endsWith(ancestor) && name.charCodeAt(name.length - ancestor.length - 1) === 0x2e && !isEscapedDot(name, name.length - ancestor.length - 1);
}

function isEscapedDot(name: string, dotIndex: number): boolean {
  let backslashes = 0;
  for (let i = dotIndex - 1; i >= 0 && name.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The parent of a canonical absolute name (`.` for a top-level name, null for the root). */
export function parentName(name: string): string | null {
  if (name === '.' || name === '') return null;
  // Skip the first label (minding escapes); what follows its dot is the parent.
  for (let i = 0; i < name.length - 1; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) i += isDigit(name.charCodeAt(i + 1)) ? 3 : 1;
    else if (c === 0x2e) return name.slice(i + 1);
  }
  return '.';
}

/** `name` written relative to `origin` when it lies below it (`@` for the origin itself), else absolute. */
export function relativeTo(name: string, origin: string): string {
  if (name === origin) return '@';
  if (origin !== '.' && isSubdomain(name, origin)) return name.slice(0, name.length - origin.length - 1);
  return name;
}

/**
 * IP addresses in rdata: strict dotted-quad IPv4 (as BIND's inet_pton: four decimal octets, no
 * leading zeros) and IPv6 in the RFC 4291 §2.2 text forms, printed back in the RFC 5952 form.
 * Errors carry a range relative to the start of the text so the caller can point at the bad part.
 */

export interface AddressError {
  error: string;
  from: number;
  to: number;
}

export function isAddressError(v: Uint8Array | AddressError): v is AddressError {
  return !(v instanceof Uint8Array);
}

/** Four octets, or an error pointing at the offending octet. */
export function parseIpv4(text: string): Uint8Array | AddressError {
  const out = new Uint8Array(4);
  let part = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 0x2e) continue;
    const octet = text.slice(from, i);
    if (part >= 4) return { error: `IPv4 address has more than four octets: "${text}"`, from, to: text.length };
    if (octet.length === 0) {
      // Point at the dot that closes the empty octet (the last dot when the address ends with one).
      const dot = i < text.length ? i : Math.max(0, i - 1);
      return { error: `empty octet in IPv4 address "${text}"`, from: dot, to: Math.min(text.length, dot + 1) };
    }
    if (!/^[0-9]+$/.test(octet)) return { error: `IPv4 octet "${octet}" is not a decimal number`, from, to: i };
    if (octet.length > 1 && octet[0] === '0') return { error: `IPv4 octet "${octet}" has a leading zero (some software reads it as octal)`, from, to: i };
    const v = Number(octet);
    if (v > 255) return { error: `IPv4 octet ${octet} is over 255`, from, to: i };
    out[part++] = v;
    from = i + 1;
  }
  if (part < 4) return { error: `IPv4 address needs four octets; "${text}" has ${part}`, from: 0, to: text.length };
  return out;
}

/**
 * Whether `text` is an IPv4 address parseIpv4 accepts: four decimal octets 0-255 without leading
 * zeros. Such text is its own canonical form (formatIpv4 prints it back unchanged), so the A
 * record codec keeps it as is instead of making four octets and a new string per record.
 */
export function isCanonicalIpv4(text: string): boolean {
  const n = text.length;
  let parts = 0;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 0x30 || first > 0x39) return false;
    let v = first - 0x30;
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c < 0x30 || c > 0x39) break;
      if (v === 0) return false; // a leading zero
      v = v * 10 + (c - 0x30);
      if (v > 255) return false;
    }
    if (++parts > 4) return false;
    if (j === n) return parts === 4;
    if (text.charCodeAt(j) !== 0x2e) return false;
    i = j + 1;
  }
  return false; // empty, or ends with a dot
}

export function formatIpv4(b: ArrayLike<number>): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** Sixteen octets, or an error with the range of the bad group. */
export function parseIpv6(text: string): Uint8Array | AddressError {
  const whole = { from: 0, to: text.length };
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return { error: `IPv6 address may use "::" only once`, from: text.indexOf('::', dbl + 1), to: text.indexOf('::', dbl + 1) + 2 };
  const head = dbl >= 0 ? text.slice(0, dbl) : text;
  const tail = dbl >= 0 ? text.slice(dbl + 2) : '';
  const headWords = parseGroups(head, 0, dbl < 0);
  if ('error' in headWords) return headWords;
  let words = headWords.words;
  if (dbl >= 0) {
    const tailWords = parseGroups(tail, dbl + 2, true);
    if ('error' in tailWords) return tailWords;
    const missing = 8 - words.length - tailWords.words.length;
    if (missing < 1) return { error: `IPv6 address has too many groups for "::" to stand for any`, ...whole };
    words = [...words, ...new Array<number>(missing).fill(0), ...tailWords.words];
  } else if (words.length !== 8) {
    return { error: `IPv6 address needs 8 groups (or "::"); "${text}" has ${words.length}`, ...whole };
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Hex groups separated by `:`, the last of which may be a dotted IPv4 address when `last` is true. */
function parseGroups(text: string, offset: number, last: boolean): { words: number[] } | AddressError {
  if (text.length === 0) return { words: [] };
  const words: number[] = [];
  const parts = text.split(':');
  let from = offset;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const to = from + p.length;
    if (p.length === 0) return { error: `empty group in IPv6 address`, from, to: to + 1 };
    if (last && k === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (isAddressError(v4)) return { error: v4.error, from: from + v4.from, to: from + v4.to };
      words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return { error: `IPv6 group "${p}" must be 1-4 hex digits`, from, to };
      words.push(parseInt(p, 16));
    }
    if (words.length > 8) return { error: `IPv6 address has more than 8 groups`, from, to };
    from = to + 1;
  }
  return { words };
}

// Scratch groups for canonicalIpv6: one address at a time, never kept.
const scratchWords = new Uint16Array(8);

/**
 * The RFC 5952 form of an IPv6 address written as hex groups (with at most one `::`), or
 * undefined for anything else, including errors and a trailing dotted IPv4 part: callers then
 * use parseIpv6 and formatIpv6, which give the same text for what this accepts. The AAAA codec
 * uses it to skip the intermediate arrays and octets of the general parser.
 */
export function canonicalIpv6(text: string): string | undefined {
  const words = scratchWords;
  const n = text.length;
  let count = 0;
  let gap = -1;
  let i = 0;
  if (n >= 2 && text.charCodeAt(0) === 0x3a && text.charCodeAt(1) === 0x3a) {
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let v = 0;
    let digits = 0;
    for (; i < n && digits < 5; i++, digits++) {
      const c = text.charCodeAt(i);
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) break;
      v = v * 16 + d;
    }
    if (digits === 0 || digits > 4 || count >= 8) return undefined;
    words[count++] = v;
    if (i === n) break;
    if (text.charCodeAt(i) !== 0x3a) return undefined;
    if (i + 1 < n && text.charCodeAt(i + 1) === 0x3a) {
      if (gap >= 0) return undefined;
      gap = count;
      i += 2;
    } else {
      i++;
      if (i === n) return undefined; // a trailing single colon
    }
  }
  if (gap < 0) {
    if (count !== 8) return undefined;
  } else {
    if (count > 7) return undefined;
    // Move the groups after `::` to the end and zero the ones it stands for.
    const after = count - gap;
    for (let k = 0; k < after; k++) words[7 - k] = words[count - 1 - k];
    for (let k = gap; k < 8 - after; k++) words[k] = 0;
  }
  return formatIpv6Words(words);
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run (≥2) of zero groups as `::`, the first on a tie. */
export function formatIpv6(b: ArrayLike<number>): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((b[i] << 8) | b[i + 1]);
  return formatIpv6Words(words);
}

function formatIpv6Words(words: ArrayLike<number>): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad in the last 32 bits.
  if (words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0 && words[4] === 0 && words[5] === 0xffff) {
    return `::ffff:${words[6] >> 8}.${words[6] & 0xff}.${words[7] >> 8}.${words[7] & 0xff}`;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out.length > 0 && !out.endsWith(':')) out += ':';
    out += words[i].toString(16);
  }
  return out;
}

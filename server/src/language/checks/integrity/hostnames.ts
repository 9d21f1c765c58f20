/**
 * Host name syntax (RFC 952 as relaxed by RFC 1123 §2.1: letters, digits and hyphens, no hyphen
 * at either end of a label, a leading digit allowed), with the underscore labels that belong in
 * the DNS (RFC 8552 "attribute leaves"): SRV/TLSA `_service._proto`, `_dmarc`, `_domainkey`,
 * `_mta-sts`, `_smtp._tls`, `_acme-challenge`, the `_spf` labels of SPF macros, ... Everything
 * to the left of such a label (a DKIM selector, a macro-expanded name) is not a host name and
 * is not checked.
 */
import { nameToLabels } from '../../rrtypes/names';

/** Underscore labels that stand alone (RFC 8552 §4 registry and mail-related practice). */
const UNDERSCORE_LABELS = new Set([
  '_dmarc',
  '_domainkey',
  '_mta-sts',
  '_acme-challenge',
  '_bimi',
  '_report',
  '_adsp',
  '_spf',
  '_spf_rate',
  '_spf_verify',
  '_atproto',
  '_vouch',
  '_validation-contactemail',
  '_validation-contactphone',
  '_dnsauth',
  '_ta',
  '_msdcs',
  '_sites',
]);

/** Transport labels of SRV (RFC 2782), TLSA (RFC 6698 §3) and `_smtp._tls` (RFC 8460). */
const PROTO_LABELS = new Set(['_tcp', '_udp', '_sctp', '_dccp', '_tls', '_quic']);

const LDH = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export interface HostnameProblem {
  /** Index of the offending label, 0 = leftmost. */
  label: number;
  message: string;
}

/** Whether label `i` of `labels` is an underscore label in its place. */
function isAttributeLabel(labels: readonly string[], i: number): boolean {
  const l = labels[i];
  if (!l.startsWith('_')) return false;
  if (UNDERSCORE_LABELS.has(l) || l.startsWith('_ta-')) return true;
  if (PROTO_LABELS.has(l)) return true;
  // `_service` or `_port` directly left of a transport label.
  return i + 1 < labels.length && PROTO_LABELS.has(labels[i + 1]) && /^_[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(l);
}

/**
 * The first problem of a canonical absolute name as a host name, or null.
 * `wildcardOk` (owners, not targets): labels with `*` are left to wildcard-non-terminal.
 * `skipLast`: how many rightmost labels not to check (those of the zone's own origin).
 */
export function hostnameProblem(name: string, wildcardOk: boolean, skipLast = 0): HostnameProblem | null {
  // Nearly every name is plain LDH: one scan answers without splitting it into labels.
  if (allLabelsLdh(name)) return null;
  const labels = nameToLabels(name);
  const checkedEnd = Math.max(0, labels.length - skipLast);
  // Labels left of the rightmost underscore label are attribute data, not host names.
  let firstChecked = 0;
  for (let i = labels.length - 1; i >= 0; i--) {
    if (isAttributeLabel(labels, i)) {
      firstChecked = i + 1;
      break;
    }
  }
  for (let i = firstChecked; i < checkedEnd; i++) {
    const l = labels[i];
    // Owners: a `*` anywhere else is wildcard-non-terminal's finding, not a second one here.
    if (wildcardOk && l.includes('*')) continue;
    if (LDH.test(l)) continue;
    let why: string;
    if (l === '*') why = 'a wildcard cannot be used as a host name here';
    else if (l.includes('_')) why = `"${l}" contains an underscore, which host names may not (RFC 952, RFC 1123 §2.1); underscores belong only in labels like _dmarc, _domainkey or _service._tcp`;
    else if (l.startsWith('-') || l.endsWith('-')) why = `"${l}" starts or ends with a hyphen (RFC 952, RFC 1123 §2.1)`;
    else if (/\\[0-9]{3}/.test(l)) why = `"${l}" contains characters other than letters, digits and hyphens (non-ASCII names must be written in their xn-- form, RFC 5891)`;
    else why = `"${l}" contains characters other than letters, digits and hyphens (RFC 952, RFC 1123 §2.1)`;
    return { label: i, message: why };
  }
  return null;
}

/**
 * Whether every label of a canonical absolute name matches LDH (letters, digits, inner hyphens):
 * then no label can be a problem, whichever are checked. Same test as the LDH regex, per label.
 */
function allLabelsLdh(name: string): boolean {
  const n = name.length - 1; // the trailing dot
  let labelStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (i === labelStart && n > 0) return false;
      if (i > labelStart && name.charCodeAt(labelStart) === 0x2d) return false;
      if (i > labelStart && name.charCodeAt(i - 1) === 0x2d) return false;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return false;
    }
  }
  return true;
}

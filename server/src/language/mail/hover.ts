import type { MailRecordKind } from './types';

/**
 * Hover text for the tags of mail records, written for people publishing DNS: what the tag
 * does, what it accepts, what happens when it is left out, and where the rule comes from.
 */

interface TagDoc {
  title: string;
  body: string;
  values?: string;
  ref: string;
}

const DKIM: Record<string, TagDoc> = {
  v: { title: 'Version', body: 'Marks the record as a DKIM key record. Optional, but when present it must be the first tag.', values: '`DKIM1` exactly', ref: 'RFC 6376 §3.6.1' },
  h: { title: 'Acceptable hash algorithms', body: 'Restricts which hash algorithms signatures made with this key may use. Leave it out to allow all. SHA-1 signatures are no longer accepted by verifiers (RFC 8301), so `h=sha1` alone makes the key useless.', values: '`sha256`, `sha1`, separated by `:`', ref: 'RFC 6376 §3.6.1, RFC 8301 §3.1' },
  k: { title: 'Key type', body: 'The algorithm of the key in `p=`. Defaults to `rsa`. Ed25519 keys (RFC 8463) are published as the raw 32-byte key, base64-encoded; most senders publishing Ed25519 also publish an RSA key under another selector.', values: '`rsa` (default), `ed25519`', ref: 'RFC 6376 §3.6.1, RFC 8463 §4.2' },
  n: { title: 'Notes', body: 'Free text for people reading the record; verifiers ignore it. Keep it short: it makes the record larger for every lookup.', values: 'quoted-printable text', ref: 'RFC 6376 §3.6.1' },
  p: { title: 'Public key', body: 'The public key, base64-encoded: for RSA a DER SubjectPublicKeyInfo (what `openssl rsa -pubout` prints without the PEM lines), for Ed25519 the raw 32 bytes. An empty value revokes the key. A key longer than 255 characters must be split into several quoted strings in one TXT record; they are joined with nothing in between.', values: 'base64; empty = revoked', ref: 'RFC 6376 §3.6.1, §3.6.2.2' },
  s: { title: 'Service type', body: 'Which services may use this key. Leave it out (or use `*`) for all; a list without `email` or `*` stops the key from verifying mail.', values: '`*` (default), `email`, separated by `:`', ref: 'RFC 6376 §3.6.1' },
  t: { title: 'Flags', body: '`y`: the domain is testing DKIM, and verifiers may treat failed signatures like unsigned mail. `s`: the signing domain (`d=`) must equal the domain in `i=`, with no subdomains.', values: '`y`, `s`, separated by `:`', ref: 'RFC 6376 §3.6.1' },
};

const POLICY_VALUES = '`none` (monitor only), `quarantine` (treat as suspicious, e.g. spam folder), `reject` (refuse during SMTP)';

const DMARC: Record<string, TagDoc> = {
  v: { title: 'Version', body: 'Identifies the record as DMARC. It must be the first tag; receivers ignore records that do not start with it.', values: '`DMARC1` exactly', ref: 'RFC 7489 §6.3' },
  p: { title: 'Policy', body: 'What the domain owner asks receivers to do with mail that fails DMARC (neither SPF nor DKIM passes in alignment with the From: domain).', values: POLICY_VALUES, ref: 'RFC 7489 §6.3' },
  sp: { title: 'Subdomain policy', body: 'Policy for mail from subdomains of the domain holding this record. Defaults to the value of `p=`.', values: POLICY_VALUES, ref: 'RFC 7489 §6.3' },
  np: { title: 'Non-existent subdomain policy', body: 'Policy for mail from subdomains that do not exist in DNS, a common spoofing target. Defaults to `sp=`, then `p=`.', values: POLICY_VALUES, ref: 'RFC 9091; DMARCbis' },
  adkim: { title: 'DKIM alignment mode', body: 'How closely the DKIM signing domain (`d=`) must match the From: domain. Relaxed allows a shared organizational domain (`mail.example.com` for `example.com`); strict requires the exact name.', values: '`r` relaxed (default), `s` strict', ref: 'RFC 7489 §3.1.1, §6.3' },
  aspf: { title: 'SPF alignment mode', body: 'How closely the SPF-authenticated envelope sender (MAIL FROM) domain must match the From: domain. Relaxed allows a shared organizational domain; strict requires the exact name.', values: '`r` relaxed (default), `s` strict', ref: 'RFC 7489 §3.1.2, §6.3' },
  pct: { title: 'Percentage', body: 'The share of failing mail the policy applies to; the rest gets the next milder treatment (reject becomes quarantine, quarantine becomes none). Meant for gradual roll-out. DMARCbis replaces it with `t=`.', values: 'integer 0–100, default 100', ref: 'RFC 7489 §6.3' },
  rua: { title: 'Aggregate report addresses', body: 'Where receivers send daily XML summaries of the mail they saw from your domain and how it authenticated. Essential before moving to `quarantine` or `reject`. An address in another domain must authorise it with a `<your-domain>._report._dmarc.<their-domain>` TXT record.', values: 'comma-separated `mailto:` URIs, each optionally followed by `!size` (e.g. `!10m`)', ref: 'RFC 7489 §6.3, §7.1' },
  ruf: { title: 'Failure report addresses', body: 'Where receivers send reports about individual failing messages. Few receivers send them, and they can contain personal data.', values: 'comma-separated `mailto:` URIs, each optionally followed by `!size`', ref: 'RFC 7489 §6.3, §7.3' },
  fo: { title: 'Failure reporting options', body: 'When to send failure reports (`ruf=`): `0` when all mechanisms fail (default), `1` when any fails, `d` when DKIM fails, `s` when SPF fails.', values: '`0`, `1`, `d`, `s`, separated by `:`', ref: 'RFC 7489 §6.3' },
  rf: { title: 'Failure report format', body: 'Format of failure reports. Only one format is defined. Removed in DMARCbis.', values: '`afrf` (default)', ref: 'RFC 7489 §6.3' },
  ri: { title: 'Report interval', body: 'Requested interval between aggregate reports, in seconds. Receivers generally send daily regardless. Removed in DMARCbis.', values: 'integer seconds, default 86400', ref: 'RFC 7489 §6.3' },
  t: { title: 'Testing mode', body: '`t=y` asks receivers to apply the policy one step more leniently while you test (replaces `pct=`).', values: '`y`, `n` (default)', ref: 'DMARCbis (draft-ietf-dmarc-dmarcbis), policy record tags' },
  psd: { title: 'Public suffix domain', body: 'Says whether this record belongs to a public suffix operator (`y`), is explicitly not one (`n`), or leaves it undetermined (`u`, default). Ordinary domains do not need it.', values: '`y`, `n`, `u`', ref: 'DMARCbis (draft-ietf-dmarc-dmarcbis), policy record tags' },
};

const MTA_STS: Record<string, TagDoc> = {
  v: { title: 'Version', body: 'Identifies the record as MTA-STS. Must be the first field.', values: '`STSv1` exactly', ref: 'RFC 8461 §3.1' },
  id: { title: 'Policy id', body: 'Changes whenever the policy file at `https://mta-sts.<domain>/.well-known/mta-sts.txt` changes, telling senders to fetch it again. A timestamp works well.', values: '1 to 32 letters or digits', ref: 'RFC 8461 §3.1' },
};

const TLSRPT: Record<string, TagDoc> = {
  v: { title: 'Version', body: 'Identifies the record as SMTP TLS Reporting. Must be the first field.', values: '`TLSRPTv1` exactly', ref: 'RFC 8460 §3' },
  rua: { title: 'Report destinations', body: 'Where sending servers deliver daily reports about TLS connection successes and failures to your MX hosts (MTA-STS and DANE problems show up here).', values: 'comma-separated `mailto:` or `https:` URIs', ref: 'RFC 8460 §3' },
};

const BIMI: Record<string, TagDoc> = {
  v: { title: 'Version', body: 'Identifies the record as a BIMI assertion. Must be the first tag.', values: '`BIMI1` exactly', ref: 'draft-brand-indicators-for-message-identification §4.3' },
  l: { title: 'Logo location', body: 'HTTPS URL of the brand logo in SVG Tiny PS format. Empty (with `a=` empty too) means the domain declines to show a logo. Logos are only shown for mail passing DMARC at `quarantine` or `reject`.', values: 'one `https:` URL to an `.svg` file, or empty', ref: 'draft-brand-indicators-for-message-identification §4.3' },
  a: { title: 'Authority evidence', body: 'HTTPS URL of the Verified Mark Certificate (VMC) or Common Mark Certificate, a PEM file proving the right to use the logo. Many mailbox providers show logos only with one.', values: 'one `https:` URL, or empty', ref: 'draft-brand-indicators-for-message-identification §4.3' },
  lps: { title: 'Local-part selectors', body: '`true` asks receivers to look for a selector derived from the sender address local-part before using this record.', values: '`true`, `false` (default)', ref: 'draft-brand-indicators-for-message-identification §4.5' },
  avp: { title: 'Avatar preference', body: 'Whether receivers that also support personal avatars should prefer the brand logo or the sender avatar.', values: '`brand` (default), `personal`', ref: 'draft-brand-indicators-for-message-identification §4.3' },
};

const DOCS: Record<MailRecordKind, { label: string; tags: Record<string, TagDoc>; caseInsensitive: boolean }> = {
  dkim: { label: 'DKIM key', tags: DKIM, caseInsensitive: false },
  dmarc: { label: 'DMARC', tags: DMARC, caseInsensitive: true },
  'mta-sts': { label: 'MTA-STS', tags: MTA_STS, caseInsensitive: false },
  tlsrpt: { label: 'TLS-RPT', tags: TLSRPT, caseInsensitive: false },
  bimi: { label: 'BIMI', tags: BIMI, caseInsensitive: false },
};

/** Markdown describing `tagName` in a record of `kind`, or undefined for an unknown tag. */
export function mailTagHover(kind: MailRecordKind, tagName: string): string | undefined {
  const docs = DOCS[kind];
  const name = docs.caseInsensitive ? tagName.toLowerCase() : tagName;
  const doc = Object.prototype.hasOwnProperty.call(docs.tags, name) ? docs.tags[name] : undefined;
  if (!doc) return undefined;
  const lines = [`**${docs.label} \`${name}=\`** — ${doc.title}`, '', doc.body];
  if (doc.values) lines.push('', `Values: ${doc.values}`);
  lines.push('', `_${doc.ref}_`);
  return lines.join('\n');
}

/** The tag names documented for `kind` (for completion and for tests). */
export function mailTagNames(kind: MailRecordKind): string[] {
  return Object.keys(DOCS[kind].tags);
}

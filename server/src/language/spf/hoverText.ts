/**
 * Hover documentation for SPF terms, written for zone authors. Each entry says what the term
 * does, whether it costs a DNS lookup (RFC 7208 §4.6.4) and where the RFC defines it.
 */

export interface SpfTermDoc {
  title: string;
  section: string;
  body: string;
  /** Lookup cost line, or undefined for terms that never query DNS. */
  lookups?: string;
}

const ONE_LOOKUP = '1, counted toward the limit of 10 per evaluation (RFC 7208 §4.6.4)';

export const MECHANISM_DOCS: Record<string, SpfTermDoc> = {
  all: {
    title: 'all',
    section: '§5.1',
    body:
      'Matches every sender. It belongs at the end of the record: it sets the result for every ' +
      'address the earlier terms did not match, and anything written after it is never evaluated. ' +
      'Most domains end with `-all` (fail) or `~all` (softfail).',
  },
  include: {
    title: 'include:<domain>',
    section: '§5.2',
    body:
      "Evaluates another domain's SPF record (typically a mail provider's) and matches only when that " +
      'evaluation gives **pass**. A fail, softfail or neutral there simply means "no match" and evaluation ' +
      'continues here. If the other domain has no SPF record, or its record is broken, the result is permerror.',
    lookups: `${ONE_LOOKUP}, plus every lookup the included record makes`,
  },
  a: {
    title: 'a[:<domain>][/<ip4-prefix>][//<ip6-prefix>]',
    section: '§5.3',
    body:
      'Matches when the sender address is one of the A (IPv4) or AAAA (IPv6) addresses of the domain, ' +
      'or of the domain being checked when none is given. `/n` and `//m` widen the match to the ' +
      'surrounding IPv4 or IPv6 network.',
    lookups: ONE_LOOKUP,
  },
  mx: {
    title: 'mx[:<domain>][/<ip4-prefix>][//<ip6-prefix>]',
    section: '§5.4',
    body:
      'Matches when the sender address belongs to one of the mail exchangers (MX hosts) of the domain, ' +
      'or of the domain being checked when none is given. A domain with more than 10 MX hosts makes ' +
      'this a permerror.',
    lookups: `${ONE_LOOKUP}; resolving the MX host names is limited separately (at most 10)`,
  },
  ptr: {
    title: 'ptr[:<domain>]',
    section: '§5.5',
    body:
      'Matches when the reverse DNS name of the sender address, confirmed by a forward lookup, lies in ' +
      'the domain. It is slow, depends on DNS the domain owner does not control, and RFC 7208 says it ' +
      '**should not be used**; list the addresses with ip4/ip6 or a instead.',
    lookups: `${ONE_LOOKUP}; checking the reverse names is limited separately (at most 10)`,
  },
  ip4: {
    title: 'ip4:<address>[/<prefix>]',
    section: '§5.6',
    body:
      'Matches senders whose IPv4 address lies in the given network (a single address without a prefix, ' +
      'which means /32). Costs nothing at evaluation time, so prefer it for your own servers.',
  },
  ip6: {
    title: 'ip6:<address>[/<prefix>]',
    section: '§5.6',
    body:
      'Matches senders whose IPv6 address lies in the given network (a single address without a prefix, ' +
      'which means /128). Costs nothing at evaluation time.',
  },
  exists: {
    title: 'exists:<domain>',
    section: '§5.7',
    body:
      'Matches when the domain, usually built from macros such as `%{i}` or `%{l}`, has any A record; ' +
      'the address it holds does not matter. Used for per-sender or per-address lists kept in DNS.',
    lookups: ONE_LOOKUP,
  },
};

export const MODIFIER_DOCS: Record<string, SpfTermDoc> = {
  redirect: {
    title: 'redirect=<domain>',
    section: '§6.1',
    body:
      'When no mechanism of this record matched, the SPF record of the target domain is used instead and ' +
      'its result is final. It is ignored if the record contains an `all` mechanism. A target without an ' +
      'SPF record gives permerror.',
    lookups: `${ONE_LOOKUP}, plus every lookup the target record makes`,
  },
  exp: {
    title: 'exp=<domain>',
    section: '§6.2',
    body:
      'Names a domain whose TXT record holds an explanation for rejected senders; receivers may show it ' +
      'when the result is fail. The text may use macros, including `%{c}`, `%{r}` and `%{t}`.',
    lookups: 'fetched only when the result is fail, and not counted toward the limit of 10 (RFC 7208 §4.6.4)',
  },
};

export const UNKNOWN_MODIFIER_DOC: SpfTermDoc = {
  title: 'unknown modifier',
  section: '§6',
  body:
    'A `name=value` modifier that RFC 7208 does not define. Evaluators ignore it, which leaves room for ' +
    'extensions; check the spelling if you meant `redirect=` or `exp=`.',
};

export const VERSION_DOC: SpfTermDoc = {
  title: 'v=spf1',
  section: '§4.5',
  body:
    'Marks this TXT record as an SPF policy. It must open the record and be followed by a space or the end; ' +
    'a name may publish only one such record, otherwise evaluation gives permerror.',
};

export const QUALIFIER_DOCS: Record<string, { result: string; meaning: string }> = {
  '+': { result: 'pass', meaning: 'the sender is authorized. This is the default when no qualifier is written.' },
  '-': { result: 'fail', meaning: 'the sender is not authorized; receivers may reject the message.' },
  '~': { result: 'softfail', meaning: 'the sender is probably not authorized; receivers usually accept but mark the message.' },
  '?': { result: 'neutral', meaning: 'the domain makes no assertion about the sender, as if there were no policy.' },
};

export const MACRO_LETTER_DOCS: Record<string, { meaning: string; expOnly?: boolean }> = {
  s: { meaning: 'the sender address (`local-part@domain`)' },
  l: { meaning: 'the local-part of the sender address' },
  o: { meaning: 'the domain of the sender address' },
  d: { meaning: 'the domain being checked (changes inside include and redirect)' },
  i: { meaning: 'the client IP address: dotted decimal for IPv4, dot-separated nibbles for IPv6' },
  p: { meaning: 'the validated reverse DNS name of the client IP; slow and discouraged, like `ptr`' },
  v: { meaning: 'the string `in-addr` for an IPv4 client or `ip6` for an IPv6 client' },
  h: { meaning: 'the HELO/EHLO domain the client announced' },
  c: { meaning: 'the client IP address in its usual readable form', expOnly: true },
  r: { meaning: 'the name of the receiving host', expOnly: true },
  t: { meaning: 'the current time in seconds since the Unix epoch', expOnly: true },
};

export const MACRO_ESCAPE_DOCS: Record<string, string> = {
  '%%': 'a literal `%` character',
  '%_': 'a single space',
  '%-': 'a URL-encoded space (`%20`)',
};

/**
 * fast-check arbitraries for zone-like text: mostly well-formed records of many types (so the
 * rules and their fixes run), written in every legal style, mixed with directives, suppression
 * comments, the triggers of the rules that offer fixes, and hostile material: random code units,
 * unbalanced parentheses and quotes, stray escapes, long lines, NUL and control bytes, a BOM and
 * all three line endings. `mutatedZoneText` then damages a good zone at random places.
 */
import fc from 'fast-check';

export const ORIGIN = 'example.com.';

const OWNERS = [
  '@', 'www', 'mail', 'mx1', 'mx2', 'a.b', '_dmarc', 'sel._domainkey', '_mta-sts', 'mta-sts', '_smtp._tls', 'default._bimi',
  '*', '*.w', 'ns1', 'ns2', 'host', 'x', 'sub', 'a.sub', 'alias', 'example.com.', 'www.example.com.', 'other.net.', 'WWW', 'x\\.y', 'sp\\032ace',
];
const TARGETS = ['mail', 'mx1', 'mx2.example.com.', 'host.example.com', 'alias', 'ns1', 'ns2.example.com.', 'other.net.', 'mail.other.net', '.', '192.0.2.1', '[192.0.2.1]', 'x', 'nowhere'];

const owner = fc.oneof({ arbitrary: fc.constantFrom(...OWNERS), weight: 8 }, { arbitrary: fc.constant(''), weight: 2 });
const ttl = fc.constantFrom('', '', '', '300', '3600', '1h', '1w2d', '0', '2147483647', '2147483648', '99999999999', '1x');
const klass = fc.constantFrom('', '', '', 'IN', 'IN', 'in', 'CH');
const blank = fc.constantFrom(' ', '\t', '  ', ' \t');
const target = fc.constantFrom(...TARGETS);
const ipv4 = fc.oneof(
  { arbitrary: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.')), weight: 4 },
  // Addresses the reverse zone of the workspace covers, so the PTR rules have work.
  { arbitrary: fc.constantFrom('192.0.2.1', '192.0.2.2', '192.0.2.7', '192.0.2.9'), weight: 2 },
  { arbitrary: fc.constantFrom('192.0.2.300', '1.2.3', '01.2.3.4', '::1'), weight: 1 },
);
const ipv6 = fc.constantFrom('2001:db8::1', '::', '::ffff:192.0.2.1', 'fe80::1%eth0', 'zz::1', '2001:db8:0:0:0:0:0:0:1');
const base64 = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((b) => Buffer.from(b).toString('base64'));
const hex = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => Buffer.from(b).toString('hex'));

/** Text for the inside of a quoted string: printable, with escapes, sometimes very long. */
const stringBody = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }).map((s) => s.replace(/["\\]/g, '')), weight: 4 },
  { arbitrary: fc.constantFrom('a\\"b', '\\\\', '\\065\\066', '\\999', '\\0', 'semi;colon', '(paren)', 'tab\there'), weight: 2 },
  { arbitrary: fc.integer({ min: 250, max: 600 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const MAIL_TEXTS = [
  'v=spf1 -all', 'v=spf1 +all', 'v=spf1 ?all', 'v=spf1 mx a ~all', 'v=spf1 include:_spf.example.com ~all', 'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all',
  'v=spf1 a:mail.example.com/24//64 mx/24 -all', 'v=spf1 redirect=other.net', 'v=spf1 redirect=other.net -all', 'v=spf1 ptr -all', 'v=spf1 include:other.net/24 -all',
  'v=spf1 exists:%{i}.%{l1r+-}.example.com -all', 'v=spf1 include:a.b..c -all', 'v=spf1 a mx', 'v=spf1 -all a', 'v=spf1 include:nowhere.example.com -all', 'v=spf1',
  'v=DMARC1; p=none', 'v=DMARC1; p=reject; rua=mailto:d@example.com; pct=50', 'v=DMARC1; p=quarantine; sp=bogus; adkim=x', 'v=DMARC1;p=reject;rua=mailto:a@other.net!10m',
  'v=DKIM1; p=', 'v=DKIM1; k=ed25519; p=MCowBQYDK2VwAyEA', 'v=DKIM1; h=sha1; t=y; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC', 'v=DKIM1; k=foo; p=@@@',
  'v=TLSRPTv1; rua=mailto:tls@example.com', 'v=TLSRPTv1; rua=https://x', 'v=STSv1; id=20240101', 'v=STSv1;', 'v=BIMI1; l=https://x.example/logo.svg; a=', 'v=BIMI1; l=http://bad',
];

/** A TXT value: one or more quoted strings, unquoted words, or a mail record split at random points. */
const txtRdata = fc.oneof(
  { arbitrary: fc.array(stringBody, { minLength: 1, maxLength: 3 }).map((ss) => ss.map((s) => `"${s}"`).join(' ')), weight: 3 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...MAIL_TEXTS), fc.array(fc.nat(60), { maxLength: 2 }), fc.base64String({ maxLength: 500 })).map(([t, cuts, extra]) => {
      const text = t.endsWith('p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC') ? t + extra : t;
      const points = [0, ...cuts.filter((c) => c < text.length).sort((a, b) => a - b), text.length];
      const parts: string[] = [];
      for (let i = 0; i + 1 < points.length; i++) parts.push(`"${text.slice(points[i], points[i + 1])}"`);
      return parts.join(' ');
    }),
    weight: 5,
  },
  { arbitrary: fc.constantFrom('word', 'two words', '""', '"unterminated', 'a"b'), weight: 1 },
  // SPF strings joined without the space between terms.
  { arbitrary: fc.constantFrom('"v=spf1 ip4:192.0.2.1" "include:other.net -all"', '"v=spf1 mx" "-all"', '"v=spf1 a " "mx -all"'), weight: 1 },
);

/** [type, rdata] of one record; mostly valid, sometimes subtly or grossly not. */
const typeAndRdata: fc.Arbitrary<[string, string]> = fc.oneof(
  { arbitrary: ipv4.map((a): [string, string] => ['A', a]), weight: 5 },
  { arbitrary: ipv6.map((a): [string, string] => ['AAAA', a]), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('0', '10', '20', '65536', 'x'), target).map(([p, t]): [string, string] => ['MX', `${p} ${t}`]), weight: 4 },
  { arbitrary: target.map((t): [string, string] => ['NS', t]), weight: 2 },
  { arbitrary: target.map((t): [string, string] => ['CNAME', t]), weight: 3 },
  { arbitrary: target.map((t): [string, string] => ['PTR', t]), weight: 1 },
  { arbitrary: target.map((t): [string, string] => ['DNAME', t]), weight: 1 },
  { arbitrary: txtRdata.map((t): [string, string] => ['TXT', t]), weight: 8 },
  { arbitrary: txtRdata.map((t): [string, string] => ['SPF', t]), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('ns1 hostmaster 2024010101 7200 3600 1209600 3600', 'ns1.example.com. hostmaster.example.com. ( 1 2h 1h 2w 1h )', 'ns1 h 1 2 3 4 5', 'ns1 h ( 1 2 ; c\n 3 4 5 )', 'ns1 h 1 2')
      .map((r): [string, string] => ['SOA', r]),
    weight: 1,
  },
  { arbitrary: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(70000), target).map(([a, b, c, t]): [string, string] => ['SRV', `${a} ${b} ${c} ${t}`]), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('0 issue "ca.example"', '0 issue ";"', '128 tbs "x"', '0 iodef "mailto:sec@example.com"', '0 iodef "mailto:a@b"', '0 contactemail "a@b.c"', '0 contactphone "+1 555"', '0 issuewild "ca; account=1"')
      .map((r): [string, string] => ['CAA', r]),
    weight: 1,
  },
  { arbitrary: fc.tuple(fc.constantFrom(1, 2, 3, 4, 9), fc.constantFrom(1, 2, 3), hex(0, 40)).map(([a, t, h]): [string, string] => ['SSHFP', `${a} ${t} ${h || '00'}`]), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(4), fc.nat(2), fc.nat(3), hex(1, 64)).map(([u, s, m, h]): [string, string] => ['TLSA', `${u} ${s} ${m} ${h}`]), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(65535), fc.constantFrom(8, 13, 5, 1), fc.constantFrom(1, 2, 4, 7), hex(1, 48)).map(([k, a, d, h]): [string, string] => ['DS', `${k} ${a} ${d} ${h}`]), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(256, 257, 1), fc.constantFrom(3, 2), fc.constantFrom(8, 13, 1), base64).map(([f, p, a, k]): [string, string] => ['DNSKEY', `${f} ${p} ${a} ${k || 'AA=='}`]), weight: 1 },
  {
    arbitrary: fc.constantFrom('1 . alpn=h2 dohpath=/dns-query{?dns}', '1 . alpn=h2 dohpath=/q{?x}', '0 svc.example.com.', '1 . port=99999', '1 . key65535="x" mandatory=alpn').map((r): [string, string] => ['HTTPS', r]),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('100 10 "u" "E2U+sip" "!^.*$!sip:x@example.com!" .', '1 1 "x" "" "" bad..name').map((r): [string, string] => ['NAPTR', r]), weight: 1 },
  { arbitrary: fc.constantFrom('"PC" "Linux"', 'one').map((r): [string, string] => ['HINFO', r]), weight: 1 },
  { arbitrary: fc.constantFrom('52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m', '91 0 0 N 0 0 0 E 0m').map((r): [string, string] => ['LOC', r]), weight: 1 },
  { arbitrary: hex(0, 8).map((h): [string, string] => ['TYPE65534', `\\# ${h.length / 2} ${h}`]), weight: 1 },
  { arbitrary: fc.constantFrom<[string, string]>(['FOO', 'bar'], ['TYPE99999', 'x'], ['A6', '0 ::1'], ['TYPE1', '\\# 4 c0000201']), weight: 1 },
);

/** Optionally split the rdata into a parenthesised group across lines, with comments. */
function wrapRdata(rdata: string, cuts: boolean[]): string {
  const words = rdata.match(/"(?:[^"\\]|\\.)*"?|\S+/g) ?? [];
  return '( ' + words.map((w, i) => (cuts[i % cuts.length] ? `${w} ; note\n\t` : w)).join(' ') + ' )';
}

const TRAILING_COMMENTS = ['; comment', ';', ';((', '; zonelint-disable-next-line'];

const recordLine = (suppressions: boolean) =>
  fc
    .record({
      owner,
      ttl,
      klass,
      ttlFirst: fc.boolean(),
      tr: typeAndRdata,
      wrap: fc.option(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), { freq: 6 }),
      gap: blank,
      comment: fc.option(fc.constantFrom(...TRAILING_COMMENTS.slice(0, suppressions ? 4 : 3)), { freq: 8 }),
    })
    .map((r) => {
      const [type, rdata] = r.tr;
      const middle = (r.ttlFirst ? [r.ttl, r.klass] : [r.klass, r.ttl]).filter(Boolean);
      const body = r.wrap && !rdata.includes('\n') ? wrapRdata(rdata, r.wrap) : rdata;
      // A blank owner is written as leading blank space (the owner is inherited).
      return [r.owner === '' ? r.gap : r.owner, ...middle, type, body].join(r.gap) + (r.comment ? ` ${r.comment}` : '');
    });

const directiveLine = fc.constantFrom(
  '$ORIGIN example.com.', '$ORIGIN sub', '$ORIGIN sub.example.com.', '$ORIGIN bad..name.', '$ORIGIN', '$TTL 3600', '$TTL 1h', '$TTL bad', '$TTL',
  '$INCLUDE missing.inc', '$INCLUDE', '$GENERATE 1-5 h$ A 192.0.2.$', '$GENERATE 1-3 $.r PTR host${0,3,d}.example.com.', '$GENERATE 5-1 x A 1.1.1.1',
  '$GENERATE 1-300 g$ A 10.0.0.1', '$GENERATE 1-2/0 x$ TXT "a"', '$GENERATE a-b x A 1.2.3.4', '$FOO bar', '$',
);

const suppressionLine = fc.constantFrom(
  '; zonelint-disable-next-line duplicate-record', '; zonelint-disable spf-no-all, dmarc-missing', '; zonelint-disable', ';zonelint-disable-next-line', '; zonelint-disable-next-line nonsense-id',
);

/** Code units of any kind, lone surrogates, NUL and other controls included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((cs) => String.fromCharCode(...cs));

const hostileLine = fc.oneof(
  anyUnits,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('(', ')', '((((', '))))', '"', '"abc', 'x A ( 192.0.2.1', 'x TXT "a\\', '\\', '\\0', '\\999', '\\x', '\0\0\0', '\x01\x02\x7f', '\ufeff', '\u2028x A 1.2.3.4', ' ; (', '@ ( ( ( ) ) )'),
  fc.tuple(fc.constantFrom('a', '"x" ', '( ', '\\', ' ', 'a.', '/', '{dns,'), fc.integer({ min: 200, max: 3000 })).map(([unit, n]) => 'long TXT ' + unit.repeat(n)),
);

const HEADER = ['$TTL 3600', '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 3600 )', '  IN NS ns1', '  IN NS ns2.other.net.', 'ns1 IN A 192.0.2.1'];

/** A mail host with an address the reverse zone of the tests knows nothing about. */
const MAIL_BLOCK = ['@ IN MX 10 mail', 'mail IN A 192.0.2.7', 'mail IN AAAA 2001:db8::7'];

export interface ZoneTextOptions {
  /** Largest number of generated lines. */
  maxLines?: number;
  /** Include hostile lines (random units, unbalanced syntax, long lines). */
  hostile?: boolean;
  /** Include suppression comments (default true). */
  suppressions?: boolean;
}

/** A whole zone-like document. */
export function zoneText(options: ZoneTextOptions = {}): fc.Arbitrary<string> {
  const { maxLines = 30, hostile = true, suppressions = true } = options;
  const line = fc.oneof(
    { arbitrary: recordLine(suppressions), weight: 12 },
    { arbitrary: directiveLine, weight: 2 },
    { arbitrary: suppressionLine, weight: suppressions ? 1 : 0 },
    { arbitrary: fc.constantFrom('', '; just a comment', '   '), weight: 1 },
    { arbitrary: hostileLine, weight: hostile ? 2 : 0 },
  );
  return fc
    .record({
      header: fc.boolean().map((b) => b || !hostile),
      mail: fc.boolean(),
      bom: fc.boolean().map((b) => hostile && b),
      lines: fc.array(line, { maxLength: maxLines }),
      // Lines written twice (duplicate records, TTL conflicts within an RRset).
      repeats: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
      eols: fc.array(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
      finalEol: fc.boolean(),
    })
    .map((z) => {
      const body = [...z.lines];
      for (const [from, to] of z.repeats) if (body.length > 0) body.splice(to % (body.length + 1), 0, body[from % body.length]);
      const lines = [...(z.header ? HEADER : []), ...(z.mail ? MAIL_BLOCK : []), ...body];
      const eol = (i: number) => (hostile ? z.eols[i % z.eols.length] : '\n');
      let text = z.bom ? '\ufeff' : '';
      lines.forEach((l, i) => (text += l + (i < lines.length - 1 || z.finalEol ? eol(i) : '')));
      return text;
    });
}

/** Characters a mutation inserts: the ones with syntactic meaning, and some without. */
const INSERTS = ['(', ')', '"', '\\', ';', '$', '@', '.', ' ', '\t', '\n', '\r', '\r\n', '\0', '\ufffd', '\ud800', 'x', '0', '*', '{', '}', '/'];

/** A good zone damaged by deleting and inserting text at random places. */
export function mutatedZoneText(maxLines = 25, suppressions = true): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(6), insert: fc.array(fc.constantFrom(...INSERTS), { maxLength: 3 }) });
  return fc.tuple(zoneText({ maxLines, hostile: false, suppressions }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => {
    let out = text;
    for (const e of edits) {
      const at = Math.floor(e.at * out.length);
      out = out.slice(0, at) + e.insert.join('') + out.slice(at + e.remove);
    }
    return out;
  });
}

/** Either kind of document; the property tests draw from this. */
export function anyZoneText(maxLines = 30, suppressions = true): fc.Arbitrary<string> {
  return fc.oneof(zoneText({ maxLines, suppressions }), zoneText({ maxLines, hostile: false, suppressions }), mutatedZoneText(maxLines, suppressions));
}

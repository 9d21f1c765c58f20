import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spfVersionCheck } from '../../server/src/language/spf/version';
import type { SpfErrorCode } from '../../server/src/language/spf/types';
import { parse, parseValues, slice, txtDoc } from './helpers';

describe('spfVersionCheck', () => {
  const cases: Array<[string[], string]> = [
    [['v=spf1 -all'], 'spf'],
    [['v=spf1'], 'spf'],
    [['V=SpF1 mx'], 'spf'],
    [['v=spf1 ', 'mx'], 'spf'],
    [['v=spf1', ' mx'], 'spf'],
    [['v=spf1', 'mx'], 'spf-joined-badly'],
    [['v=spf1', '-all'], 'spf-joined-badly'],
    [['v=sp', 'f1', 'mx'], 'spf-joined-badly'],
    [['v=spf10'], 'not-spf'],
    [['v=spf1mx'], 'not-spf'],
    [[' v=spf1 mx'], 'not-spf'],
    [['spf2.0/pra -all'], 'not-spf'],
    [['google-site-verification=abc'], 'not-spf'],
    [[], 'not-spf'],
  ];
  for (const [values, expected] of cases) {
    test(`${JSON.stringify(values)} is ${expected}`, () => {
      assert.equal(spfVersionCheck(txtDoc(values).strings), expected);
    });
  }
});

describe('valid records produce no errors', () => {
  const records = [
    'v=spf1',
    'v=spf1 -all',
    'v=spf1 mx a ~all',
    'v=spf1  a   -all  ',
    'V=SPF1 MX A:Mail.Example.COM -ALL',
    'v=spf1 include:_spf.google.com include:spf.protection.outlook.com ~all',
    'v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 ip6:::1 ip6:::ffff:192.0.2.1/128 -all',
    'v=spf1 ip4:0.0.0.0/0 ip4:255.255.255.255/32 ip6:1:2:3:4:5:6:7:8/0 ip6:1:2:3:4:5:6:1.2.3.4 ?all',
    'v=spf1 a/24 a//64 a/24//64 a:mail.example.com/28//96 mx/0 mx:example.org//128 -all',
    'v=spf1 ptr ptr:example.com ?all',
    'v=spf1 exists:%{i}.%{v}.arpa.list.example.com exists:%{l2r-}.user.%{d2} -all',
    'v=spf1 a:%{d} mx:%{o} include:%{d1r}.%{H} a:%{s}.%{p}.%{h} -all',
    'v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all',
    'v=spf1 exists:%{ir.-+,/_=}.example.com -all',
    'v=spf1 redirect=_spf.example.com',
    'v=spf1 redirect=%{d}.d.spf.example.com.',
    'v=spf1 -all exp=explain.%{d}',
    'v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all',
    'v=spf1 default=pass foo= bar=%{c}%{r}%{t}',
    'v=spf1 a:foo:bar/baz.example.com',
    'v=spf1 a:foo.example.xn--zckzah mx:123-456.example.1-a ~all',
    'v=spf1 a:mail.example...com a:trailing.dot.example. -all',
  ];
  for (const r of records) {
    test(r, () => {
      const { record } = parse(r);
      assert.deepEqual(record.errors, []);
      assert.ok(record.terms.every((t) => t.valid));
    });
  }
});

describe('terms', () => {
  test('qualifier, name, value, domain-spec and cidr fields', () => {
    const { record, doc } = parse('v=spf1 ~a:mail.example.com/24//64 ip4:192.0.2.1/32 -all redirect=x.example.com');
    const [a, ip4, all, redirect] = record.terms;
    assert.equal(a.kind, 'mechanism');
    assert.equal(a.name, 'a');
    assert.equal(a.qualifier, '~');
    assert.equal(a.qualifierExplicit, true);
    assert.equal(a.domainSpec, 'mail.example.com');
    assert.equal(a.cidr4, 24);
    assert.equal(a.cidr6, 64);
    assert.equal(slice(doc, a.range), '~a:mail.example.com/24//64');
    assert.equal(slice(doc, a.qualifierRange!), '~');
    assert.equal(slice(doc, a.nameRange), 'a');
    assert.equal(slice(doc, a.valueRange!), 'mail.example.com/24//64');
    assert.equal(slice(doc, a.domainSpecRange!), 'mail.example.com');
    assert.equal(slice(doc, a.cidrRange!), '/24//64');
    assert.equal(ip4.qualifier, '+');
    assert.equal(ip4.qualifierExplicit, false);
    assert.equal(ip4.qualifierRange, undefined);
    assert.equal(ip4.ip, '192.0.2.1');
    assert.equal(slice(doc, ip4.ipRange!), '192.0.2.1');
    assert.equal(ip4.cidr4, 32);
    assert.equal(all.name, 'all');
    assert.equal(all.qualifier, '-');
    assert.equal(redirect.kind, 'modifier');
    assert.equal(redirect.name, 'redirect');
    assert.equal(redirect.domainSpec, 'x.example.com');
    assert.equal(slice(doc, redirect.valueRange!), 'x.example.com');
  });

  test('unknown modifiers keep their name and value; names are lower-cased', () => {
    const { record } = parse('v=spf1 Moo.Cow=%{d}x IP6:::1');
    assert.equal(record.terms[0].kind, 'unknown-modifier');
    assert.equal(record.terms[0].name, 'moo.cow');
    assert.equal(record.terms[0].value, '%{d}x');
    assert.equal(record.terms[0].macros[0].letter, 'd');
    assert.equal(record.terms[1].name, 'ip6');
    assert.equal(record.terms[1].cidr6, undefined);
  });

  test('macros carry letter, transformers and ranges', () => {
    const { record, doc } = parse('v=spf1 exists:%{L2r-}.%%.%{ir}.list.example.com');
    const macros = record.terms[0].macros;
    assert.deepEqual(
      macros.map((m) => [m.text, m.letter, m.digits, m.reverse, m.delimiters, m.urlEscape]),
      [
        ['%{L2r-}', 'l', 2, true, '-', true],
        ['%%', undefined, undefined, false, '', false],
        ['%{ir}', 'i', undefined, true, '', false],
      ],
    );
    assert.equal(slice(doc, macros[0].range), '%{L2r-}');
    assert.equal(slice(doc, macros[0].letterRange!), 'L');
  });
});

describe('ranges across split strings and escapes', () => {
  test('a term spanning two strings covers both pieces', () => {
    const { record, doc } = parseValues(['v=spf1 ip4:', '192.0.2.5 -all']);
    assert.deepEqual(record.errors, []);
    const ip4 = record.terms[0];
    assert.equal(ip4.crossesStringBoundary, true);
    assert.equal(slice(doc, ip4.range), 'ip4:" "192.0.2.5');
    assert.equal(slice(doc, ip4.ipRange!), '192.0.2.5');
    assert.equal(record.terms[1].crossesStringBoundary, false);
    assert.equal(slice(doc, record.terms[1].range), '-all');
  });

  test('an error in the second string points into the second string', () => {
    const { record, doc } = parseValues(['v=spf1 include:_spf.example.com ', 'ip4:192.0.2.300 -all']);
    assert.equal(record.errors.length, 1);
    assert.equal(record.errors[0].code, 'bad-ip4');
    assert.equal(slice(doc, record.errors[0]), '192.0.2.300');
    assert.equal(record.errors[0].termIndex, 1);
  });

  test('an error spanning the boundary covers both strings and explains the join', () => {
    const { record, doc } = parseValues(['v=spf1 ip4:192.0.2.1', 'include:_spf.example.com -all']);
    assert.equal(record.errors.length, 1);
    assert.equal(slice(doc, record.errors[0]), '192.0.2.1" "include:_spf.example.com');
    assert.match(record.errors[0].message, /joined with no space/);
  });

  test('escaped characters map back to their escapes', () => {
    // The decoded text contains a tab (written \009) and a quote (written \").
    const { record, doc } = parseValues(['v=spf1 a:x.example.com\tmx a:"q".example.com a:q.ex"ample']);
    const codes = record.errors.map((e) => [e.code, slice(doc, e)]);
    assert.deepEqual(codes, [
      ['bad-character', '\\009'],
      ['bad-domain-spec', 'ex\\"ample'],
    ]);
  });

  test('the version-joined error covers the glued strings', () => {
    const { record, doc } = parseValues(['v=spf1', 'mx -all']);
    assert.equal(record.errors[0].code, 'version-joined');
    assert.equal(slice(doc, record.errors[0]), 'v=spf1" "mx');
    // The rest is still parsed as the author meant it.
    assert.deepEqual(record.terms.map((t) => t.name), ['mx', 'all']);
  });
});

/** [record ('|' separates strings), expected code of the only error, document text it covers]. */
const ERROR_CASES: Array<[string, SpfErrorCode, string]> = [
  ['v=spf10 mx', 'not-spf', 'v=spf10'],
  ['v=spf1 a:example.com\x0dptr -all', 'bad-character', '\\013'],
  ['v=spf1 ip4:192.0.2.5\x0a include:x.example.com ~all', 'bad-character', '\\010'],
  ['v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all', 'bad-character', '\\239\\187\\191'],
  ['v=spf1 a:example.net \u2013all', 'bad-character', '\u2013'],
  ['v=spf1 a:foo.example.com\0', 'bad-character', '\\000'],
  ['v=spf1 !all', 'bad-qualifier', '!'],
  ['v=spf1 ++all', 'bad-qualifier', '+'],
  ['v=spf1 -~mx', 'bad-qualifier', '~'],
  ['v=spf1 moo', 'unknown-mechanism', 'moo'],
  ['v=spf1 ipv4:192.0.2.1', 'unknown-mechanism', 'ipv4'],
  ['v=spf1 moo.cow/far_out=man:dog/cat -all', 'unknown-mechanism', 'moo.cow'],
  ['v=spf1 -', 'unknown-mechanism', '-'],
  ['v=spf1 :example.com', 'unknown-mechanism', ':example.com'],
  ['v=spf1 all.', 'unknown-mechanism', 'all.'],
  ['v=spf1 redirect:example.com', 'modifier-as-mechanism', 'redirect:'],
  ['v=spf1 include=_spf.example.com', 'mechanism-as-modifier', 'include='],
  ['v=spf1 -redirect=x.example.com', 'qualified-modifier', '-redirect='],
  ['v=spf1 1up=foo', 'bad-modifier-name', '1up'],
  ['v=spf1 =all', 'bad-modifier-name', '=all'],
  ['v=spf1 -all:foobar', 'unexpected-argument', ':foobar'],
  ['v=spf1 -all/8', 'unexpected-argument', '/8'],
  ['v=spf1 ptr/0 -all', 'unexpected-argument', '/0'],
  ['v=spf1 include:ip5.example.com/24 -all', 'unexpected-argument', '/24'],
  ['v=spf1 exists:mail.example.com/24', 'unexpected-argument', '/24'],
  ['v=spf1 include/24', 'unexpected-argument', '/24'],
  ['v=spf1 include', 'missing-argument', 'include'],
  ['v=spf1 include: -all', 'missing-argument', ':'],
  ['v=spf1 exists', 'missing-argument', 'exists'],
  ['v=spf1 a: -all', 'missing-argument', ':'],
  ['v=spf1 mx:/24', 'missing-argument', ':'],
  ['v=spf1 ptr:', 'missing-argument', ':'],
  ['v=spf1 ip4', 'missing-argument', 'ip4'],
  ['v=spf1 ip6:', 'missing-argument', ':'],
  ['v=spf1 exp= -all', 'missing-argument', '='],
  ['v=spf1 ?all redirect=', 'missing-argument', '='],
  ['v=spf1 a:museum', 'bad-domain-spec', 'museum'],
  ['v=spf1 a:museum.', 'bad-domain-spec', 'museum.'],
  ['v=spf1 a:111.222.33.44', 'bad-domain-spec', '111.222.33.44'],
  ['v=spf1 a:abc.123', 'bad-domain-spec', '123'],
  ['v=spf1 a:example.-com', 'bad-domain-spec', '-com'],
  ['v=spf1 mx:example.com:8080', 'bad-domain-spec', 'com:8080'],
  ['v=spf1 a:foo-bar -all', 'bad-domain-spec', 'foo-bar'],
  ['v=spf1 redirect=-all ?all', 'bad-domain-spec', '-all'],
  ['v=spf1 exp=-all', 'bad-domain-spec', '-all'],
  ['v=spf1 a:%{d}com', 'bad-domain-spec', 'com'],
  ['v=spf1 a:x.example..', 'bad-domain-spec', 'x.example..'],
  ['v=spf1 -exists:%(ir).sbl.example.com ?all', 'bad-macro', '%('],
  ['v=spf1 exists:foo%.sbl.example.com ?all', 'bad-macro', '%.'],
  ['v=spf1 exists:foo.example.com%', 'bad-macro', '%'],
  ['v=spf1 a:%{a}.example.com -all', 'bad-macro', 'a'],
  ['v=spf1 a:%{}.example.com', 'bad-macro', '%{}'],
  ['v=spf1 a:%{d.example.com', 'bad-macro', '%{d.example.com'],
  ['v=spf1 a:%{d0}.example.com', 'bad-macro', '0'],
  ['v=spf1 a:%{d2x}.example.com', 'bad-macro', 'x'],
  ['v=spf1 a:%{dr2}.example.com', 'bad-macro', '2'],
  ['v=spf1 -all foo=%abc', 'bad-macro', '%a'],
  ['v=spf1 -all exp=%{r}.example.com', 'exp-only-macro', 'r'],
  ['v=spf1 exists:%{c}.example.com', 'exp-only-macro', 'c'],
  ['v=spf1 include:%{T}.example.com', 'exp-only-macro', 'T'],
  ['v=spf1 ip4:1.2.3.4/33 -all', 'bad-cidr', '/33'],
  ['v=spf1 ip4:1.2.3.4/032 -all', 'bad-cidr', '/032'],
  ['v=spf1 ip4:1.2.3.4/', 'bad-cidr', '/'],
  ['v=spf1 ip4:1.2.3.4//32', 'bad-cidr', '//32'],
  ['v=spf1 ip4:1.2.3.4/24/8', 'bad-cidr', '/24/8'],
  ['v=spf1 ip6:::1.1.1.1/129', 'bad-cidr', '/129'],
  ['v=spf1 ip6:::1.1.1.1//33', 'bad-cidr', '//33'],
  ['v=spf1 ip6:2001:db8::/032', 'bad-cidr', '/032'],
  ['v=spf1 a/33 -all', 'bad-cidr', '/33'],
  ['v=spf1 a//129 -all', 'bad-cidr', '//129'],
  ['v=spf1 mx/00', 'bad-cidr', '/00'],
  ['v=spf1 mx//064', 'bad-cidr', '//064'],
  ['v=spf1 a/24/64 -all', 'bad-cidr', '/24/64'],
  ['v=spf1 a:example.com/24//', 'bad-cidr', '//'],
  ['v=spf1 ip4:1.2.3 -all', 'bad-ip4', '1.2.3'],
  ['v=spf1 ip4:1.2.3.4:8080', 'bad-ip4', '1.2.3.4:8080'],
  ['v=spf1 ip4:192.0.2.01', 'bad-ip4', '192.0.2.01'],
  ['v=spf1 ip4:256.0.0.1', 'bad-ip4', '256.0.0.1'],
  ['v=spf1 ip4:2001:db8::1', 'bad-ip4', '2001:db8::1'],
  ['v=spf1 ip6::CAFE::BABE', 'bad-ip6', ':CAFE::BABE'],
  ['v=spf1 ip6:192.0.2.1', 'bad-ip6', '192.0.2.1'],
  ['v=spf1 ip6:1:2:3:4:5:6:7:8:9', 'bad-ip6', '1:2:3:4:5:6:7:8:9'],
  ['v=spf1 ip6:1::2::3', 'bad-ip6', '1::2::3'],
  ['v=spf1 ip6:12345::', 'bad-ip6', '12345::'],
  ['v=spf1 ip6:fe80::1%eth0', 'bad-ip6', 'fe80::1%eth0'],
  ['v=spf1 redirect=a.example.com -all redirect=b.example.com', 'duplicate-modifier', 'redirect=b.example.com'],
  ['v=spf1 exp=a.example.com -all exp=b.example.com', 'duplicate-modifier', 'exp=b.example.com'],
  ['v=spf1 a v=spf1 mx', 'repeated-version', 'v=spf1'],
];

describe('each error class is reported at the offending text', () => {
  for (const [input, code, covered] of ERROR_CASES) {
    test(`${JSON.stringify(input)} -> ${code}`, () => {
      const { record, doc } = parse(input);
      assert.equal(record.errors.length, 1, JSON.stringify(record.errors));
      const [error] = record.errors;
      assert.equal(error.code, code, error.message);
      assert.equal(slice(doc, error), covered);
      assert.ok(error.message.length > 10);
      if (error.termIndex !== undefined) assert.equal(record.terms[error.termIndex].valid, false);
    });
  }

  test('include= says what to write instead', () => {
    const { record } = parse('v=spf1 include=_spf.example.com -all');
    assert.match(record.errors[0].message, /'include=' should be 'include:'/);
  });

  test('several errors in one record are all reported, in document order', () => {
    const { record } = parse('v=spf1 a:museum ip4:1.2.3.4/33 moo ~all exp=%{r}.example.com');
    assert.deepEqual(
      record.errors.map((e) => e.code),
      ['bad-domain-spec', 'bad-cidr', 'unknown-mechanism', 'exp-only-macro'],
    );
    assert.deepEqual(record.errors.map((e) => e.termIndex), [0, 1, 2, 4]);
  });
});

/**
 * Runs the real TextMate grammar through vscode-textmate + oniguruma and checks the scopes of
 * representative lines, then runs the vscode-tmgrammar-test fixtures (test/grammar/fixtures)
 * through that tool's CLI so the inline assertions there are part of the suite too.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { GRAMMAR_PATH, REPO_ROOT, SCOPE_NAME, scopesAt, tokenizeDocument } from './grammarHarness';

const S = '.dns-zone';
const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'grammar', 'fixtures');

/** Tokenizes `lines` as one document and returns a lookup of scopes by line and needle. */
async function scan(lines: string[]): Promise<(line: number, needle: string, occurrence?: number) => string[]> {
  const tokens = await tokenizeDocument(lines.join('\n'));
  return (line, needle, occurrence = 0) => scopesAt(lines, tokens, line, needle, occurrence);
}

function assertHas(scopes: string[], scope: string, what: string): void {
  assert.ok(scopes.includes(scope), `${what}: expected ${scope} in [${scopes.join(', ')}]`);
}

function assertLacks(scopes: string[], scope: string, what: string): void {
  assert.ok(!scopes.includes(scope), `${what}: did not expect ${scope} in [${scopes.join(', ')}]`);
}

describe('dns-zone grammar metadata', () => {
  test('grammar file declares source.dns-zone and package.json contributes it', () => {
    const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string };
    assert.equal(grammar.scopeName, SCOPE_NAME);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { language: string; scopeName: string; path: string }[] };
    };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === SCOPE_NAME);
    assert.ok(entry, 'package.json contributes the grammar');
    assert.equal(entry.language, 'dns-zone');
    assert.equal(path.resolve(REPO_ROOT, entry.path), GRAMMAR_PATH);
  });
});

describe('dns-zone grammar: records', () => {
  test('owner, TTL, class, type and IPv4 rdata', async () => {
    const at = await scan(['www 3600 IN A 192.0.2.1']);
    assertHas(at(0, 'www'), `entity.name.tag.owner${S}`, 'owner');
    assertHas(at(0, '3600'), `constant.numeric.ttl${S}`, 'ttl');
    assertHas(at(0, 'IN'), `keyword.other.class${S}`, 'class');
    assertHas(at(0, 'A '), `storage.type.record${S}`, 'type');
    assertHas(at(0, '192.0.2.1'), `constant.numeric.ipv4${S}`, 'address');
    assertHas(at(0, '192.0.2.1'), `meta.rdata${S}`, 'address is rdata');
  });

  test('@ and * owners, class before TTL, BIND unit TTLs, lowercase keywords', async () => {
    const at = await scan(['@ in 1h30m aaaa 2001:db8::1', '*.wild 2W CH txt "x"']);
    assertHas(at(0, '@'), `variable.language.origin${S}`, '@');
    assertHas(at(0, '@'), `entity.name.tag.owner${S}`, '@ is an owner');
    assertHas(at(0, 'in'), `keyword.other.class${S}`, 'lowercase class');
    assertHas(at(0, '1h30m'), `constant.numeric.ttl${S}`, 'unit ttl');
    assertHas(at(0, 'h30m'), `keyword.other.unit${S}`, 'ttl unit letter');
    assertHas(at(0, 'aaaa'), `storage.type.record${S}`, 'lowercase type');
    assertHas(at(0, '2001:db8::1'), `constant.numeric.ipv6${S}`, 'ipv6');
    assertHas(at(1, '*'), `constant.language.wildcard${S}`, 'wildcard');
    assertHas(at(1, '.wild'), `entity.name.tag.owner${S}`, 'wildcard owner');
    assertHas(at(1, '2W'), `constant.numeric.ttl${S}`, 'week ttl');
    assertHas(at(1, 'CH'), `keyword.other.class${S}`, 'CH class');
  });

  test('every common record type mnemonic is recognised, in any case', async () => {
    const types = (
      'A AAAA NS CNAME DNAME SOA MX PTR TXT SPF SRV CAA NAPTR HINFO RP LOC SSHFP TLSA SMIMEA OPENPGPKEY CERT ' +
      'DS CDS DNSKEY CDNSKEY RRSIG NSEC NSEC3 NSEC3PARAM ZONEMD SVCB HTTPS URI AFSDB KX APL CSYNC DHCID IPSECKEY TYPE65534'
    ).split(' ');
    const lines = types.flatMap((t) => [`x IN ${t} foo`, `x ${t.toLowerCase()} foo`]);
    const at = await scan(lines);
    lines.forEach((line, i) => {
      const type = line.split(' ').at(-2) as string;
      assertHas(at(i, `${type} foo`), `storage.type.record${S}`, line);
      assertLacks(at(i, 'foo'), `storage.type.record${S}`, `${line} rdata`);
    });
  });

  test('an unknown mnemonic where the type belongs is flagged', async () => {
    const at = await scan(['mail MXX 10 mail.example.com.']);
    assertHas(at(0, 'MXX'), `invalid.illegal.unknown-type${S}`, 'unknown type');
    assertHas(at(0, '10'), `constant.numeric.integer${S}`, 'rdata after unknown type');
  });

  test('escapes in unquoted names and domain names in rdata', async () => {
    const at = await scan(['a\\.b MX 10 host\\032x.example.com.']);
    assertHas(at(0, '\\.'), `constant.character.escape${S}`, 'owner escape');
    assertHas(at(0, '\\.'), `entity.name.tag.owner${S}`, 'escape stays in owner');
    assertHas(at(0, '\\032'), `constant.character.escape${S}`, 'decimal escape');
    assertHas(at(0, 'host'), `entity.name.type.domain${S}`, 'rdata name');
  });

  test('comments, and a stray closing parenthesis', async () => {
    const at = await scan(['; whole line', 'www A 192.0.2.1 ; trailing', 'www A 192.0.2.1 )']);
    assertHas(at(0, 'whole'), `comment.line.semicolon${S}`, 'line comment');
    assertHas(at(0, ';'), `punctuation.definition.comment${S}`, 'comment punctuation');
    assertHas(at(1, 'trailing'), `comment.line.semicolon${S}`, 'trailing comment');
    assertHas(at(2, ')'), `invalid.illegal.unbalanced-paren${S}`, 'stray paren');
  });
});

describe('dns-zone grammar: parentheses continue a record', () => {
  test('multi-line SOA: continuation tokens are rdata, comments inside, owner again after ")"', async () => {
    const at = await scan([
      '@ IN SOA ns1.example.com. hostmaster.example.com. ( ; open',
      '2024010101 ; serial "not a string"',
      '        1h 15M ; refresh',
      'www',
      '        2w 1D )',
      'www A 192.0.2.1',
    ]);
    assertHas(at(0, '('), `punctuation.definition.parens.begin${S}`, 'open paren');
    assertHas(at(0, 'open'), `comment.line.semicolon${S}`, 'comment after (');
    assertHas(at(1, '2024010101'), `constant.numeric.integer${S}`, 'serial');
    assertLacks(at(1, '2024010101'), `entity.name.tag.owner${S}`, 'column-0 serial is not an owner');
    assertHas(at(1, '"not'), `comment.line.semicolon${S}`, 'quote inside comment');
    assertLacks(at(1, '"not'), `string.quoted.double${S}`, 'quote inside comment');
    assertHas(at(2, '1h'), `constant.numeric.duration${S}`, 'refresh with unit');
    assertHas(at(3, 'www'), `meta.parens${S}`, 'line inside parens');
    assertLacks(at(3, 'www'), `entity.name.tag.owner${S}`, 'column-0 name inside parens is not an owner');
    assertHas(at(4, ')'), `punctuation.definition.parens.end${S}`, 'close paren');
    assertHas(at(5, 'www'), `entity.name.tag.owner${S}`, 'owner after the record closed');
    assertLacks(at(5, 'www'), `meta.parens${S}`, 'parens closed');
  });
});

describe('dns-zone grammar: strings', () => {
  test('";" inside quotes is not a comment; escapes are highlighted', async () => {
    const at = await scan(['@ TXT "a;b \\" \\\\ \\065 c" ; real']);
    assertHas(at(0, ';b'), `string.quoted.double${S}`, '; in string');
    assertLacks(at(0, ';b'), `comment.line.semicolon${S}`, '; in string');
    assertHas(at(0, '\\"'), `constant.character.escape${S}`, '\\"');
    assertHas(at(0, '\\\\'), `constant.character.escape${S}`, '\\\\');
    assertHas(at(0, '\\065'), `constant.character.escape${S}`, '\\DDD');
    assertLacks(at(0, ' c"'), `constant.character.escape${S}`, 'plain text after escapes');
    assertHas(at(0, 'real'), `comment.line.semicolon${S}`, 'comment after string');
  });

  test('SPF terms are highlighted inside v=spf1 strings only', async () => {
    const at = await scan(['@ TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all"', '@ TXT "x all"']);
    assertHas(at(0, 'v=spf1'), `keyword.other.version.spf${S}`, 'version');
    assertHas(at(0, 'ip4'), `keyword.other.mechanism.spf${S}`, 'ip4');
    assertHas(at(0, 'include'), `keyword.other.mechanism.spf${S}`, 'include');
    assertHas(at(0, '-all'), `keyword.operator.qualifier.spf${S}`, 'qualifier');
    assertHas(at(0, 'all"'), `keyword.other.mechanism.spf${S}`, 'all');
    assertLacks(at(1, 'all'), `keyword.other.mechanism.spf${S}`, 'non-SPF string');
  });

  test('DKIM tags are highlighted across strings inside parentheses', async () => {
    const at = await scan(['s._domainkey TXT ( "v=DKIM1; k=rsa; "', '  "p=MIIBIjANBgkq" )']);
    assertHas(at(0, 'k='), `entity.other.attribute-name.tag.dkim${S}`, 'k tag');
    assertHas(at(1, 'p='), `entity.other.attribute-name.tag.dkim${S}`, 'p tag on continuation line');
    assertLacks(at(1, 'MIIB'), `entity.other.attribute-name.tag.dkim${S}`, 'key value');
  });
});

describe('dns-zone grammar: directives and generic rdata', () => {
  test('$ORIGIN, $TTL, $INCLUDE, $GENERATE and an unknown directive', async () => {
    const at = await scan([
      '$ORIGIN example.com.',
      '$TTL 1d',
      '$INCLUDE "db.sub" sub',
      '$GENERATE 1-10 host-$ A 10.0.0.$',
      '$FOO bar',
    ]);
    assertHas(at(0, 'ORIGIN'), `keyword.control.directive.origin${S}`, '$ORIGIN');
    assertHas(at(0, '$'), `punctuation.definition.directive${S}`, '$ punctuation');
    assertHas(at(0, 'example'), `entity.name.type.domain${S}`, 'origin name');
    assertHas(at(1, 'TTL'), `keyword.control.directive.ttl${S}`, '$TTL');
    assertHas(at(1, '1d'), `constant.numeric.ttl${S}`, '$TTL value');
    assertHas(at(2, 'INCLUDE'), `keyword.control.directive.include${S}`, '$INCLUDE');
    assertHas(at(2, '"db.sub"'), `string.quoted.double.filename${S}`, 'include file');
    assertHas(at(3, 'GENERATE'), `keyword.control.directive.generate${S}`, '$GENERATE');
    assertHas(at(3, '1-10'), `constant.numeric.range${S}`, 'range');
    assertHas(at(3, '$', 1), `variable.other.generate${S}`, 'iterator in lhs');
    assertHas(at(3, 'A '), `storage.type.record${S}`, 'generated type');
    assertHas(at(4, '$FOO'), `invalid.illegal.unknown-directive${S}`, 'unknown directive');
  });

  test('RFC 3597 \\# generic rdata', async () => {
    const at = await scan(['x TYPE65534 \\# 4 0A000001']);
    assertHas(at(0, '\\#'), `keyword.other.generic-rdata${S}`, '\\#');
    assertHas(at(0, '4 0A'), `constant.numeric.integer.length${S}`, 'length');
    assertHas(at(0, '0A000001'), `constant.numeric.hex${S}`, 'hex');
  });
});

describe('language-configuration.json', () => {
  const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    brackets: string[][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: string[][];
    wordPattern: string;
  };

  test('comments, brackets and pairs', () => {
    assert.equal(config.comments.lineComment, ';');
    assert.deepEqual(config.brackets, [['(', ')']]);
    const quote = config.autoClosingPairs.find((p) => p.open === '"');
    assert.deepEqual(quote && { close: quote.close, inString: quote.notIn?.includes('string') }, { close: '"', inString: true });
    assert.ok(config.autoClosingPairs.some((p) => p.open === '(' && p.close === ')'));
    assert.deepEqual(config.surroundingPairs, [['(', ')'], ['"', '"']]);
  });

  test('wordPattern takes whole DNS names, @, * and $DIRECTIVES as words', () => {
    const words = (s: string) => s.match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words('_dmarc.example.com. IN TXT'), ['_dmarc.example.com.', 'IN', 'TXT']);
    assert.deepEqual(words('*.mail-1 @ $ORIGIN'), ['*.mail-1', '@', '$ORIGIN']);
    assert.deepEqual(words('a "b;c" (d)'), ['a', 'b', 'c', 'd']);
  });
});

describe('vscode-tmgrammar-test fixtures', () => {
  // Resolve the CLI from its package.json "bin" so this works without a shell (.bin shims
  // are shell scripts / .cmd files on some platforms).
  const pkgJsonPath = require.resolve('vscode-tmgrammar-test/package.json', { paths: [REPO_ROOT] });
  const bin = (JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8')) as { bin: Record<string, string> }).bin;
  const cli = path.join(path.dirname(pkgJsonPath), bin['vscode-tmgrammar-test']);
  const runCli = (pattern: string) =>
    spawnSync(process.execPath, [cli, '--config', path.join(REPO_ROOT, 'package.json'), pattern], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });

  test('all fixtures pass', () => {
    const fixtures = fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.zone'));
    assert.ok(fixtures.length >= 5, `expected fixtures in ${FIXTURE_DIR}`);
    const result = runCli('test/grammar/fixtures/*.zone');
    assert.equal(result.status, 0, `vscode-tmgrammar-test failed:\n${result.stdout}\n${result.stderr}`);
    for (const f of fixtures) assert.ok(result.stdout.includes(f), `fixture ${f} was run`);
  });

  test('a fixture with a wrong assertion fails (the CLI run is not vacuous)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dns-zone-grammar-'));
    try {
      const file = path.join(dir, 'wrong.zone');
      fs.writeFileSync(file, '; SYNTAX TEST "source.dns-zone" "wrong"\nwww A 192.0.2.1\n; <--- keyword.other.class.dns-zone\n');
      const result = runCli(file.split(path.sep).join('/'));
      assert.notEqual(result.status, 0, `expected failure, got:\n${result.stdout}`);
      assert.match(result.stdout, /missing required scopes: keyword\.other\.class\.dns-zone/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Error recovery and exact ranges: after a bad record parsing resumes at the next logical line,
 * every error of the file is reported at the token it concerns, and every good record is kept.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HEAD, at, diags, owners, parse } from './helpers';

describe('recovery after bad records', () => {
  test('each bad record is reported once, at its bad token, and all good records are kept', () => {
    const text =
      HEAD +
      'bad1 IN A 192.0.2.300\n' +
      'good1 IN A 192.0.2.10\n' +
      'bad2 IN BOGUS 1\n' +
      'good2 IN AAAA 2001:db8::1\n' +
      'bad3 IN MX ( mail\n' +
      '    ; the group spans lines\n' +
      '  )\n' +
      'good3 IN MX 10 good1\n' +
      'bad4 IN TXT "x" ; fine\n' +
      'bad5..x IN A 192.0.2.11\n' +
      'good4 IN TXT "kept"\n';
    const z = parse(text);
    assert.deepEqual(diags(z), [
      at('rdata-invalid', text, '300'),
      at('unknown-type', text, 'BOGUS'),
      at('rdata-invalid', text, 'mail'),
      // the empty label: the second dot of `bad5..x`
      `name-invalid@${text.indexOf('bad5..x') + 5}-${text.indexOf('bad5..x') + 6}`,
    ]);
    assert.deepEqual(owners(z).slice(3), ['good1.example.com.', 'good2.example.com.', 'good3.example.com.', 'bad4.example.com.', 'good4.example.com.']);
  });

  test('a bad record does not swallow the blank-owner records after it', () => {
    const text = `${HEAD}host IN A 192.0.2.999\n  IN AAAA 2001:db8::2\n  IN TXT "same owner"\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('rdata-invalid', text, '999')]);
    assert.deepEqual(owners(z).slice(3), ['host.example.com.', 'host.example.com.']);
  });

  test('an error inside a multi-line group is reported on its own line', () => {
    const text = `${HEAD}@ IN SOA ns1 hostmaster (\n  1\n  2x\n  3 4 5 )\nafter IN A 192.0.2.5\n`;
    const z = parse(text);
    assert.deepEqual(diags(z).filter((d) => !d.startsWith('singleton')), [at('rdata-invalid', text, '2x')]);
    assert.ok(owners(z).includes('after.example.com.'));
  });

  test('errors keep coming after the first hundred, up to a cap per kind (no flood)', () => {
    const bad = Array.from({ length: 150 }, (_, i) => `b${i} A 192.0.2.300\n`).join('');
    const z = parse(`${HEAD}${bad}last A 192.0.2.1\n`);
    const n = z.parseDiagnostics.filter((d) => d.code === 'rdata-invalid').length;
    assert.equal(n, 150, 'parser-level errors are all reported');
    assert.equal(owners(z).at(-1), 'last.example.com.');
  });
});

describe('unbalanced parentheses and quotes', () => {
  test('an unclosed ( is reported at the ( and the records after its line survive', () => {
    const text = `${HEAD}broken IN TXT ( "never closed"\nafter1 IN A 192.0.2.2\nafter2 IN A 192.0.2.3\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, '(')]);
    assert.deepEqual(owners(z).slice(3), ['broken.example.com.', 'after1.example.com.', 'after2.example.com.']);
  });

  test('an unclosed ( keeps the indented continuation lines of its own record', () => {
    const text = `${HEAD}soa2 IN MX ( 10\n   mail.example.com.\nnext IN A 192.0.2.2\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, '(')]);
    // The group runs to the next line that starts at column 0: the MX is whole, `next` survives.
    assert.deepEqual(owners(z).slice(3), ['soa2.example.com.', 'next.example.com.']);
    assert.equal(z.records[3].rdata[1].value, 'mail.example.com.');
  });

  test('a stray ) is reported at the ) and its record is kept', () => {
    const text = `${HEAD}a IN A 192.0.2.2 )\nb IN A 192.0.2.3\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, ')')]);
    assert.deepEqual(owners(z).slice(3), ['a.example.com.', 'b.example.com.']);
  });

  test('an unterminated quote ends at the end of its line (without the CR) and the next records survive', () => {
    const text = `${HEAD}t IN TXT "no closing quote\r\nafter IN A 192.0.2.2\r\nlast IN TXT "fine"\r\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, '"no closing quote')]);
    assert.deepEqual(owners(z).slice(3), ['t.example.com.', 'after.example.com.', 'last.example.com.']);
  });

  test('a quote opened inside parentheses does not eat the closing parenthesis lines after it', () => {
    const text = `${HEAD}t IN TXT ( "open\n  "second" )\nafter IN A 192.0.2.2\n`;
    const z = parse(text);
    assert.ok(diags(z).includes(at('syntax-error', text, '"open')));
    assert.ok(owners(z).includes('after.example.com.'));
  });

  test('nested parentheses are a warning, and the record is parsed as BIND parses it', () => {
    const text = `${HEAD}m IN MX ( 10 ( mail ) )\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, '(', 1)]);
    assert.equal(z.parseDiagnostics[0].severity, 'warning');
    assert.equal(z.records[3].rdata[1].value, 'mail.example.com.');
  });
});

describe('exact ranges', () => {
  test('directives: unknown name, missing argument, bad argument', () => {
    const text = `${HEAD}$ORIGN x.\n$TTL\n$TTL 1y\n$ORIGIN a..b\n$INCLUDE\n`;
    const z = parse(text);
    const dotdot = text.indexOf('a..b') + 2;
    assert.deepEqual(diags(z), [
      at('unknown-directive', text, '$ORIGN'),
      at('directive-syntax', text, '$TTL', 1),
      at('directive-syntax', text, '1y'),
      `name-invalid@${dotdot}-${dotdot + 1}`,
      at('directive-syntax', text, '$INCLUDE'),
    ]);
  });

  test('a line that starts with blank space but no previous owner', () => {
    const text = '$TTL 1h\n  IN A 192.0.2.1\n';
    const z = parse(text);
    assert.deepEqual(z.parseDiagnostics.map((d) => d.code), ['syntax-error']);
    assert.equal(z.parseDiagnostics[0].start, text.indexOf('IN'));
  });

  test('a record with no type points at the whole record', () => {
    const text = `${HEAD}lonely 300 IN\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, 'lonely 300 IN')]);
  });

  test('missing rdata is reported on the type token', () => {
    const text = `${HEAD}m IN MX\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('rdata-invalid', text, 'MX')]);
  });

  test('a class other than the zone class is reported on the class token; CLASS1 is IN', () => {
    const text = `${HEAD}c CH TXT "x"\nd CLASS1 A 192.0.2.2\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('class-mismatch', text, 'CH')]);
  });

  test('meta types are refused on the type token', () => {
    const text = `${HEAD}a TYPE0 \\# 0\nb OPT \\# 0\nc TYPE200 \\# 0\nd TYPE65535 \\# 0\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('unknown-type', text, 'TYPE0'), at('unknown-type', text, 'OPT'), at('unknown-type', text, 'TYPE200')]);
  });

  test('a line starting with ( has an owner, as in BIND', () => {
    const z = parse(`${HEAD}( www ) IN A 192.0.2.2\n`);
    assert.deepEqual(diags(z), []);
    assert.equal(z.records[3].owner, 'www.example.com.');
  });

  test('a directive on a last line without a line break is an error (BIND refuses it)', () => {
    const text = `${HEAD}$TTL 300`;
    assert.deepEqual(diags(parse(text)), [at('syntax-error', text, '$TTL 300')]);
    assert.deepEqual(diags(parse(`${HEAD}last A 192.0.2.9`)), []);
  });
});

/**
 * The rewritten regexes accept exactly what the old ones did: each old pattern (kept here as the
 * reference) against the new code, on random strings over the characters that matter to it.
 * The new regexes are read from the source (scan.ts), so the test follows any later change.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanRegexes } from './scan';
import { splitTrailingPrefixLength } from '../../server/src/language/spf/mechanismArgument';
import { svcWireProblem } from '../../server/src/language/rrtypes/svcParams';
import { parseDocument, validate, Workspace } from '../../server/src/language/languageService';
import { fuzzParams } from '../fuzz/config';

/** The regex in `file` whose source contains `marker`, compiled. */
function current(file: string, marker: string): RegExp {
  const hits = scanRegexes().filter((s) => s.file === file && s.written.includes(marker) && s.pattern !== undefined);
  assert.equal(hits.length, 1, `${file}: ${hits.length} regexes contain ${marker}`);
  return new RegExp(hits[0].pattern!, hits[0].flags);
}

const over = (units: string[], maxLength = 24) => fc.array(fc.constantFrom(...units), { maxLength }).map((xs) => xs.join(''));

describe('rewritten regexes match what they replaced', () => {
  test('suppression comments: same directive, same rule ids', () => {
    const OLD = /^;\s*zonelint-disable(-next-line)?(?:\s+([a-z0-9,\s-]*))?\s*$/;
    const NEW = current('language/features/suppressions.ts', 'zonelint-disable');
    const read = (re: RegExp, s: string) => {
      const m = re.exec(s);
      return m ? [m[1] ?? '', (m[2] ?? '').split(/[\s,]+/).filter(Boolean)] : null;
    };
    fc.assert(
      fc.property(over([' ', '\t', 'zonelint-disable', '-next-line', 'spf-no-all', ',', 'x', 'X', '-', ';'], 10), (rest) => {
        const s = `;${rest}`;
        assert.deepEqual(read(NEW, s), read(OLD, s), JSON.stringify(s));
      }),
      fuzzParams(3000),
    );
  });

  test('SPF top label', () => {
    const OLD = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;
    const NEW = current('language/spf/domainSpec.ts', '[A-Za-z0-9]+-');
    fc.assert(
      fc.property(over(['a', 'Z', '0', '9', '-', '!', '.']), (s) => assert.equal(NEW.test(s), OLD.test(s), JSON.stringify(s))),
      fuzzParams(3000),
    );
  });

  test('SPF prefix length after a domain: the split the old regex made', () => {
    const OLD = /^(.+?)((?:\/\/?[0-9]*)+)$/;
    fc.assert(
      // Short strings: the old regex is exponential in the number of slashes.
      fc.property(over(['a', '.', '/', '0', '9', '-', '\n', '\r'], 14), (s) => {
        const m = OLD.exec(s);
        assert.deepEqual(splitTrailingPrefixLength(s), m ? { head: m[1], suffix: m[2] } : undefined, JSON.stringify(s));
      }),
      fuzzParams(3000),
    );
  });

  test('CAA e-mail values: the rule complains exactly when the old regex failed', () => {
    const OLD = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
    fc.assert(
      fc.property(over(['a', '.', '@', ' ', 'b'], 10), (value) => {
        const zone = parseDocument({ text: `$TTL 1h\n@ SOA ns h 1 2 3 4 5\n  NS ns\nc CAA 0 contactemail "${value}"\n`, origin: 'example.com.' });
        const ws = new Workspace();
        ws.set('z', zone);
        const complains = validate(zone, ws).some((d) => d.code === 'caa-syntax' && d.message.includes('must be one e-mail address'));
        assert.equal(complains, !OLD.test(value), JSON.stringify(value));
      }),
      fuzzParams(1500),
    );
  });

  test('SVCB dohpath: "no dns variable" exactly when the old regex failed', () => {
    const OLD = /\{[+#./;?&]?([A-Za-z0-9_%.]+,)*dns(,[A-Za-z0-9_%.]+)*\}/;
    const NO_DNS = 'dohpath must contain the "dns" variable';
    fc.assert(
      fc.property(over(['{', '}', 'dns', 'dn', ',', 'a', '?', '+', '/', '{?'], 12), (rest) => {
        const template = `/${rest}`;
        const problem = svcWireProblem(7, new Uint8Array(Buffer.from(template, 'utf8')));
        assert.equal(problem?.startsWith(NO_DNS) ?? false, !OLD.test(template), JSON.stringify(template));
      }),
      fuzzParams(3000),
    );
  });

  test('look-behind guards change no replacement (CLI text, formatter)', () => {
    const pairs: [RegExp, RegExp, string][] = [
      [/\s*\r?\n\s*/g, current('cli/format/text.ts', '\\r?\\n'), ' '],
      [/[ \t]+$/, current('language/features/format/format.ts', '[ \\t]+$'), ''],
    ];
    fc.assert(
      fc.property(over([' ', '\t', '\n', '\r', ';', 'a', ')', '(']), (s) => {
        for (const [old, now, by] of pairs) assert.equal(s.replace(now, by), s.replace(old, by), `${now} on ${JSON.stringify(s)}`);
      }),
      fuzzParams(3000),
    );
  });

  test('rdata text without comments: the same one-line text as before', () => {
    const NEW = current('language/features/locate.ts', ';[^\\n]*');
    const oneLine = (s: string, comment: RegExp) => s.replace(comment, '').replace(/[()\s]+/g, ' ').trim();
    fc.assert(
      fc.property(over([' ', '\t', '\n', '\r', ';', 'a', ')', '(']), (s) => assert.equal(oneLine(s, NEW), oneLine(s, /\s*;[^\n]*/g), JSON.stringify(s))),
      fuzzParams(3000),
    );
  });
});

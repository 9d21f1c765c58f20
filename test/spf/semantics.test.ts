import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spfLookupCount, spfLookupTerms } from '../../server/src/language/spf/lookups';
import { spfHoverAt } from '../../server/src/language/spf/hover';
import { checkExplanationText } from '../../server/src/language/spf/explanation';
import { parse, slice, txtDoc } from './helpers';

describe('lookup accounting', () => {
  test('lists include, a, mx, ptr, exists and redirect with their targets', () => {
    const { record, doc } = parse('v=spf1 ip4:192.0.2.1 include:_spf.example.com a mx:mx.example.com/24 ptr exists:%{i}.x.example.com redirect=r.example.com');
    const lookups = spfLookupTerms(record);
    assert.deepEqual(
      lookups.map((l) => [l.name, l.target, l.targetHasMacros, l.ignored]),
      [
        ['include', '_spf.example.com', false, false],
        ['a', undefined, false, false],
        ['mx', 'mx.example.com', false, false],
        ['ptr', undefined, false, false],
        ['exists', '%{i}.x.example.com', true, false],
        ['redirect', 'r.example.com', false, false],
      ],
    );
    assert.equal(slice(doc, lookups[2].range), 'mx:mx.example.com/24');
    assert.equal(slice(doc, lookups[2].targetRange!), 'mx.example.com');
    assert.equal(lookups[0].termIndex, 1);
    assert.equal(spfLookupCount(record), 6);
  });

  test('a redirect next to all is ignored and costs nothing', () => {
    const { record } = parse('v=spf1 include:a.example.com redirect=b.example.com -all');
    assert.deepEqual(spfLookupTerms(record).map((l) => l.ignored), [false, true]);
    assert.equal(spfLookupCount(record), 1);
  });

  test('include= (an unknown modifier) and exp= are not lookups', () => {
    const { record } = parse('v=spf1 include=a.example.com exp=e.example.com ip6:::1 -all');
    assert.equal(spfLookupTerms(record).length, 0);
  });
});

describe('semantic hints', () => {
  test('all, terms after all, permissive all, ptr and %{p}', () => {
    const { record } = parse('v=spf1 ptr a:%{p}.example.com ?all mx include:x.example.com exp=e.example.com');
    const h = record.hints;
    assert.equal(h.all?.qualifier, '?');
    assert.equal(h.permissiveAll, h.all);
    assert.deepEqual(h.termsAfterAll.map((t) => t.name), ['mx', 'include']);
    assert.deepEqual(h.ptrTerms.map((t) => t.name), ['ptr']);
    assert.deepEqual(h.pMacroTerms.map((t) => t.name), ['a']);
    assert.equal(h.exp?.domainSpec, 'e.example.com');
    assert.equal(h.redirectWithAll, false);
  });

  test('redirect with all', () => {
    const { record } = parse('v=spf1 redirect=x.example.com -all');
    assert.equal(record.hints.redirectWithAll, true);
    assert.equal(record.hints.permissiveAll, undefined);
    assert.equal(record.hints.all?.qualifier, '-');
  });

  test('+all and implicit-qualifier all are permissive; no all means no hint', () => {
    assert.equal(parse('v=spf1 all').record.hints.permissiveAll?.name, 'all');
    assert.equal(parse('v=spf1 +all').record.hints.permissiveAll?.qualifier, '+');
    const none = parse('v=spf1 mx').record.hints;
    assert.equal(none.all, undefined);
    assert.deepEqual(none.termsAfterAll, []);
  });
});

describe('hover', () => {
  const hoverOn = (record: string, target: string, nth = 0) => {
    const parsed = parse(record);
    let at = -1;
    for (let i = 0; i <= nth; i++) at = parsed.doc.text.indexOf(target, at + 1);
    assert.ok(at >= 0, `${target} not in document`);
    const hover = spfHoverAt(parsed.record, at);
    return { hover, doc: parsed.doc };
  };

  const sections: Array<[string, string, string]> = [
    ['v=spf1 -all', 'all', '§5.1'],
    ['v=spf1 include:_spf.example.com', 'include', '§5.2'],
    ['v=spf1 a/24', 'a/24', '§5.3'],
    ['v=spf1 mx', 'mx', '§5.4'],
    ['v=spf1 ptr', 'ptr', '§5.5'],
    ['v=spf1 ip4:192.0.2.1', '192', '§5.6'],
    ['v=spf1 ip6:::1', 'ip6', '§5.6'],
    ['v=spf1 exists:x.example.com', 'exists', '§5.7'],
    ['v=spf1 redirect=x.example.com', 'redirect', '§6.1'],
    ['v=spf1 exp=x.example.com', 'exp', '§6.2'],
    ['v=spf1 mx', 'v=spf1', '§4.5'],
    ['v=spf1 foo=bar', 'foo', '§6'],
  ];
  for (const [record, target, section] of sections) {
    test(`${target} in ${record} cites ${section}`, () => {
      const { hover } = hoverOn(record, target);
      assert.ok(hover);
      assert.ok(hover.markdown.includes(`RFC 7208 ${section}`), hover.markdown);
    });
  }

  test('lookup-costing terms say so; ip4 and all do not', () => {
    assert.match(hoverOn('v=spf1 include:x.example.com', 'include').hover!.markdown, /counted toward the limit of 10/);
    assert.match(hoverOn('v=spf1 mx', 'mx').hover!.markdown, /counted toward the limit of 10/);
    assert.match(hoverOn('v=spf1 ip4:192.0.2.1', 'ip4').hover!.markdown, /never queries DNS/);
    assert.match(hoverOn('v=spf1 -all', 'all').hover!.markdown, /never queries DNS/);
    assert.match(hoverOn('v=spf1 exp=e.example.com', 'exp').hover!.markdown, /not counted/);
  });

  test('qualifier hover names the result', () => {
    const { hover, doc } = hoverOn('v=spf1 ~all', '~');
    assert.ok(hover);
    assert.match(hover.markdown, /softfail/);
    assert.match(hover.markdown, /§4\.6\.2/);
    assert.equal(slice(doc, hover.range), '~');
  });

  test('term hover covers the term and mentions an implicit qualifier', () => {
    const { hover, doc } = hoverOn('v=spf1 a:mail.example.com -all', 'mail');
    assert.ok(hover);
    assert.equal(slice(doc, hover.range), 'a:mail.example.com');
    assert.match(hover.markdown, /`\+` \(implicit\).*pass/);
  });

  test('macro letter hover explains letter and transformers', () => {
    const { hover, doc } = hoverOn('v=spf1 exists:%{IR.}.list.example.com', 'IR');
    assert.ok(hover);
    assert.equal(slice(doc, hover.range), '%{IR.}');
    assert.match(hover.markdown, /client IP address/);
    assert.match(hover.markdown, /reverse/);
    assert.match(hover.markdown, /URL-encode/);
    assert.match(hover.markdown, /§7\.2/);
  });

  test('exp-only macro letters are called out', () => {
    const { hover } = hoverOn('v=spf1 exists:%{t}.example.com', '%{t}');
    assert.match(hover!.markdown, /only in explanation text/);
  });

  test('%% and friends', () => {
    assert.match(hoverOn('v=spf1 a:x%_y.example.com', '%_').hover!.markdown, /a single space/);
  });

  test('spaces, invalid terms and offsets outside the record give nothing', () => {
    const parsed = parse('v=spf1  moo');
    assert.equal(spfHoverAt(parsed.record, parsed.doc.text.indexOf('  ') + 1), undefined);
    assert.equal(spfHoverAt(parsed.record, parsed.doc.text.indexOf('moo')), undefined);
    assert.equal(spfHoverAt(parsed.record, 0), undefined);
  });
});

describe('explanation text', () => {
  test('c, r and t are allowed; bad macros are reported', () => {
    assert.deepEqual(checkExplanationText(txtDoc(['%{c} is not allowed by %{r} at %{t}; see %{d}']).strings), []);
    const doc = txtDoc(['The ', '%{x}-files 100%']);
    const errors = checkExplanationText(doc.strings);
    assert.deepEqual(errors.map((e) => [e.code, doc.text.slice(e.start, e.end)]), [
      ['bad-macro', 'x'],
      ['bad-macro', '%'],
    ]);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mailTagHover, mailTagNames } from '../../server/src/language/mail/hover';
import type { MailRecordKind } from '../../server/src/language/mail/types';

const EXPECTED_TAGS: Record<MailRecordKind, string[]> = {
  dkim: ['v', 'h', 'k', 'n', 'p', 's', 't'],
  dmarc: ['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'rua', 'ruf', 'fo', 'rf', 'ri', 't', 'psd'],
  'mta-sts': ['v', 'id'],
  tlsrpt: ['v', 'rua'],
  bimi: ['v', 'l', 'a', 'lps', 'avp'],
};

describe('mailTagHover', () => {
  test('documents every tag of every kind with meaning, values and a reference', () => {
    for (const kind of Object.keys(EXPECTED_TAGS) as MailRecordKind[]) {
      assert.deepEqual(mailTagNames(kind).sort(), [...EXPECTED_TAGS[kind]].sort(), kind);
      for (const tag of EXPECTED_TAGS[kind]) {
        const md = mailTagHover(kind, tag);
        assert.ok(md, `${kind} ${tag}`);
        assert.match(md, new RegExp(`\`${tag}=\``), `${kind} ${tag} names the tag`);
        assert.match(md, /Values: /, `${kind} ${tag} lists values`);
        assert.match(md, /_(RFC \d+|DMARCbis|draft-)/, `${kind} ${tag} cites its source`);
      }
    }
  });

  test('distinguishes kinds that share a tag name', () => {
    assert.match(mailTagHover('dkim', 'p')!, /Public key/);
    assert.match(mailTagHover('dmarc', 'p')!, /Policy/);
    assert.match(mailTagHover('tlsrpt', 'rua')!, /https:/);
  });

  test('DMARC names are case-insensitive, DKIM names are not; unknown tags give nothing', () => {
    assert.ok(mailTagHover('dmarc', 'RUA'));
    assert.equal(mailTagHover('dkim', 'P'), undefined);
    assert.equal(mailTagHover('dkim', 'x'), undefined);
    assert.equal(mailTagHover('dmarc', 'toString'), undefined);
  });
});

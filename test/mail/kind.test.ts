import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mailContentKind, mailOwnerKind, mailRecordKind } from '../../server/src/language/mail/kind';

describe('mailRecordKind', () => {
  test('classifies by owner name first', () => {
    assert.equal(mailRecordKind('_dmarc.example.com.', 'v=DMARC1; p=none'), 'dmarc');
    assert.equal(mailRecordKind('sel1._domainkey.example.com.', 'v=DKIM1; p=abc'), 'dkim');
    assert.equal(mailRecordKind('*._domainkey.example.com.', 'p='), 'dkim');
    assert.equal(mailRecordKind('a.b._domainkey.mail.example.com.', 'k=rsa; p=x'), 'dkim');
    assert.equal(mailRecordKind('_mta-sts.example.com.', 'v=STSv1; id=1'), 'mta-sts');
    assert.equal(mailRecordKind('_smtp._tls.example.com.', 'v=TLSRPTv1; rua=mailto:a@example.com'), 'tlsrpt');
    assert.equal(mailRecordKind('default._bimi.example.com.', 'v=BIMI1; l='), 'bimi');
  });

  test('every TXT record at a DKIM selector is a key record, even a broken one', () => {
    assert.equal(mailRecordKind('s._domainkey.example.com.', 'garbage'), 'dkim');
  });

  test('at other mail owners, a record meant as that kind is one: v= first, its version anywhere, or one of its tags first', () => {
    assert.equal(mailRecordKind('_dmarc.example.com.', 'p=reject; rua=mailto:a@example.com'), 'dmarc');
    assert.equal(mailRecordKind('_dmarc.example.com.', 'p=reject; v=DMARC1'), 'dmarc');
    assert.equal(mailRecordKind('_dmarc.example.com.', 'v=spf1 -all'), 'dmarc');
    assert.equal(mailRecordKind('_mta-sts.example.com.', 'id=123'), 'mta-sts');
    assert.equal(mailRecordKind('default._bimi.example.com.', 'l=https://example.com/l.svg'), 'bimi');
  });

  test('unrelated content at a mail owner is not classified', () => {
    assert.equal(mailRecordKind('_dmarc.example.com.', 'google-site-verification=abc'), null);
    assert.equal(mailRecordKind('_mta-sts.example.com.', 'hello world'), null);
    assert.equal(mailRecordKind('_smtp._tls.example.com.', 'token=xyz'), null);
  });

  test('a mail record at an ordinary owner is not classified by content here', () => {
    assert.equal(mailRecordKind('example.com.', 'v=DMARC1; p=none'), null);
    assert.equal(mailRecordKind('_domainkey.example.com.', 'o=~'), null, 'the _domainkey parent is not a key');
    assert.equal(mailRecordKind('_tls.example.com.', 'v=TLSRPTv1; rua=mailto:a@example.com'), null);
  });

  test('mailOwnerKind accepts relative names and any case', () => {
    assert.equal(mailOwnerKind('_DMARC'), 'dmarc');
    assert.equal(mailOwnerKind('Sel._DomainKey'), 'dkim');
    assert.equal(mailOwnerKind('_smtp._tls'), 'tlsrpt');
    assert.equal(mailOwnerKind('www'), null);
  });

  test('mailContentKind reads the leading version tag', () => {
    assert.equal(mailContentKind('v=DMARC1; p=none'), 'dmarc');
    assert.equal(mailContentKind(' v = DKIM1 ; p=x'), 'dkim');
    assert.equal(mailContentKind('v=STSv1; id=1'), 'mta-sts');
    assert.equal(mailContentKind('v=TLSRPTv1;rua=mailto:a@b.c'), 'tlsrpt');
    assert.equal(mailContentKind('v=BIMI1'), 'bimi');
    assert.equal(mailContentKind('v=spf1 -all'), null);
    assert.equal(mailContentKind('p=reject; v=DMARC1'), null);
  });
});

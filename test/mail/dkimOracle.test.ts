import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { validateDkimRecord } from '../../server/src/language/mail/dkim';
import { charStrings } from './source';
import { ed25519RawBase64, rsaSpkiBase64 } from './keys';

/**
 * Differential test against mailauth (a DKIM verifier used in production): for each record,
 * "we report no error and the key is not revoked" must match "mailauth accepts the key".
 * Cases where we are deliberately stricter than mailauth are listed at the end, not compared.
 */

type GetPublicKey = (type: string, name: string, minBits: number, resolver: (name: string, rr: string) => Promise<string[][]>) => Promise<unknown>;
// mailauth ships no types for this internal module, so load it untyped and describe the one function used.
const { getPublicKey } = createRequire(__filename)('mailauth/lib/tools') as { getPublicKey: GetPublicKey };

async function mailauthAccepts(strings: string[]): Promise<boolean> {
  try {
    await getPublicKey('DKIM', 'sel._domainkey.example.com', 1024, async () => [strings]);
    return true;
  } catch {
    return false;
  }
}

function weAccept(strings: string[]): boolean {
  const src = strings.map((s) => `"${s}"`).join(' ');
  const r = validateDkimRecord(charStrings(src));
  return !r.revoked && !r.findings.some((f) => f.severity === 'error');
}

describe('DKIM key records agree with mailauth', () => {
  const rsa2048 = rsaSpkiBase64(2048);
  const cases: Record<string, string[]> = {
    '2048-bit RSA': ['v=DKIM1; k=rsa; p=' + rsa2048],
    '2048-bit RSA split in two strings': ['v=DKIM1; k=rsa; p=' + rsa2048.slice(0, 200), rsa2048.slice(200)],
    '1024-bit RSA': ['v=DKIM1; p=' + rsaSpkiBase64(1024)],
    '1023-bit RSA': ['v=DKIM1; p=' + rsaSpkiBase64(1023)],
    '512-bit RSA': ['v=DKIM1; p=' + rsaSpkiBase64(512)],
    'Ed25519 with k=ed25519': ['v=DKIM1; k=ed25519; p=' + ed25519RawBase64()],
    'Ed25519 with k=rsa': ['v=DKIM1; k=rsa; p=' + ed25519RawBase64()],
    'RSA with k=ed25519': ['v=DKIM1; k=ed25519; p=' + rsa2048],
    'revoked': ['v=DKIM1; p='],
    'wrong version': ['v=DKIM2; p=' + rsa2048],
    'truncated key': ['v=DKIM1; p=' + rsa2048.slice(0, 300)],
    'second string lost': ['v=DKIM1; p=' + rsa2048.slice(0, 200)],
    'invalid character': ['v=DKIM1; p=' + rsa2048.slice(0, 50) + '*' + rsa2048.slice(51)],
  };
  for (const [name, strings] of Object.entries(cases)) {
    test(name, async () => {
      assert.equal(weAccept(strings), await mailauthAccepts(strings));
    });
  }

  test('where we are stricter than mailauth, on purpose', async () => {
    // RFC 6376: no k= means rsa, so a 32-byte key without k=ed25519 cannot verify anywhere that follows it.
    const implicit = ['v=DKIM1; p=' + ed25519RawBase64()];
    assert.equal(await mailauthAccepts(implicit), true);
    assert.equal(weAccept(implicit), false);
  });
});

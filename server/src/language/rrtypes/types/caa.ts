import { defineType, field } from '../define';
import type { FieldCodec } from '../fields';
import { u8, unprefixedString } from '../fields';
import { WireError } from '../wire';

/** The property tag: letters and digits only (RFC 8659 §4.1), one unquoted word. */
const tag: FieldCodec = {
  kind: 'text',
  arity: 'one',
  parse([t], ctx, what) {
    if (t.quoted) {
      ctx.error(t.start, t.end, `${what} cannot be a quoted string`);
      return null;
    }
    const bad = t.text.search(/[^A-Za-z0-9]/);
    if (bad >= 0) {
      ctx.error(t.start + bad, t.start + bad + 1, `${what} may contain only letters and digits (RFC 8659 §4.1); "${t.text[bad]}" is not allowed`);
      return null;
    }
    if (t.text.length > 255) {
      ctx.error(t.start, t.end, `${what} is ${t.text.length} characters; the limit is 255`);
      return null;
    }
    return { value: t.text };
  },
  encode(value, w) {
    const s = value as string;
    w.u8(s.length);
    for (let i = 0; i < s.length; i++) w.u8(s.charCodeAt(i));
  },
  decode(r, what) {
    const len = r.u8(`length of the ${what}`);
    if (len === 0) throw new WireError(`${what} must not be empty`);
    const bytes = r.take(len, what);
    let s = '';
    for (const b of bytes) {
      const c = String.fromCharCode(b);
      if (!/[A-Za-z0-9]/.test(c)) throw new WireError(`${what} may contain only letters and digits`);
      s += c;
    }
    return s;
  },
};

/** The property value: the rest of the rdata, one word or quoted string with no 255-octet limit. */
const value = unprefixedString(false);

/** RFC 8659 §4: which certificate authorities may issue for the domain. */
export const CAA = defineType({
  name: 'CAA',
  code: 257,
  summary: 'Certification Authority Authorization: which CAs may issue certificates for the domain and its subdomains.',
  rfc: 'RFC 8659 §4',
  fields: [
    field('flags', u8, 'Flags 0-255; 128 is the Issuer Critical bit (a CA that does not understand the tag must not issue). Normally 0.'),
    field('tag', tag, 'Property: issue, issuewild, iodef (also issuemail, issuevmc, contactemail, contactphone); letters and digits only.'),
    field('value', value, 'Property value, usually quoted: a CA domain with optional parameters for issue/issuewild (`;` alone forbids issuance), a mailto: or https: URL for iodef.'),
  ],
});

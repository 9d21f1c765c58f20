/**
 * The experimental and obsolete mailbox types of RFC 1035 §3.3 (MB, MG, MR, MINFO) and the
 * mail agent types MD and MF that MX replaced (RFC 973). They are one-name layouts, kept
 * together here because none has anything of its own.
 */
import type { RRTypeSpec } from '../spec';
import { defineType, field, rdataRange } from '../define';
import { domainName } from '../fields';
import { typeInfoByName } from '../typeCodes';

function oneName(name: string, code: number, summary: string, rfc: string, fieldName: string, doc: string): RRTypeSpec {
  return defineType({ name, code, summary, rfc, obsolete: typeInfoByName(name)?.obsolete, fields: [field(fieldName, domainName, doc)] });
}

/** BIND refuses MD and MF outright ("obsolete"), in text and in `\#` form alike. */
function refused(spec: RRTypeSpec): RRTypeSpec {
  const message = `${spec.name} is obsolete (RFC 973) and BIND refuses to load it: publish MX records instead`;
  return {
    ...spec,
    parse(ctx) {
      const r = rdataRange(ctx);
      ctx.error(r.start, r.end, message);
      return null;
    },
    fromWire(_bytes, range, ctx) {
      ctx.error(range.start, range.end, message);
      return null;
    },
  };
}

export const MD = refused(oneName('MD', 3, 'Mail destination (obsolete; use MX).', 'RFC 1035 §3.3.4', 'madname', 'Host that delivers mail for the owner.'));
export const MF = refused(oneName('MF', 4, 'Mail forwarder (obsolete; use MX).', 'RFC 1035 §3.3.5', 'madname', 'Host that forwards mail for the owner.'));
export const MB = oneName('MB', 7, 'Mailbox host (experimental, never deployed).', 'RFC 1035 §3.3.3', 'madname', 'Host holding the mailbox named by the owner.');
export const MG = oneName('MG', 8, 'Mail group member (experimental, never deployed).', 'RFC 1035 §3.3.6', 'mgmname', 'A mailbox that belongs to the mail group named by the owner.');
export const MR = oneName('MR', 9, 'Mail rename (experimental, never deployed).', 'RFC 1035 §3.3.8', 'newname', 'The new name of the mailbox named by the owner.');

export const MINFO = defineType({
  name: 'MINFO',
  code: 14,
  summary: 'Mailbox or mail list information (experimental, never deployed).',
  rfc: 'RFC 1035 §3.3.7',
  obsolete: typeInfoByName('MINFO')?.obsolete,
  fields: [
    field('rmailbx', domainName, 'Mailbox responsible for the mailing list or mailbox.'),
    field('emailbx', domainName, 'Mailbox that receives error messages about the list or mailbox.'),
  ],
});

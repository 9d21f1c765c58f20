import type { CharString } from '../text/charString';
import { validateBimiRecord } from './bimi';
import { validateDkimRecord } from './dkim';
import { validateDmarcRecord } from './dmarc';
import { validateMtaStsRecord, validateTlsRptRecord } from './extensionRecords';
import type { MailRecordKind, ParsedTagList } from './types';

export type { MailFinding, MailRecordKind, MailRuleId, MailTag, ParsedTagList } from './types';
export { MAIL_RULES } from './types';
export { parseTagList, findTag, splitTagValue, type TagListOptions, type ListItem } from './tagList';
export { validateDkimRecord, type DkimRecord } from './dkim';
export { validateDmarcRecord, type DmarcRecord, type DmarcPolicy } from './dmarc';
export { validateMtaStsRecord, validateTlsRptRecord } from './extensionRecords';
export { validateBimiRecord, type BimiRecord } from './bimi';
export { mailRecordKind, mailOwnerKind, mailContentKind } from './kind';
export { mailTagHover, mailTagNames } from './hover';
export { inspectPublicKey, type PublicKeyShape } from './publicKey';
export { decodeBase64 } from './base64';

/** Parse and check one TXT record (its character-strings) as a mail record of `kind`. */
export function validateMailRecord(kind: MailRecordKind, strings: readonly CharString[]): ParsedTagList {
  switch (kind) {
    case 'dkim':
      return validateDkimRecord(strings);
    case 'dmarc':
      return validateDmarcRecord(strings);
    case 'mta-sts':
      return validateMtaStsRecord(strings);
    case 'tlsrpt':
      return validateTlsRptRecord(strings);
    case 'bimi':
      return validateBimiRecord(strings);
  }
}

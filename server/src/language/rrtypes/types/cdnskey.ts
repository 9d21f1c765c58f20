import { makeDnskeyType } from './dnskey';

/** RFC 7344 §3.2; `0 3 0 AA==` asks the parent to remove the DS set (RFC 8078 §4). */
export const CDNSKEY = makeDnskeyType('CDNSKEY', 60, 'Child copy of a DNSKEY, published for the parent to create DS records from (`0 3 0 AA==` requests DS removal).', 'RFC 7344 §3.2');

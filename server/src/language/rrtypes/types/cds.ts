import { makeDsType } from './ds';

/** RFC 7344 §3.1; `0 0 0 00` asks the parent to remove the DS set (RFC 8078 §4). */
export const CDS = makeDsType('CDS', 59, 'Child copy of a DS record, published in the child zone for the parent to pick up (`0 0 0 00` requests DS removal).', 'RFC 7344 §3.1');

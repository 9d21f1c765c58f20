import { makeTlsaType } from './tlsa';

/** RFC 8162 §2: same layout as TLSA, owner is a hash of the mailbox local part. */
export const SMIMEA = makeTlsaType('SMIMEA', 53, 'Binds an S/MIME certificate to an e-mail address (owner: SHA-256 of the local part under `_smimecert`).', 'RFC 8162 §2');

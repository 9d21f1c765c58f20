import { defineType, field } from '../define';
import { binary } from '../fields';

/** RFC 7929 §2: an OpenPGP public key for a mailbox. */
export const OPENPGPKEY = defineType({
  name: 'OPENPGPKEY',
  code: 61,
  summary: 'OpenPGP transferable public key for an e-mail address (owner: SHA-256 of the local part under `_openpgpkey`).',
  rfc: 'RFC 7929 §2',
  fields: [field('publicKey', binary('base64'), 'The OpenPGP key packet sequence in base64 (not ASCII-armoured); it may be split over several words.')],
});

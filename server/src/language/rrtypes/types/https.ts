import { makeSvcbType } from './svcb';

/** RFC 9460 §9: SVCB for HTTPS origins (owner `example.com` or `_8443._https.example.com`). */
export const HTTPS = makeSvcbType('HTTPS', 65, 'Service binding for HTTPS origins: alternative endpoints, ALPN protocols (h2, h3), address hints and ECH keys.', 'RFC 9460 §9');

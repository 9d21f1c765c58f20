/** Public surface of the SPF layer (RFC 7208): version check, parser, lookups, hover. */
export { spfVersionCheck, versionEndsAtStringBoundary, SPF_VERSION_LENGTH, type SpfVersionVerdict } from './version';
export { parseSpf } from './parse';
export { SpfParseCache } from './shared';
export { spfLookupTerms, spfLookupCount, SPF_LOOKUP_LIMIT, type SpfLookupTerm, type SpfLookupMechanism } from './lookups';
export { spfHoverAt, type SpfHover } from './hover';
export { checkExplanationText } from './explanation';
export { isIp4Network, isIp6Network } from './ipAddress';
export * from './types';

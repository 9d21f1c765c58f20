/**
 * Ids the lexer and parser report themselves (the syntax stage). They have no check function,
 * but they are rules like any other: a severity setting, a docs page, suppression.
 */
import type { Rule } from '../rule';
import { txtStringTooLong } from './txt-string-too-long';

function syntaxRule(id: string, defaultSeverity: Rule['defaultSeverity'], summary: string): Rule {
  return { id, defaultSeverity, summary, stage: 'syntax' };
}

export const syntaxRules: Rule[] = [
  syntaxRule('syntax-error', 'error', 'The text is not a well-formed zone file here: unbalanced parentheses, unterminated quotes, a record without a type.'),
  syntaxRule('unknown-type', 'error', 'The record type is not a known mnemonic or TYPEnnn.'),
  syntaxRule('unknown-directive', 'error', 'A `$` directive other than $ORIGIN, $TTL, $INCLUDE and $GENERATE.'),
  syntaxRule('directive-syntax', 'error', 'A directive with missing or malformed arguments.'),
  syntaxRule('rdata-invalid', 'error', 'A record field that does not parse for its type (bad address, number out of range, missing field).'),
  syntaxRule('rdata-questionable', 'warning', 'A record field that loads but is probably not what was meant.'),
  syntaxRule('name-invalid', 'error', 'A domain name that cannot exist: a label over 63 octets, a name over 255, an empty label, a bad escape.'),
  syntaxRule('file-encoding', 'error', 'The file is not ASCII or UTF-8 (it is UTF-16, say), which BIND does not read.'),
  syntaxRule('include-failed', 'error', 'An $INCLUDE that could not be read, would leave the workspace, or forms a cycle.'),
  syntaxRule('generate-invalid', 'error', 'A $GENERATE with a bad range, template or type, or one that exceeds the expansion limit.'),
  syntaxRule('class-mismatch', 'error', 'A record whose class differs from the zone class.'),
  syntaxRule('ttl-range', 'error', 'A TTL above 2147483647 (2^31-1), which resolvers treat as 0.'),
  txtStringTooLong,
  syntaxRule('large-zone', 'information', 'The zone is larger than the limit for cross-zone checks, which are skipped so the editor stays responsive.'),
  syntaxRule('internal-error', 'error', 'The checker itself failed on this input; please report it.'),
];

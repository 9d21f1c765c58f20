/**
 * Inputs that reach the regexes which were super-linear, the way a user reaches them: a zone text
 * through parse + validate, symbols and formatting, and a finding message through the CLI's text
 * output. Each scenario builds its input at a size n; paths.test.ts times n against 4n in a
 * worker thread (pathWorker.ts), so that a regression that never finishes is stopped and named.
 */
import assert from 'node:assert/strict';
import { parseDocument, validate, Workspace } from '../../server/src/language/languageService';
import { documentSymbols } from '../../server/src/language/features/symbols';
import { formatDocument } from '../../server/src/language/features/format/format';
import { formatText } from '../../server/src/cli/format/text';
import { countBySeverity, type Problem } from '../../server/src/cli/lint';

const HEAD = '$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2h 1h 2w 1h\n  NS ns1\n  NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n';

/** A TXT rdata holding `text`, cut into quoted strings of 255 characters. */
function txt(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(`"${text.slice(i, i + 255)}"`);
  return parts.join(' ');
}

function lint(text: string): void {
  const zone = parseDocument({ text, origin: 'example.com.' });
  const ws = new Workspace();
  ws.set('file:///example.com.zone', zone);
  assert.equal(validate(zone, ws).filter((d) => d.code === 'internal-error').length, 0);
}

const zoneOf = (text: string) => parseDocument({ text, origin: 'example.com.' });

export interface PathScenario {
  /** What it exercises and what it was before the fix. */
  title: string;
  n: number;
  make(n: number): unknown;
  run(input: unknown): void;
}

const problem = (n: number): Problem[] => [
  { path: '/z/example.com.zone', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'caa-syntax', message: `"a${' '.repeat(n)}b" is not an e-mail address` },
];

export const SCENARIOS: Record<string, PathScenario> = {
  suppression: { title: 'a suppression comment padded with blanks (was cubic: 3 000 blanks took 10 s)', n: 10_000, make: (n) => `${HEAD}; zonelint-disable${' '.repeat(n)}X\n`, run: (t) => lint(t as string) },
  spfSlashes: { title: 'an SPF include with a run of slashes (was exponential: 36 slashes took 2 s, x1.5 per slash)', n: 4_000, make: (n) => `${HEAD}@ TXT ${txt(`v=spf1 include:a${'/'.repeat(n)}x -all`)}\n`, run: (t) => lint(t as string) },
  spfToplabel: { title: 'an SPF domain-spec whose long last label fails (was quadratic)', n: 10_000, make: (n) => `${HEAD}@ TXT ${txt(`v=spf1 include:a.${'a'.repeat(n)}! -all`)}\n`, run: (t) => lint(t as string) },
  caaIodef: { title: 'a CAA iodef mailto: value full of dots (was quadratic)', n: 8_000, make: (n) => `${HEAD}c CAA 0 iodef "mailto:a@${'a.'.repeat(n)}@"\n`, run: (t) => lint(t as string) },
  caaContact: { title: 'a CAA contactemail value full of dots (was quadratic)', n: 8_000, make: (n) => `${HEAD}c CAA 0 contactemail "a@${'a.'.repeat(n)}@"\n`, run: (t) => lint(t as string) },
  dohpath: { title: 'an HTTPS dohpath `{dns,dns,...` that never closes (was quadratic)', n: 3_000, make: (n) => `${HEAD}h HTTPS 1 . alpn=h2 dohpath="/{${'dns,'.repeat(n)}"\n`, run: (t) => lint(t as string) },
  rdataText: { title: 'symbols of a broken record with a long run of blanks in its data (was quadratic)', n: 20_000, make: (n) => zoneOf(`${HEAD}x A ( 192.0.2.1${' '.repeat(n)}junk )\n`), run: (z) => documentSymbols(z as ReturnType<typeof zoneOf>) },
  formatComment: { title: 'formatting a comment line with a long run of blanks inside (was quadratic)', n: 20_000, make: (n) => zoneOf(`${HEAD}; a${' '.repeat(n)}b\n`), run: (z) => formatDocument(z as ReturnType<typeof zoneOf>) },
  cliText: { title: 'the CLI text output of a message with a long run of blanks (was quadratic)', n: 20_000, make: problem, run: (ps) => formatText(ps as Problem[], countBySeverity(ps as Problem[]), (p) => p) },
};

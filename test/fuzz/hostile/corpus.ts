/**
 * The hostile-input corpus: the small files of test/fixtures/hostile and the large ones made at
 * test time, each with what it must produce. Both the CLI test and the language-server test
 * read this list, so the two front ends are held to the same findings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile');

const HEAD = '$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 hostmaster 1 2h 1h 2w 1h\n  NS ns1\n  NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n';

export interface HostileCase {
  name: string;
  /** File name in the corpus directory (a fixture, or made by `make`). */
  file: string;
  /** Writes a generated file into `dir`. */
  make?: (file: string) => void;
  /** Rule ids that must be among the findings. */
  rules: string[];
  /** A message of one of the findings must match each of these (the clear diagnostic). */
  messages?: RegExp[];
  /**
   * The same for the language server, when it differs: it publishes findings of the document
   * only, so a problem inside an included file shows as the include's summary.
   */
  serverMessages?: RegExp[];
  /**
   * Rule ids for the language server, when they differ: it gets the text as the editor decoded it
   * (here: as UTF-8), where the CLI reads the file's bytes.
   */
  serverRules?: string[];
  /** Extra CLI arguments. */
  cliArgs?: string[];
  /** Allowed CLI exit codes (1: error findings, 0: none). */
  exit: number[];
  /** Whether the record `after` (or `many`, ...) must be in the model: parsing went on. */
  large?: boolean;
}

const s255 = `"${'x'.repeat(255)}"`;

export const CASES: HostileCase[] = [
  { name: 'a 10 MB line', file: 'line-10mb.zone', make: (f) => fs.writeFileSync(f, `${HEAD}x TXT ${'a'.repeat(10 * 1024 * 1024)}\n`), rules: ['rdata-invalid', 'txt-string-too-long'], messages: [/65535/], exit: [1], large: true },
  { name: 'a 64 KB TXT record', file: 'txt-64kb.zone', make: (f) => fs.writeFileSync(f, `${HEAD}big TXT ${Array(256).fill(s255).join(' ')}\nfits TXT ${Array(250).fill(s255).join(' ')}\n`), rules: ['rdata-invalid'], messages: [/TXT rdata is 65536 octets; the limit is 65535/], exit: [1], large: true },
  {
    name: '100 000 records at one name',
    file: 'records-100k.zone',
    make: (f) => {
      const lines = [HEAD, 'many A 10.0.0.0\n'];
      for (let i = 1; i < 100_000; i++) lines.push(`  A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n`);
      fs.writeFileSync(f, lines.join(''));
    },
    rules: [],
    exit: [0],
    large: true,
  },
  { name: 'a 100 000-step $GENERATE', file: 'generate-100k.zone', make: (f) => fs.writeFileSync(f, `${HEAD}$GENERATE 1-100000 host$ A 10.0.0.1\n`), rules: ['generate-invalid'], messages: [/only the first 65536/], exit: [1], large: true },
  { name: 'deep and unbalanced parentheses', file: 'deep-parens.zone', rules: ['syntax-error'], messages: [/never closed/], exit: [1] },
  { name: 'unterminated quotes', file: 'unterminated-quote.zone', rules: ['syntax-error'], messages: [/unterminated quoted string/], exit: [1] },
  { name: 'NUL and control bytes', file: 'nul-control.zone', rules: ['name-invalid'], exit: [1] },
  { name: 'invalid UTF-8', file: 'invalid-utf8.zone', rules: ['name-syntax'], exit: [0, 1] },
  { name: 'mixed line endings', file: 'mixed-eol.zone', rules: [], exit: [0] },
  { name: 'a UTF-8 byte order mark', file: 'bom-utf8.zone', rules: [], exit: [0] },
  { name: 'a UTF-16 file with its byte order mark', file: 'bom-utf16le.zone', rules: ['file-encoding'], messages: [/This file is UTF-16LE \(with a byte-order mark\)/], serverRules: ['name-invalid'], serverMessages: [], exit: [1] },
  {
    name: 'an $INCLUDE cycle',
    file: 'include-cycle-a.zone',
    rules: ['include-failed'],
    messages: [/\$INCLUDE cycle: .*include-cycle-a\.zone -> .*include-cycle-b\.inc -> .*include-cycle-a\.zone/],
    serverMessages: [/1 error in included file .*include-cycle-b\.inc/],
    exit: [1],
  },
  { name: 'a file that includes itself', file: 'include-self.zone', rules: ['include-failed'], messages: [/\$INCLUDE cycle/], exit: [1] },
  { name: '$INCLUDE of a missing file', file: 'include-missing.zone', rules: ['include-failed'], messages: [/\$INCLUDE file not found: .*does-not-exist\.inc/], exit: [1] },
  { name: '$INCLUDE of a directory', file: 'include-directory.zone', rules: ['include-failed'], messages: [/a-directory is not a regular file/], exit: [1] },
  { name: '$INCLUDE of /dev/zero', file: 'include-dev-zero.zone', rules: ['include-failed'], messages: [/\/dev\/zero is outside the workspace/], exit: [1] },
  { name: '$INCLUDE of /dev/zero, includes outside allowed', file: 'include-dev-zero.zone', cliArgs: ['--allow-include-outside'], rules: ['include-failed'], messages: [/\/dev\/zero is not a regular file/], exit: [1] },
  { name: '$INCLUDE of a path outside the workspace', file: 'include-outside.zone', rules: ['include-failed'], messages: [/is outside the workspace and was not read/], exit: [1] },
];

/**
 * A temporary copy of the corpus with the generated files and the directory `a-directory`;
 * `remove` deletes it. Generated files are made only for the cases asked for.
 */
export function corpusDir(cases: readonly HostileCase[] = CASES): { dir: string; remove(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-hostile-')));
  for (const name of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  fs.mkdirSync(path.join(dir, 'a-directory'));
  for (const c of cases) if (c.make && !fs.existsSync(path.join(dir, c.file))) c.make(path.join(dir, c.file));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A Node stack frame (`    at fn (file.js:1:2)`): never in what a user sees. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

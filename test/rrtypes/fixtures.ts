/** Reads the oracle files in test/fixtures/rrtypes (see make-oracle.mjs there for how they were made). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Compiled to out/test/rrtypes/; the fixtures stay in the source tree.
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'rrtypes');

function unescape(s: string): string {
  return s.replace(/\\([\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function rows(file: string): string[][] {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export interface ValidCase {
  type: string;
  rdata: string;
  hex: string;
  /** BIND 9.18's presentation of the rdata (names absolute). */
  bind: string;
  secondOpinion: string;
}

export function validCases(): ValidCase[] {
  return rows('valid.tsv').map(([type, rdata, hex, bind, secondOpinion]) => ({ type, rdata: unescape(rdata), hex, bind, secondOpinion }));
}

export interface InvalidCase {
  type: string;
  /** The rdata without the markers. */
  rdata: string;
  /** Offsets in `rdata` of the range our error must cover. */
  from: number;
  to: number;
  bindError: string;
}

export function invalidCases(): InvalidCase[] {
  return rows('invalid.tsv').map(([type, marked, bindError]) => {
    const text = unescape(marked);
    const from = text.indexOf('⟦');
    const to = text.indexOf('⟧') - 1;
    return { type, rdata: text.replace(/[⟦⟧]/g, ''), from, to, bindError };
  });
}

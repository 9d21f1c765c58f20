/**
 * Random edits for the soak test, the kinds an editor sends: typing a few characters, pasting a
 * record line, deleting a stretch, pasting junk, breaking or joining lines. Offsets into the
 * current text; the test turns them into LSP ranges.
 */

import { prng } from '../helpers/prng';

/** mulberry32 (test/helpers/prng.ts), under the name the soak uses. */
export const mulberry32 = prng;

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

const RECORDS = [
  'www IN A 192.0.2.10\n',
  'mail IN MX 10 mx.example.com\n',
  '@ IN TXT "v=spf1 include:_spf.example.com ~all"\n',
  '_dmarc IN TXT "v=DMARC1; p=none"\n',
  'alias IN CNAME www\n',
  'x IN TXT ( "a" ; c\n "b" )\n',
  '$GENERATE 1-20 h$ A 10.0.0.$\n',
  '$ORIGIN sub.example.com.\n',
];
const JUNK = ['(', ')', '"', '\\', ';', '$', '@', '\t', '\0', '\ufffd', '\r\n', '\r', '{', 'é'];
const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789. ';

export function randomEdit(text: string, rand: () => number): OffsetEdit {
  const at = Math.floor(rand() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const k = rand();
  if (k < 0.35) {
    let typed = '';
    const n = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) typed += TYPED[Math.floor(rand() * TYPED.length)];
    return { start: at, end: at, text: typed };
  }
  if (k < 0.55) return { start: lineStart, end: lineStart, text: pick(RECORDS) };
  if (k < 0.75) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rand() * 40)), text: '' };
  if (k < 0.85) return { start: at, end: at, text: pick(JUNK) };
  if (k < 0.95) return { start: at, end: at, text: '\n' };
  // Replace a stretch: a paste over a selection.
  return { start: at, end: Math.min(text.length, at + Math.floor(rand() * 20)), text: pick(RECORDS) + pick(JUNK) };
}

/**
 * Which tokens of a block's first line are the owner, TTL, class and type, decided exactly as
 * the parser decides them (parser.ts): the owner is a token at the start of the line, then at
 * most two tokens that are a TTL (starts with a digit) or a class, then the type.
 */
import type { Block, Item } from './blocks';

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'NONE', 'ANY']);

export function isClassToken(t: string): boolean {
  const u = t.toUpperCase();
  return CLASSES.has(u) || /^CLASS[0-9]{1,5}$/.test(u);
}

export type BlockShape =
  | { kind: 'blank' }
  /** A `$` directive, or a record whose first line cannot be laid out in columns. */
  | { kind: 'free'; hasOwner: boolean }
  | { kind: 'record'; owner?: Item; ttl?: Item; cls?: Item; type: Item; /** Items of the first line after the type. */ rest: Item[] };

export function blockShape(text: string, block: Block): BlockShape {
  if (!block.hasTokens) return { kind: 'blank' };
  const first = block.lines.findIndex((l) => l.items.length > 0);
  const line = block.lines[first];
  const items = line.items;
  const head = items[0];
  const hasOwner = first === 0 && head.start === line.start && (head.kind === 'word' || head.kind === 'quoted');
  if (first !== 0) return { kind: 'free', hasOwner: false };
  // The lexer reads an owner on any line that does not start with blank space, `)` or `;`: also
  // after a `(` in column 0 (`(www A 192.0.2.1)`), so that line must stay in column 0.
  if (head.start === line.start && head.kind === 'open') return { kind: 'free', hasOwner: true };
  if (hasOwner && head.kind === 'word' && text.charCodeAt(head.start) === 0x24) return { kind: 'free', hasOwner };
  let k = 0;
  let owner: Item | undefined;
  if (hasOwner) owner = items[k++];
  let ttl: Item | undefined;
  let cls: Item | undefined;
  for (let n = 0; n < 2 && k < items.length; n++) {
    const it = items[k];
    if (it.kind !== 'word' && it.kind !== 'quoted') break;
    const t = text.slice(it.start, it.end);
    const c0 = t.charCodeAt(0);
    if (!ttl && it.kind === 'word' && c0 >= 0x30 && c0 <= 0x39) ttl = it;
    else if (!cls && isClassToken(t)) cls = it;
    else break;
    k++;
  }
  const type = items[k];
  // Parentheses or a comment before the type, or no type on this line: keep the tokens in order.
  if (!type || (type.kind !== 'word' && type.kind !== 'quoted')) return { kind: 'free', hasOwner };
  // Columns put blank space after each of these; where the source had none, keep the tokens as they are.
  for (let i = 0; i <= k && i + 1 < items.length; i++) if (items[i].end === items[i + 1].start) return { kind: 'free', hasOwner };
  return { kind: 'record', owner, ttl, cls, type, rest: items.slice(k + 1) };
}

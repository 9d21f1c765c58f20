/**
 * A small YAML reader for exactly the subset the openspf test suites use (rfc7208-tests.yml,
 * rfc4408-tests.yml): `---` separated documents; block mappings and sequences (including
 * `- key: value` items); plain, single- and double-quoted scalars, multi-line plain scalars;
 * `|` / `>` block scalars with chomping indicators; one-line flow sequences; `#` comments.
 * Plain scalars resolve with the YAML 1.2 core schema (null, booleans, ints, floats).
 * Anchors, tags, flow mappings and complex keys are not supported and throw.
 */

export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
  number: number;
}

class YamlError extends Error {
  constructor(message: string, line?: Line) {
    super(line ? `line ${line.number}: ${message}` : message);
  }
}

/** Parses every document of a multi-document YAML text. */
export function loadAllYaml(source: string): YamlValue[] {
  const docs: Line[][] = [];
  let current: Line[] | undefined;
  source.split(/\r?\n/).forEach((raw, i) => {
    if (/^---\s*$/.test(raw)) {
      current = [];
      docs.push(current);
      return;
    }
    if (/^\.\.\.\s*$/.test(raw)) {
      current = undefined;
      return;
    }
    if (!current) {
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      current = [];
      docs.push(current);
    }
    if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new YamlError('tab indentation', { indent: 0, text: raw, number: i + 1 });
    const text = raw.trimStart();
    current.push({ indent: raw.length - text.length, text, number: i + 1 });
  });
  return docs.map((lines) => new Reader(lines).document());
}

const isBlank = (l: Line): boolean => l.text === '' || l.text.startsWith('#');

class Reader {
  private pos = 0;
  constructor(private readonly lines: Line[]) {}

  document(): YamlValue {
    const value = this.node(0);
    this.skipBlank();
    if (this.pos < this.lines.length) throw new YamlError('unexpected content', this.lines[this.pos]);
    return value;
  }

  private skipBlank(): void {
    while (this.pos < this.lines.length && isBlank(this.lines[this.pos])) this.pos++;
  }

  private peek(): Line | undefined {
    this.skipBlank();
    return this.lines[this.pos];
  }

  /** A block node whose lines are indented at least `minIndent`. */
  private node(minIndent: number): YamlValue {
    const line = this.peek();
    if (!line || line.indent < minIndent) return null;
    if (isSequenceItem(line.text)) return this.sequence(line.indent);
    if (keyOf(line.text)) return this.mapping(line.indent);
    this.pos++;
    return this.inlineValue(line.text, line, line.indent - 1);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSequenceItem(line.text); line = this.peek()) {
      const content = line.text.slice(1).trimStart();
      if (content === '' || content.startsWith('#')) {
        this.pos++;
        items.push(this.node(indent + 1));
      } else if (keyOf(content)) {
        // `- key: value`: the item is a mapping whose keys sit where `key` starts.
        const column = indent + (line.text.length - content.length);
        this.lines[this.pos] = { indent: column, text: content, number: line.number };
        items.push(this.mapping(column));
      } else {
        this.pos++;
        items.push(this.inlineValue(content, line, indent));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const map: { [key: string]: YamlValue } = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const key = keyOf(line.text);
      if (!key) throw new YamlError('expected a mapping key', line);
      this.pos++;
      const rest = line.text.slice(key.length).trim();
      let value: YamlValue;
      if (rest === '' || rest.startsWith('#')) {
        const next = this.peek();
        // A sequence may sit at the same indentation as its key.
        value = next && next.indent === indent && isSequenceItem(next.text) ? this.sequence(indent) : this.node(indent + 1);
      } else {
        value = this.inlineValue(rest, line, indent);
      }
      map[key.name] = value;
    }
    return map;
  }

  /** A value that starts on the current line, after `key:` or `- `; `parent` is the owner's indent. */
  private inlineValue(text: string, line: Line, parent: number): YamlValue {
    if (/^[&*!]/.test(text) || text.startsWith('{')) throw new YamlError('unsupported YAML feature', line);
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(text)) return this.blockScalar(text, parent);
    if (text.startsWith('[')) return this.flowSequence(text, line, parent);
    if (text.startsWith('"') || text.startsWith("'")) {
      const full = this.quotedContinuation(text, parent);
      const { value, end } = readQuoted(full, 0, line);
      const after = full.slice(end).trim();
      if (after !== '' && !after.startsWith('#')) throw new YamlError('text after a quoted scalar', line);
      return value;
    }
    return resolvePlain(this.plainContinuation(stripComment(text), parent));
  }

  /** Joins the lines of a multi-line quoted scalar (line breaks fold later, in readQuoted). */
  private quotedContinuation(text: string, parent: number): string {
    let full = text;
    while (!closesQuote(full) && this.pos < this.lines.length && this.lines[this.pos].indent > parent) {
      full += '\n' + this.lines[this.pos].text;
      this.pos++;
    }
    return full;
  }

  /** Continuation lines of a plain scalar are those indented more than its owner. */
  private plainContinuation(first: string, parent: number): string {
    let value = first;
    let pendingBreaks = 0;
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.text === '') {
        pendingBreaks++;
        this.pos++;
        continue;
      }
      if (line.indent <= parent || line.text.startsWith('#')) break;
      value += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
      value += stripComment(line.text);
      pendingBreaks = 0;
      this.pos++;
    }
    return value;
  }

  private blockScalar(header: string, parent: number): string {
    const folded = header[0] === '>';
    const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
    const explicit = /[0-9]/.exec(header);
    const body: string[] = [];
    let contentIndent = explicit ? parent + Number(explicit[0]) : -1;
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.text !== '') {
        if (contentIndent < 0) contentIndent = line.indent;
        if (line.indent < contentIndent || line.indent <= parent) break;
      }
      body.push(line.text === '' ? '' : ' '.repeat(line.indent - contentIndent) + line.text);
      this.pos++;
    }
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    let text = folded ? foldLines(body) : body.join('\n');
    if (body.length > 0 && chomp !== 'strip') text += '\n';
    if (chomp === 'keep') text += '\n'.repeat(trailing);
    return text;
  }

  private flowSequence(text: string, line: Line, parent: number): YamlValue[] {
    let full = stripComment(text);
    while (!full.trimEnd().endsWith(']') && this.pos < this.lines.length && this.lines[this.pos].indent > parent) {
      full += ' ' + stripComment(this.lines[this.pos].text);
      this.pos++;
    }
    const items: YamlValue[] = [];
    let i = 1;
    const skipSpace = (): void => {
      while (full[i] === ' ') i++;
    };
    skipSpace();
    if (full[i] === ']') return items;
    for (;;) {
      skipSpace();
      if (full[i] === '"' || full[i] === "'") {
        const q = readQuoted(full, i, line);
        items.push(q.value);
        i = q.end;
      } else {
        const end = full.slice(i).search(/[,\]]/);
        if (end < 0) throw new YamlError('unterminated flow sequence', line);
        items.push(resolvePlain(full.slice(i, i + end).trim()));
        i += end;
      }
      skipSpace();
      if (full[i] === ',') {
        i++;
        continue;
      }
      if (full[i] === ']') break;
      throw new YamlError('malformed flow sequence', line);
    }
    if (full.slice(i + 1).trim() !== '') throw new YamlError('text after a flow sequence', line);
    return items;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** The key of a `key: value` line: its source length (through the ':') and its name. */
function keyOf(text: string): { name: string; length: number } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = readQuoted(text, 0);
    if (typeof q.value === 'string' && /^:(\s|$)/.test(text.slice(q.end))) return { name: q.value, length: q.end + 1 };
    return undefined;
  }
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[^\s]/.test(text)) return undefined;
  const m = /^(.*?):(\s|$)/.exec(text);
  if (!m || m[1].includes(' #')) return undefined;
  return { name: m[1].trim(), length: m[1].length + 1 };
}

function stripComment(text: string): string {
  const m = /\s#/.exec(text);
  return (m ? text.slice(0, m.index) : text).trim();
}

/** Whether `text` (starting with a quote) contains its closing quote. */
function closesQuote(text: string): boolean {
  try {
    readQuoted(text, 0);
    return true;
  } catch {
    return false;
  }
}

/** Reads a quoted scalar starting at `start`; line breaks inside fold to spaces. */
function readQuoted(text: string, start: number, line?: Line): { value: string; end: number } {
  const quote = text[start];
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    if (ch === '\n') {
      // Fold: trailing spaces go, one break becomes a space, n+1 breaks become n newlines.
      out = out.replace(/[ \t]+$/, '');
      let breaks = 0;
      while (text[i] === '\n' || text[i] === ' ' || text[i] === '\t') {
        if (text[i] === '\n') breaks++;
        i++;
      }
      out += breaks > 1 ? '\n'.repeat(breaks - 1) : ' ';
      continue;
    }
    if (quote === '"' && ch === '\\') {
      const { value, length } = readEscape(text, i, line);
      out += value;
      i += length;
      continue;
    }
    out += ch;
    i++;
  }
  throw new YamlError('unterminated quoted scalar', line);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

function readEscape(text: string, at: number, line?: Line): { value: string; length: number } {
  const c = text[at + 1];
  if (c in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[c], length: 2 };
  const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  const hex = text.slice(at + 2, at + 2 + hexLength);
  if (hexLength === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== hexLength) {
    throw new YamlError(`bad escape \\${c}`, line);
  }
  return { value: String.fromCodePoint(parseInt(hex, 16)), length: 2 + hexLength };
}

/**
 * Folding of `>` block scalars (YAML 1.2 §8.1.3): a break between two ordinary lines becomes a
 * space; each blank line becomes a newline (the break before a blank run is dropped when the
 * lines on both sides are ordinary); lines indented further keep their breaks.
 */
function foldLines(lines: string[]): string {
  const moreIndented = (s: string | undefined): boolean => s !== undefined && s.startsWith(' ');
  let out = '';
  let beforeBlanks: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0) {
      out = line;
      if (line === '') beforeBlanks = undefined;
      continue;
    }
    const prev = lines[i - 1];
    if (line === '') {
      if (prev !== '') beforeBlanks = prev;
      out += '\n';
    } else if (prev === '') {
      const folded = beforeBlanks !== undefined && !moreIndented(beforeBlanks) && !moreIndented(line);
      if (!folded) out += '\n';
      out += line;
    } else {
      out += (moreIndented(prev) || moreIndented(line) ? '\n' : ' ') + line;
    }
  }
  return out;
}

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(text: string): YamlValue {
  if (/^(?:~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

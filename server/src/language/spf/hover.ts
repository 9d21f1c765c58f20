/**
 * `spfHoverAt`: markdown documentation for whatever sits under a document offset in a parsed
 * SPF record: a macro, a qualifier, a mechanism or modifier, or the version tag.
 */
import type { OffsetRange } from '../text/finding';
import {
  MACRO_ESCAPE_DOCS,
  MACRO_LETTER_DOCS,
  MECHANISM_DOCS,
  MODIFIER_DOCS,
  QUALIFIER_DOCS,
  UNKNOWN_MODIFIER_DOC,
  VERSION_DOC,
  type SpfTermDoc,
} from './hoverText';
import type { SpfMacro, SpfRecord, SpfTerm } from './types';

export interface SpfHover {
  markdown: string;
  /** The range the hover describes (the macro, qualifier, term or version tag). */
  range: OffsetRange;
}

const contains = (r: OffsetRange, offset: number): boolean => r.start <= offset && offset < r.end;

/** Documentation for the SPF element at document `offset`, or undefined if there is none. */
export function spfHoverAt(record: SpfRecord, offset: number): SpfHover | undefined {
  if (contains(record.versionRange, offset)) return { markdown: renderDoc(VERSION_DOC), range: record.versionRange };
  const term = record.terms.find((t) => contains(t.range, offset));
  if (!term) return undefined;
  const macro = term.macros.find((m) => contains(m.range, offset));
  if (macro) {
    const markdown = macroMarkdown(macro, term);
    return markdown ? { markdown, range: macro.range } : undefined;
  }
  if (term.qualifierRange && contains(term.qualifierRange, offset)) {
    const markdown = qualifierMarkdown(term);
    return markdown ? { markdown, range: term.qualifierRange } : undefined;
  }
  const doc = termDoc(term);
  if (!doc) return undefined;
  let markdown = renderDoc(doc);
  if (term.kind === 'mechanism' && term.name !== 'all' && term.name !== 'ptr') {
    // Remind what the written (or implicit) qualifier does for this term.
    const q = QUALIFIER_DOCS[term.qualifier];
    markdown += `\n\nWith qualifier \`${term.qualifier}\`${term.qualifierExplicit ? '' : ' (implicit)'}, a match gives **${q.result}**.`;
  } else if (term.kind === 'mechanism' && term.name === 'all') {
    markdown += `\n\n\`${term.qualifier}all\` gives **${QUALIFIER_DOCS[term.qualifier].result}** for every sender not matched earlier.`;
  }
  return { markdown, range: term.range };
}

function termDoc(term: SpfTerm): SpfTermDoc | undefined {
  if (term.kind === 'mechanism') return MECHANISM_DOCS[term.name];
  if (term.kind === 'modifier') return MODIFIER_DOCS[term.name];
  if (term.kind === 'unknown-modifier') return { ...UNKNOWN_MODIFIER_DOC, title: `${term.name}= (unknown modifier)` };
  return undefined;
}

function renderDoc(doc: SpfTermDoc): string {
  const lookups = doc.lookups ?? 'none; this term never queries DNS';
  return [`**SPF \`${doc.title}\`** (RFC 7208 ${doc.section})`, '', doc.body, '', `**DNS lookups:** ${lookups}.`].join('\n');
}

function qualifierMarkdown(term: SpfTerm): string | undefined {
  const doc = QUALIFIER_DOCS[term.text[0]];
  if (!doc) return undefined;
  return [
    `**SPF qualifier \`${term.text[0]}\`: ${doc.result}** (RFC 7208 §4.6.2)`,
    '',
    `When \`${term.text.slice(1)}\` matches, the result is ${doc.result}: ${doc.meaning}`,
  ].join('\n');
}

function macroMarkdown(macro: SpfMacro, term: SpfTerm): string | undefined {
  const escape = MACRO_ESCAPE_DOCS[macro.text];
  if (escape) return `**SPF macro \`${macro.text}\`** (RFC 7208 §7.1)\n\nExpands to ${escape}.`;
  if (macro.letter === undefined) return undefined;
  const letter = MACRO_LETTER_DOCS[macro.letter];
  const lines = [`**SPF macro \`${macro.text}\`** (RFC 7208 §7.2)`, '', `\`${macro.letter}\` expands to ${letter.meaning}.`];
  if (letter.expOnly) {
    const allowed = term.kind === 'unknown-modifier';
    lines.push('', `This letter is allowed only in explanation text (the TXT record named by \`exp=\`)${allowed ? '' : ', not here'}.`);
  }
  const transforms: string[] = [];
  // In the order RFC 7208 §7.3 applies them: split, reverse, keep the rightmost parts.
  if (macro.delimiters) transforms.push(`split on \`${macro.delimiters}\` instead of \`.\` (parts are rejoined with dots)`);
  if (macro.reverse) transforms.push('reverse the order of the parts');
  if (macro.digits !== undefined) transforms.push(`keep only the rightmost ${macro.digits} part(s)`);
  if (macro.urlEscape) transforms.push('URL-encode the result (upper-case letter)');
  if (transforms.length > 0) lines.push('', `Transformers (RFC 7208 §7.3): ${transforms.join('; ')}.`);
  return lines.join('\n');
}

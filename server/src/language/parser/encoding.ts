/**
 * The file-encoding finding: whoever read a file's bytes (the CLI, the $INCLUDE reader) says when
 * it was not ASCII/UTF-8 (node/zoneFileBytes.ts), and the parser reports it once, for the document
 * on its first line and for an included file at its $INCLUDE.
 */

/** What BIND makes of a zone file that is not ASCII/UTF-8, for the file-encoding finding. */
export function encodingMessage(subject: string, encoding: string): string {
  return `${subject} is ${encoding}. BIND reads zone files as bytes, ASCII or UTF-8, so named-checkzone refuses it: save it as UTF-8. Its records are checked here as the text it decodes to.`;
}

/** The end of the first line (where a finding about the whole file is shown). */
export function firstLineEnd(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  return i;
}

/**
 * Document links for `$INCLUDE` paths, resolved relative to the including document the way the
 * include reader resolves them (an absolute path stays as it is).
 */
import type { Zone } from '../model/zone';
import { documentDirectives } from './locate';
import type { OffsetRange } from './types';

export interface DocumentLinkEntry {
  range: OffsetRange;
  /** The target as a URI, or undefined when it cannot be resolved (an untitled document and a relative path). */
  target?: string;
  tooltip: string;
}

/** Characters a file path may hold that would change the meaning of a URI reference. */
function encodePath(p: string): string {
  return p.replace(/[%#?]/g, (c) => encodeURIComponent(c)).replace(/\\/g, '/');
}

/** The URI of `includePath` as seen from the document at `documentUri`. */
export function resolveIncludeUri(documentUri: string | undefined, includePath: string): string | undefined {
  if (/^[A-Za-z]:[\\/]/.test(includePath)) return new URL(`file:///${encodePath(includePath)}`).href;
  if (includePath.startsWith('/')) return new URL(`file://${encodePath(includePath)}`).href;
  if (!documentUri || !documentUri.startsWith('file:')) return undefined;
  try {
    return new URL(encodePath(includePath), documentUri).href;
  } catch {
    return undefined;
  }
}

export function documentLinks(zone: Zone, documentUri: string | undefined): DocumentLinkEntry[] {
  const out: DocumentLinkEntry[] = [];
  for (const d of documentDirectives(zone)) {
    if (d.name !== '$INCLUDE' || d.args.length === 0) continue;
    const a = d.args[0];
    const quoted = zone.text.charCodeAt(a.start) === 0x22;
    const range = quoted ? { start: a.start + 1, end: a.start + 1 + a.text.length } : { start: a.start, end: a.end };
    const target = resolveIncludeUri(documentUri, a.text);
    out.push({ range, target, tooltip: target ? `Open ${a.text}` : `${a.text} (relative to an unsaved document: cannot be resolved)` });
  }
  return out;
}

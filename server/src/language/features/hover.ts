/**
 * Hover: what lies under a document offset, explained. Directives, then the record's parts:
 * owner, TTL, class, type, and rdata fields (inside TXT records the SPF term or mail tag).
 */
import type { Zone } from '../model/zone';
import type { Workspace } from '../workspace/workspace';
import type { HoverResult } from './types';
import { directiveAt, partAt, recordAt, txtStrings } from './locate';
import { classHover, ownerHover, ttlHover, typeHover } from './hoverRecord';
import { fieldHover } from './hoverFields';
import { txtHover } from './hoverText';
import { directiveHover } from './hoverDirective';

export function hoverAt(zone: Zone, offset: number, workspace?: Workspace): HoverResult | undefined {
  const d = directiveAt(zone, offset);
  if (d) return directiveHover(zone, d, offset);
  const r = recordAt(zone, offset);
  if (!r) return undefined;
  const part = partAt(r, offset);
  if (!part) return undefined;
  const range = { start: part.start, end: part.end };
  switch (part.kind) {
    case 'owner':
      return { markdown: ownerHover(zone, r), range };
    case 'ttl':
      return { markdown: ttlHover(r, zone.text.slice(part.start, part.end)), range };
    case 'class':
      return { markdown: classHover(r.class), range };
    case 'type':
      return { markdown: typeHover(r), range };
    case 'field': {
      const strings = txtStrings(r);
      if (strings) {
        const inner = txtHover(zone, r, strings, offset, workspace);
        if (inner) return inner;
      }
      return { markdown: fieldHover(zone, r, part.field, part.index, workspace), range };
    }
  }
}

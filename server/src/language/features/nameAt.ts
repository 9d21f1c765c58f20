/**
 * The domain name under the cursor, for navigation and rename: a record's owner, a name-valued
 * rdata field (MX exchange, CNAME/NS/PTR/DNAME target, SRV target, SOA names, ...), or the
 * domain of an SPF term that names one (`include:`, `a:`, `mx:`, `exists:`, `ptr:`, `redirect=`).
 */
import type { Zone } from '../model/zone';
import type { ZoneRecord } from '../model/types';
import type { RdataField } from '../rrtypes/spec';
import { rrTypeByName } from '../rrtypes/registry';
import type { SpfTerm } from '../spf';
import { partAt, recordAt, txtStrings } from './locate';
import { spfOf } from './hoverText';
import type { OffsetRange } from './types';

export type NameRole = 'owner' | 'target' | 'spf';

export interface NameAtCursor {
  /** Canonical absolute name. */
  name: string;
  role: NameRole;
  range: OffsetRange;
  record: ZoneRecord;
  field?: RdataField;
  term?: SpfTerm;
}

const SPF_NAME_TERMS = new Set(['include', 'a', 'mx', 'exists', 'ptr', 'redirect']);

/** Whether a field of `type` holds a domain name. */
export function isNameField(type: string, fieldName: string): boolean {
  return rrTypeByName(type)?.fields.find((f) => f.name === fieldName)?.kind === 'name';
}

/** The canonical absolute name an SPF term's domain-spec stands for, when it has no macros. */
export function spfTermName(term: SpfTerm): string | undefined {
  if (!SPF_NAME_TERMS.has(term.name) || !term.domainSpec || term.macros.length > 0 || !term.domainSpecRange) return undefined;
  return term.domainSpec.toLowerCase().replace(/\.?$/, '.');
}

export function nameAt(zone: Zone, offset: number): NameAtCursor | undefined {
  const record = recordAt(zone, offset);
  if (!record) return undefined;
  const part = partAt(record, offset);
  if (!part) return undefined;
  if (part.kind === 'owner') return { name: record.owner, role: 'owner', range: { start: part.start, end: part.end }, record };
  if (part.kind !== 'field') return undefined;
  const f = part.field;
  if (typeof f.value === 'string' && isNameField(record.type, f.name)) {
    return { name: f.value, role: 'target', range: { start: f.start, end: f.end }, record, field: f };
  }
  const strings = txtStrings(record);
  const spf = strings && spfOf(strings);
  if (!spf) return undefined;
  for (const term of spf.terms) {
    const name = spfTermName(term);
    const r = term.domainSpecRange;
    if (name && r && r.start <= offset && offset <= r.end) return { name, role: 'spf', range: r, record, term };
  }
  return undefined;
}

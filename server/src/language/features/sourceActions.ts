/**
 * Whole-document source actions (not tied to a diagnostic): "Bump SOA serial" and "Sort
 * records". Each is offered only when it would change something.
 */
import type { TextEdit } from '../checks/rule';
import type { Zone } from '../model/zone';
import { bumpSerial } from './serial';
import { sortRecords } from './sortRecords';

export const BUMP_SERIAL_KIND = 'source.bumpSerial.zonelint';
export const SORT_RECORDS_KIND = 'source.sortRecords.zonelint';
export const SOURCE_ACTION_KINDS = [BUMP_SERIAL_KIND, SORT_RECORDS_KIND] as const;

export interface SourceAction {
  title: string;
  kind: string;
  edits: TextEdit[];
}

/** Whether an action of `kind` answers a request restricted to `only` (a kind matches its prefixes). */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only) return false;
  return only.some((k) => k === kind || kind.startsWith(k + '.'));
}

export function sourceActions(zone: Zone, today: Date, only?: readonly string[]): SourceAction[] {
  const out: SourceAction[] = [];
  if (kindRequested(BUMP_SERIAL_KIND, only)) {
    const bump = bumpSerial(zone, today);
    if (bump) out.push({ title: `Bump SOA serial (${bump.oldSerial} → ${bump.newSerial})`, kind: BUMP_SERIAL_KIND, edits: [bump.edit] });
  }
  if (kindRequested(SORT_RECORDS_KIND, only)) {
    const sorted = sortRecords(zone);
    if (sorted) out.push({ title: 'Sort records by owner name', kind: SORT_RECORDS_KIND, edits: [sorted] });
  }
  return out;
}

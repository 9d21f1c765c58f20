/**
 * Moving parse results by a number of characters, in place: what an incremental parse does to
 * everything after the edited stretch. Ranges of -1 mean "not written" and stay -1.
 */
import type { CharString } from '../text/charString';
import type { Directive, ZoneDiagnostic, ZoneRecord } from '../model/types';

export function shiftRecord(r: ZoneRecord, d: number): void {
  if (d === 0) return;
  if (r.ownerStart >= 0) {
    r.ownerStart += d;
    r.ownerEnd += d;
  }
  if (r.ttlStart >= 0) {
    r.ttlStart += d;
    r.ttlEnd += d;
  }
  if (r.classStart >= 0) {
    r.classStart += d;
    r.classEnd += d;
  }
  r.typeStart += d;
  r.typeEnd += d;
  r.rdataStart += d;
  r.rdataEnd += d;
  r.start += d;
  r.end += d;
  const rdata = r.rdata;
  for (let i = 0; i < rdata.length; i++) {
    const f = rdata[i];
    f.start += d;
    f.end += d;
    const v = f.value;
    if (typeof v === 'object') {
      if (Array.isArray(v)) {
        for (let k = 0; k < v.length; k++) {
          const x = v[k];
          if (typeof x === 'object') shiftCharString(x, d);
        }
      } else shiftCharString(v, d);
    }
  }
}

function shiftCharString(c: CharString, d: number): void {
  c.start += d;
  c.end += d;
  const map = c.map;
  if (map) for (let i = 0; i < map.length; i++) map[i] += d;
}

export function shiftDirective(x: Directive, d: number): void {
  if (d === 0) return;
  x.start += d;
  x.end += d;
  for (const a of x.args) {
    a.start += d;
    a.end += d;
  }
}

/** Parser diagnostics of the document (file 0); their `data`, when any, holds no offsets. */
export function shiftDiagnostic(x: ZoneDiagnostic, d: number): void {
  if (d === 0) return;
  x.start += d;
  x.end += d;
  if (x.related) for (const r of x.related) if (r.file === x.file) {
    r.start += d;
    r.end += d;
  }
}

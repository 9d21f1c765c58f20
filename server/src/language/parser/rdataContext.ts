/**
 * The rdata context the parser hands to a record type: where problems are reported (as
 * `rdata-invalid`, `rdata-questionable` or a kept-record rule id), and how many there were.
 */
import type { NameCache } from '../rrtypes/names';
import type { AnchoredRdataContext } from '../rrtypes/registry';
import type { RdataToken } from '../rrtypes/spec';
import type { ParserState } from './parser';

/**
 * The rdata context of one record: errors are reported as `rdata-invalid` and mark the record.
 * `anchor` (the type token) is where the types report rdata that is missing altogether (fixed:
 * it was not passed, so such errors landed at offset 0 of the file). A class with methods rather
 * than an object of closures: one is made per record. It counts its errors (`errorCount`, a
 * getter so that a copy made with `{ ...ctx }` does not claim to count), which spares the types
 * a wrapper to find out whether their parse failed.
 */
export class RecordRdataContext implements AnchoredRdataContext {
  failed = false;
  errors = 0;
  readonly origin: string | null;
  readonly names: NameCache;

  constructor(
    private readonly state: ParserState,
    readonly tokens: RdataToken[],
    readonly anchor?: { start: number; end: number },
  ) {
    this.origin = state.origin;
    this.names = state.names;
  }

  get errorCount(): number {
    return this.errors;
  }

  error(s: number, en: number, message: string): void {
    this.failed = true;
    this.errors++;
    this.state.report('rdata-invalid', 'error', this.placeStart(s), this.placeEnd(s, en), message);
  }

  warning(s: number, en: number, message: string): void {
    this.state.report('rdata-questionable', 'warning', this.placeStart(s), this.placeEnd(s, en), message);
  }

  // An error under its own rule id that keeps the record in the model (see RdataContext).
  reportKept(code: string, s: number, en: number, message: string): void {
    this.state.report(code, 'error', this.placeStart(s), this.placeEnd(s, en), message);
  }

  // Rdata lies after the type token: a range before it is a type's fallback for "no token to
  // point at" (context wrappers may drop `anchor`), so it is moved onto the type token.
  private placeStart(s: number): number {
    return this.anchor && s < this.anchor.start ? this.anchor.start : s;
  }

  private placeEnd(s: number, en: number): number {
    return this.anchor && s < this.anchor.start ? this.anchor.end : Math.max(en, s);
  }
}

/** The value of a token of 1 to 9 decimal digits, or -1 when it is anything else. */

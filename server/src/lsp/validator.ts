/**
 * Debounced, cooperative validation. An edit schedules a run after a short delay; a newer edit
 * replaces the pending run. A run parses the version (incrementally, see documentCache.ts) and
 * steps the rules a few milliseconds at a time between other requests, so a hover never waits
 * for a whole validation of a large zone; a run whose version is no longer current stops.
 *
 * Large zones (whose last validation took longer than QUICK_RESULT_AFTER_MS) get a provisional
 * result at once: the new version's parse findings, the rules of scope record and name on what
 * the edit touched, and the other findings moved past the edit (provisionalDiagnostics.ts); when
 * opened, their parse findings alone. Their rules start once typing pauses (FULL_AFTER_IDLE_MS),
 * and the full result replaces the provisional one when they are done (push: published again;
 * pull: the client is asked to pull again).
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ZoneValidation } from '../language/features/diagnostics';
import { parseFindings, provisionalDiagnostics } from '../language/features/provisionalDiagnostics';
import type { ZoneDiagnostic } from '../language/model/types';
import { releaseDerivedData } from '../language/model/derivedData';
import type { ParsedDocument } from './documentCache';
import { toLspDiagnostics } from './diagnosticsAdapter';
import type { ServerContext } from '../server';

/** Other open zones are revalidated after an edit (cross-zone rules) only when there are this few. */
const CROSS_ZONE_REVALIDATE_LIMIT = 20;
/** A validation that took longer than this is worth a provisional result before the next one. */
const QUICK_RESULT_AFTER_MS = 30;
/**
 * After a provisional result, the rules of a large zone start only once typing pauses this long:
 * a rule cannot be interrupted, and the next keystroke should not wait for one.
 */
const FULL_AFTER_IDLE_MS = 250;
/** A zone this large gets its parse findings published first when it is opened. */
const LARGE_ZONE_RECORDS = 20000;
/** How long the rules run before other work gets a turn. */
const STEP_MS = 15;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void,
    /** Pull clients: ask for diagnostics again (a provisional answer was given and the full one is ready). */
    private readonly refresh: () => void = () => undefined,
  ) {}

  schedule(doc: TextDocument, delay: number, cascade = true): void {
    this.cancel(doc.uri);
    const version = doc.version;
    const timer = setTimeout(() => {
      this.timers.delete(doc.uri);
      const current = this.ctx.documents.get(doc.uri);
      if (!current || current.version !== version) return;
      this.ctx.guard('validation', undefined, () => {
        const parsed = this.ctx.cache.get(current);
        if (parsed.diagnostics) this.publishParsed(parsed, parsed.diagnostics);
        else {
          const edited = parsed.previous !== undefined;
          const quick = this.provisional(parsed);
          if (quick) this.publishParsed(parsed, quick);
          this.validateInSteps(parsed, () => this.publishParsed(parsed, parsed.diagnostics!), quick && edited ? FULL_AFTER_IDLE_MS : 0);
        }
      });
      if (cascade) this.revalidateOthers(doc.uri);
    }, delay);
    this.timers.set(doc.uri, timer);
  }

  /** The zone diagnostics of a parsed version, computed now if they are not yet. */
  diagnosticsFor(parsed: ParsedDocument): ZoneDiagnostic[] {
    if (!parsed.diagnostics) this.finish(parsed, (parsed.validation ??= this.newValidation(parsed)));
    return parsed.diagnostics!;
  }

  /**
   * For a pull request: the full diagnostics when known or cheap; for a large zone being
   * validated, the provisional ones now and a refresh when the full ones are ready.
   */
  diagnosticsForPull(parsed: ParsedDocument): ZoneDiagnostic[] {
    if (parsed.diagnostics) return parsed.diagnostics;
    const edited = parsed.previous !== undefined;
    const quick = this.provisional(parsed);
    if (!quick) return this.diagnosticsFor(parsed);
    this.validateInSteps(parsed, this.refresh, edited ? FULL_AFTER_IDLE_MS : 0);
    return quick;
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * Provisional diagnostics for a version of a large zone, else undefined: after an edit of a
   * zone whose last validation was slow, provisionalDiagnostics (parse findings, the scoped rules
   * on what the edit touched, the other findings moved); on the first validation of a zone of
   * LARGE_ZONE_RECORDS or more, its parse findings alone.
   */
  private provisional(parsed: ParsedDocument): ZoneDiagnostic[] | undefined {
    if (parsed.provisional) return parsed.provisional;
    const previous = parsed.previous;
    const settings = this.validationSettings();
    let r: { all: ZoneDiagnostic[]; ruleFindings: ZoneDiagnostic[] };
    if (previous && (parsed.validationMs ?? 0) > QUICK_RESULT_AFTER_MS) {
      r = provisionalDiagnostics(parsed.zone, previous, previous.change, settings, parsed.lines, this.ctx.cache.workspace);
    } else if (parsed.validationMs === undefined && !parsed.shownRuleFindings && parsed.zone.records.length >= LARGE_ZONE_RECORDS) {
      r = { all: parseFindings(parsed.zone, settings, parsed.lines), ruleFindings: [] };
    } else return undefined;
    // What stands in for this version from now on (the next edit moves it on again).
    parsed.shownRuleFindings = r.ruleFindings;
    parsed.provisional = r.all;
    parsed.previous = undefined;
    return r.all;
  }

  /** Step the version's validation between other work; `done` when it completed and is still current. */
  private validateInSteps(parsed: ParsedDocument, done: () => void, delayMs = 0): void {
    const v = (parsed.validation ??= this.newValidation(parsed));
    const waiting = this.waiting.get(v);
    if (waiting) {
      waiting.push(done); // already being stepped
      return;
    }
    this.waiting.set(v, [done]);
    const tick = (): void => {
      if (this.ctx.cache.peek(parsed.uri) !== parsed || parsed.validation !== v) {
        // A newer version, or findings invalidated by another zone's change (whoever did that
        // scheduled a new run): stop here; unless a request completed this validation itself.
        const callbacks = this.waiting.get(v) ?? [];
        this.waiting.delete(v);
        if (this.ctx.cache.peek(parsed.uri) === parsed && parsed.diagnostics) this.ctx.guard('validation', undefined, () => callbacks.forEach((f) => f()));
        return;
      }
      const finished = this.ctx.guard('validation', true, () => v.step(STEP_MS));
      if (!finished) {
        setImmediate(tick);
        return;
      }
      const callbacks = this.waiting.get(v) ?? [];
      this.waiting.delete(v);
      this.ctx.guard('validation', undefined, () => {
        if (!parsed.diagnostics) this.finish(parsed, v);
        for (const f of callbacks) f();
      });
    };
    // Not now: what was just published must reach the transport before the rules take the thread.
    if (delayMs > 0) setTimeout(tick, delayMs);
    else setImmediate(tick);
  }
  /** Validations being stepped, with what to do when each completes. */
  private readonly waiting = new Map<ZoneValidation, Array<() => void>>();

  private newValidation(parsed: ParsedDocument): ZoneValidation {
    return new ZoneValidation(parsed.zone, this.ctx.cache.workspace, this.validationSettings(), parsed.lines);
  }

  private finish(parsed: ParsedDocument, v: ZoneValidation): void {
    const diagnostics = v.result();
    // The last live mail-server check's findings (lsp/handlers/liveChecks.ts), placed on this version.
    const live = this.ctx.liveFindings.diagnosticsFor(parsed.uri, parsed.zone, this.ctx.settings().rules, parsed.lines);
    parsed.diagnostics = diagnostics.concat(live);
    parsed.shownRuleFindings = v.ruleFindings().concat(live);
    parsed.validationMs = v.elapsedMs;
    parsed.validation = undefined;
    parsed.previous = undefined;
    parsed.provisional = undefined;
    // The rules' caches (SPF parses, mail records, ...) are about a third of the heap of a large
    // zone, and until the next version only a quick-fix asks for them again (and rebuilds them).
    if (parsed.zone.records.length >= LARGE_ZONE_RECORDS) releaseDerivedData(parsed.zone);
  }

  private validationSettings(): { rules: ReturnType<ServerContext['settings']>['rules']; workspaceRuleRecordLimit: number } {
    const s = this.ctx.settings();
    return { rules: s.rules, workspaceRuleRecordLimit: s.largeZoneRecordLimit };
  }

  private publishParsed(parsed: ParsedDocument, diagnostics: ZoneDiagnostic[]): void {
    // A newer version may have arrived while we worked: then this result is stale.
    if (this.ctx.documents.get(parsed.uri)?.version !== parsed.version) return;
    this.publish(parsed.uri, parsed.version, toLspDiagnostics(parsed, diagnostics));
  }

  private revalidateOthers(uri: string): void {
    const others = this.ctx.documents.all().filter((d) => d.uri !== uri);
    if (others.length === 0 || others.length > CROSS_ZONE_REVALIDATE_LIMIT) return;
    for (const d of others) {
      this.ctx.cache.invalidateDiagnostics(d.uri);
      this.schedule(d, 50, false);
    }
  }
}

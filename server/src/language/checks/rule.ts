/**
 * The rule contract. A rule reads the model (never raw text), reports findings at the smallest
 * meaningful range, and may offer fixes built from the finding's `data`.
 * `id` is stable kebab-case: the diagnostic code, the setting key `dnsZone.rules.<id>`, the docs
 * page `docs/rules/<id>.md` and the suppression comment `; zonelint-disable-next-line <id>`.
 */
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic } from '../model/types';
import type { Severity } from '../text/finding';
import type { Workspace } from '../workspace/workspace';

export type Stage = 'syntax' | 'semantic' | 'workspace';

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Defaults to 0, the document itself. */
  file?: number;
  /** Overrides the rule's default severity for this finding (e.g. in-zone vs out-of-zone targets). */
  severity?: Severity;
  /** What a fix needs; must be JSON-serialisable (it travels in the LSP diagnostic). */
  data?: unknown;
  related?: ZoneDiagnostic['related'];
}

export interface RuleContext {
  zone: Zone;
  /** Every zone the editor or the CLI knows about, this one included. */
  workspace: Workspace;
  report(finding: Finding): void;
}

/** A text edit in one of the zone's files (offsets into that file's text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /** Defaults to 0, the document itself. */
  file?: number;
  /** Edits in another document of the workspace (e.g. a reverse zone), by its name/URI. */
  uri?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix: applied by `zonelint --fix` and "fix all". */
  isPreferred?: boolean;
  /** The edit text is an LSP snippet (placeholders like `${1:192.0.2.1}`). */
  snippet?: boolean;
  /**
   * False for a preferred fix that adds policy or data the user must choose (a starter DMARC or
   * SPF record): offered first in the editor, but never applied by `zonelint --fix` or Fix all.
   */
  automatic?: boolean;
}

/** Whether `--fix` and Fix all may apply this fix without asking: preferred, no placeholders, not opted out. */
export function isAutomaticFix(fix: Fix): boolean {
  return fix.isPreferred === true && fix.snippet !== true && fix.automatic !== false;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in docs and settings. */
  summary: string;
  stage: Stage;
  /**
   * 'record': what the rule finds in a record depends on that record alone (and the zone's
   * origin), and it reports inside that record. 'name': what it finds in the records of a name
   * depends on the records of that name alone (duplicates, a CNAME beside other data, several
   * SPF records), and it reports inside them. Such rules can check just the records an edit
   * touched (features/provisionalDiagnostics.ts); test/checks/recordScope.test.ts holds every
   * rule that says so to it, on the corpus. Absent: the rule must see the whole zone.
   */
  scope?: 'record' | 'name';
  /** Absent for syntax-stage ids, which the parser reports itself. */
  check?(ctx: RuleContext): void;
  /** Fixes for one of this rule's diagnostics, against the zone it was computed on. */
  fixes?(diagnostic: ZoneDiagnostic, zone: Zone, workspace: Workspace): Fix[];
}

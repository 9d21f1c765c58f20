/**
 * The editor's memory of live results: the findings of the last "Check Mail Servers" run per
 * document URI. The validator merges them into that document's diagnostics on every version
 * (placed through their anchors, so edits move them along), until the next run replaces them or
 * the document is closed. Nothing here touches the network.
 */
import type { Zone } from '../language/model/zone';
import type { ZoneDiagnostic } from '../language/model/types';
import type { RuleSetting } from '../language/features/diagnostics';
import type { LineIndex } from '../language/text/lineIndex';
import type { LiveFinding } from './findings';
import { liveDiagnostics } from './place';

export class LiveFindingStore {
  private readonly byUri = new Map<string, readonly LiveFinding[]>();

  set(uri: string, findings: readonly LiveFinding[]): void {
    this.byUri.set(uri, findings);
  }

  get(uri: string): readonly LiveFinding[] | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  /** The live findings of `uri` as diagnostics of this version of its zone (empty when never checked). */
  diagnosticsFor(uri: string, zone: Zone, rules: Record<string, RuleSetting> | undefined, lines: LineIndex): ZoneDiagnostic[] {
    const findings = this.byUri.get(uri);
    return findings && findings.length > 0 ? liveDiagnostics(zone, findings, rules, lines) : [];
  }
}

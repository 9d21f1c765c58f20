/**
 * The server's view of the `dnsZone.*` settings: one typed shape with defaults. The client sends
 * them through `workspace/configuration`; clients without it get the defaults.
 */
import type { RuleSetting } from '../language/features/diagnostics';

export interface ServerSettings {
  rules: Record<string, RuleSetting>;
  /** Milliseconds to wait after an edit before validating. */
  validationDelay: number;
  /** Records above which cross-zone rules are skipped. */
  largeZoneRecordLimit: number;
  /** Upper bound on records one $GENERATE may produce. */
  generateLimit: number;
  /** Whether $INCLUDE may read files outside the workspace folders. */
  allowIncludeOutsideWorkspace: boolean;
}

export const defaultSettings: ServerSettings = {
  rules: {},
  validationDelay: 150,
  largeZoneRecordLimit: 200000,
  generateLimit: 65536,
  allowIncludeOutsideWorkspace: false,
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint', 'default']);

/** Merge what the client sent over the defaults, ignoring values of the wrong shape. */
export function readSettings(raw: unknown): ServerSettings {
  const s: ServerSettings = { ...defaultSettings, rules: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) s.rules[id] = v as RuleSetting;
    }
  }
  if (typeof r.validationDelay === 'number' && r.validationDelay >= 0) s.validationDelay = r.validationDelay;
  if (typeof r.largeZoneRecordLimit === 'number' && r.largeZoneRecordLimit > 0) s.largeZoneRecordLimit = r.largeZoneRecordLimit;
  if (typeof r.generateLimit === 'number' && r.generateLimit > 0) s.generateLimit = r.generateLimit;
  if (typeof r.allowIncludeOutsideWorkspace === 'boolean') s.allowIncludeOutsideWorkspace = r.allowIncludeOutsideWorkspace;
  return s;
}

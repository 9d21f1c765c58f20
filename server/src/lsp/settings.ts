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
  /** Formatter options, read by the formatting handler (see features/format). */
  format: { columns?: 'auto' | Record<string, number>; maxOwnerWidth?: number; ttl?: 'keep' | 'explicit'; class?: 'keep' | 'explicit' };
  /** Bump the SOA serial when a changed zone is saved (willSaveWaitUntil). */
  serialOnSave: boolean;
  /** Inlay hints: absolute names after relative ones, human durations after numeric TTLs. */
  inlayHints: { enabled: boolean };
}

export const defaultSettings: ServerSettings = {
  rules: {},
  validationDelay: 150,
  largeZoneRecordLimit: 200000,
  generateLimit: 65536,
  allowIncludeOutsideWorkspace: false,
  format: {},
  serialOnSave: false,
  inlayHints: { enabled: false },
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint', 'default']);

/** Merge what the client sent over the defaults, ignoring values of the wrong shape. */
export function readSettings(raw: unknown): ServerSettings {
  const s: ServerSettings = { ...defaultSettings, rules: {}, format: {}, inlayHints: { enabled: false } };
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
  if (typeof r.serialOnSave === 'boolean') s.serialOnSave = r.serialOnSave;
  const hints = r.inlayHints as Record<string, unknown> | undefined;
  if (hints && typeof hints === 'object' && typeof hints.enabled === 'boolean') s.inlayHints.enabled = hints.enabled;
  if (r.format && typeof r.format === 'object') {
    const f = r.format as Record<string, unknown>;
    if (f.columns === 'auto' || (f.columns && typeof f.columns === 'object')) s.format.columns = f.columns as ServerSettings['format']['columns'];
    if (typeof f.maxOwnerWidth === 'number' && f.maxOwnerWidth > 0) s.format.maxOwnerWidth = f.maxOwnerWidth;
    if (f.ttl === 'keep' || f.ttl === 'explicit') s.format.ttl = f.ttl;
    if (f.class === 'keep' || f.class === 'explicit') s.format.class = f.class;
  }
  return s;
}

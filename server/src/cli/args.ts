/**
 * Command-line parsing for zonelint. Hand-written (no dependency) and strict: an unknown option,
 * a missing value or a contradictory combination is a usage error (exit 2) rather than a guess.
 */
import type { RuleSetting } from '../language/features/diagnostics';
import { usageError } from './io';
import { applyLiveOption, checkLiveCombination, LIVE_VALUED } from './live';

export type OutputFormat = 'text' | 'json' | 'sarif';

export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;

export interface CliOptions {
  /** Files and directories, as written. */
  paths: string[];
  format: OutputFormat;
  origin?: string;
  fix: boolean;
  /** Per-rule overrides from `--rule ID=LEVEL`. */
  rules: Record<string, RuleSetting>;
  maxWarnings?: number;
  quiet: boolean;
  help: boolean;
  version: boolean;
  exportJson: boolean;
  importJson?: string;
  allowIncludeOutside: boolean;
  /** `--live`: also run the live mail-server checks (cli/live.ts), with these overrides. */
  live: boolean;
  resolver?: string;
  smtpPort?: number;
  smtpTimeout?: number;
}

/** Options that take a value, with the short aliases. */
const VALUED = new Set(['--format', '--origin', '--rule', '--max-warnings', '--import-json', ...LIVE_VALUED]);
const ALIASES: Record<string, string> = { '-f': '--format', '-h': '--help', '-v': '--version', '-q': '--quiet' };

/**
 * Parse `argv` (without `node` and the script). `isKnownRule` decides which ids `--rule` accepts.
 * Throws a usage `CliError` on anything it does not understand.
 */
export function parseArgs(argv: readonly string[], isKnownRule: (id: string) => boolean): CliOptions {
  const o: CliOptions = { paths: [], format: 'text', fix: false, rules: {}, quiet: false, help: false, version: false, exportJson: false, allowIncludeOutside: false, live: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '-') throw usageError('reading a zone from standard input is not supported; give a file name');
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let name = ALIASES[arg] ?? arg;
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (name.startsWith('--') && eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (VALUED.has(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw usageError(`${name} needs a value`);
        value = argv[++i];
      }
      applyValued(o, name, value, isKnownRule);
      continue;
    }
    if (value !== undefined) throw usageError(`${name} does not take a value`);
    switch (name) {
      case '--help':
        o.help = true;
        break;
      case '--version':
        o.version = true;
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--export-json':
        o.exportJson = true;
        break;
      case '--allow-include-outside':
        o.allowIncludeOutside = true;
        break;
      case '--live':
        o.live = true;
        break;
      default:
        throw usageError(`unknown option ${arg}`);
    }
  }
  if (!o.help && !o.version) checkCombination(o);
  return o;
}

function applyValued(o: CliOptions, name: string, value: string, isKnownRule: (id: string) => boolean): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
      o.format = value as OutputFormat;
      return;
    case '--origin':
      if (!value.trim()) throw usageError('--origin needs a domain name');
      o.origin = value;
      return;
    case '--rule': {
      const m = /^([^=]+)=(.*)$/.exec(value);
      if (!m) throw usageError(`--rule expects ID=LEVEL (LEVEL one of ${RULE_LEVELS.join(', ')}), not "${value}"`);
      const id = m[1].trim();
      const level = m[2].trim();
      if (!isKnownRule(id)) throw usageError(`unknown rule id "${id}" in --rule (the rules are listed in docs/rules/)`);
      if (!(RULE_LEVELS as readonly string[]).includes(level)) throw usageError(`--rule ${id}: level must be one of ${RULE_LEVELS.join(', ')}, not "${level}"`);
      o.rules[id] = level as RuleSetting;
      return;
    }
    case '--max-warnings': {
      if (!/^\d+$/.test(value)) throw usageError(`--max-warnings needs a non-negative integer, not "${value}"`);
      o.maxWarnings = Number(value);
      return;
    }
    case '--import-json':
      o.importJson = value;
      return;
    default:
      applyLiveOption(o, name, value);
  }
}

/** Combinations that cannot mean anything sensible. */
function checkCombination(o: CliOptions): void {
  checkLiveCombination(o);
  if (o.importJson !== undefined) {
    if (o.paths.length > 0) throw usageError('--import-json takes the JSON file as its value and no other files');
    if (o.exportJson || o.fix) throw usageError('--import-json cannot be combined with --export-json or --fix');
    return;
  }
  if (o.paths.length === 0) throw usageError('no files or directories given');
  if (o.exportJson) {
    if (o.fix) throw usageError('--export-json cannot be combined with --fix');
    if (o.paths.length !== 1) throw usageError('--export-json works on a single zone file');
  }
  if (o.origin !== undefined && o.paths.length !== 1) throw usageError('--origin is only valid with a single file');
}

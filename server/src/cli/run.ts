/**
 * One zonelint invocation: options -> files -> (fix rounds) -> lint -> report -> exit code.
 * Everything the user can get wrong is a `CliError` (exit 2); findings decide 0 or 1.
 */
import * as fs from 'node:fs';
import { allRules, ruleById } from '../language/checks';
import type { ValidationSettings } from '../language/languageService';
import { parseName } from '../language/rrtypes/names';
import { parseArgs, type CliOptions } from './args';
import { discoverFiles, displayPath, readSourceText, type SourceFile } from './files';
import { HELP } from './help';
import { cliIncludeReader } from './includes';
import { CliError, describeFsError, EXIT_ERRORS, EXIT_OK, usageError, type CliIo } from './io';
import { countBySeverity, loadWorkspace, toProblems, validateZones, type LintSource, type Problem } from './lint';
import { preferredFixes, runFixRounds, type Analysis } from './fix';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { packageInfo } from './packageInfo';
import { exportJson, importJson } from './interchangeCommands';
import { withLiveProblems } from './live';
import { decodeZoneFile, encodeZoneFile } from '../node/zoneFileBytes';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const opts = parseArgs(argv, (id) => ruleById(id) !== undefined);
  if (opts.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${packageInfo().version}\n`);
    return EXIT_OK;
  }
  if (opts.importJson !== undefined) return importJson(opts.importJson, io);

  const discovery = discoverFiles(opts.paths, io.cwd);
  if (discovery.files.length === 0) throw new CliError(`no zone files found in ${opts.paths.join(', ')}`);
  const origin = checkOrigin(opts, discovery.files);
  const texts = readAll(discovery.files, io.cwd);
  const sources = (overlay?: ReadonlyMap<string, string>): LintSource[] =>
    discovery.files.map((f) => ({ path: f.path, text: overlay?.get(f.path) ?? texts.get(f.path)!.text, encoding: texts.get(f.path)!.encoding, explicit: f.explicit }));
  const reader = (overlay?: ReadonlyMap<string, string>) => cliIncludeReader({ roots: discovery.roots, allowOutside: opts.allowIncludeOutside, overlay });

  if (opts.exportJson) {
    if (discovery.files.length !== 1) throw usageError(`--export-json works on a single zone file, and ${opts.paths[0]} holds ${discovery.files.length}`);
    return exportJson(sources()[0], { origin, readInclude: reader() }, io);
  }

  const settings: ValidationSettings = { rules: opts.rules };
  let fixSummary: { applied: number; files: number } | undefined;
  let overlay: ReadonlyMap<string, string> | undefined;
  if (opts.fix) {
    const result = runFixRounds((current) => analyzeForFixes(sources(current), origin, reader(current), settings));
    for (const note of result.notes) io.stderr.write(`zonelint: ${note}\n`);
    for (const file of result.changed) writeBack(file, result.texts.get(file)!, io.cwd);
    fixSummary = { applied: result.applied, files: result.changed.length };
    overlay = result.texts;
  }

  const { workspace, zones } = loadWorkspace(sources(overlay), { origin, readInclude: reader(overlay) });
  let problems = toProblems(zones, validateZones(zones, workspace, settings));
  if (opts.live) problems = await withLiveProblems(problems, zones, workspace, opts, io);
  if (opts.quiet) problems = problems.filter((p) => p.severity === 'error');
  return report(problems, opts, io, fixSummary);
}

function report(problems: Problem[], opts: CliOptions, io: CliIo, fixSummary: { applied: number; files: number } | undefined): number {
  const counts = countBySeverity(problems);
  const display = (p: string) => displayPath(p, io.cwd);
  const fixLine = fixSummary && fixSummary.applied > 0 ? `✔ ${fixSummary.applied} fix${fixSummary.applied === 1 ? '' : 'es'} applied in ${fixSummary.files} file${fixSummary.files === 1 ? '' : 's'}\n` : '';
  switch (opts.format) {
    case 'text':
      io.stdout.write(formatText(problems, counts, display) + fixLine);
      break;
    case 'json':
      io.stdout.write(formatJson(problems, display));
      if (fixLine) io.stderr.write(`zonelint: ${fixLine.slice(2)}`);
      break;
    case 'sarif':
      io.stdout.write(formatSarif(problems, allRules, io.cwd));
      if (fixLine) io.stderr.write(`zonelint: ${fixLine.slice(2)}`);
      break;
  }
  let code = counts.error > 0 ? EXIT_ERRORS : EXIT_OK;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) {
    io.stderr.write(`zonelint: ${counts.warning} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    code = EXIT_ERRORS;
  }
  return code;
}

/** One fix round's view: lint the current texts and collect the preferred fixes. */
function analyzeForFixes(sources: LintSource[], origin: string | undefined, readInclude: ReturnType<typeof cliIncludeReader>, settings: ValidationSettings): Analysis {
  const { workspace, zones } = loadWorkspace(sources, { origin, readInclude });
  const diagnostics = validateZones(zones, workspace, settings);
  const { fixes, notes } = preferredFixes(zones, diagnostics, workspace);
  const seen = new Map<string, string>();
  for (const z of zones) for (const f of z.zone.files) seen.set(f.name || z.path, f.text);
  return { fixes, seen, notes };
}

/** `--origin` must name a valid domain and apply to exactly one zone file. */
function checkOrigin(opts: CliOptions, files: readonly SourceFile[]): string | undefined {
  if (opts.origin === undefined) return undefined;
  if (files.length !== 1) throw usageError(`--origin is only valid with a single file, and ${opts.paths[0]} holds ${files.length} zone files`);
  const name = opts.origin.endsWith('.') ? opts.origin : opts.origin + '.';
  const r = parseName(name, null);
  if (r.error) throw usageError(`--origin "${opts.origin}": ${r.error.message}`);
  return r.name;
}

/** Read every file up front, so any unreadable one stops the run with exit 2 before output starts. */
function readAll(files: readonly SourceFile[], cwd: string): Map<string, { text: string; encoding?: string }> {
  const texts = new Map<string, { text: string; encoding?: string }>();
  const problems: string[] = [];
  for (const f of files) {
    try {
      texts.set(f.path, readSourceText(f.path, displayPath(f.path, cwd)));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) throw new CliError(problems.join('\n'));
  return texts;
}

function writeBack(file: string, text: string, cwd: string): void {
  try {
    // In the encoding the file has (UTF-16 stays UTF-16: file-encoding says what to do about it).
    fs.writeFileSync(file, encodeZoneFile(text, decodeZoneFile(fs.readFileSync(file)).encoding));
  } catch (err) {
    throw new CliError(`${displayPath(file, cwd)}: cannot write the fixed text: ${describeFsError(err)}`);
  }
}

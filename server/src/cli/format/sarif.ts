/**
 * SARIF 2.1.0 for code-scanning tools: every rule in tool.driver.rules (with its summary, default
 * level and helpUri to docs/rules/<id>.md) and one result per finding. Files under the working
 * directory are written relative to the `%SRCROOT%` base, others as absolute file URIs. Columns
 * are UTF-16 code units (SARIF's default columnKind, stated explicitly).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../language/checks/rule';
import type { Severity } from '../../language/text/finding';
import type { Problem } from '../lint';
import { cliDocsUri, packageInfo, ruleHelpUri } from '../packageInfo';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

export function toSarif(problems: readonly Problem[], rules: readonly Rule[], cwd: string): object {
  const info = packageInfo();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = problems.map((p) => {
    const index = ruleIndex.get(p.rule);
    return {
      ruleId: p.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(p.severity),
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(p.path, cwd),
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        },
      ],
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zonelint',
            version: info.version,
            informationUri: cliDocsUri(info),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.summary },
              helpUri: ruleHelpUri(r.id, info),
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(problems: readonly Problem[], rules: readonly Rule[], cwd: string): string {
  return JSON.stringify(toSarif(problems, rules, cwd), null, 2) + '\n';
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

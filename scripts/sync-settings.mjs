// Regenerates the `dnsZone.rules` settings schema in package.json from the rule registry
// (run after `tsc`, whenever a rule is added). test/checks/parity.test.ts checks they agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allRules } = require('../out/server/src/language/checks/index.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const properties = {};
for (const rule of [...allRules].sort((a, b) => a.id.localeCompare(b.id))) {
  properties[rule.id] = {
    type: 'string',
    enum: ['default', 'off', 'error', 'warning', 'information', 'hint'],
    default: 'default',
    markdownDescription: `${rule.summary} (default: ${rule.defaultSeverity}; [docs](docs/rules/${rule.id}.md))`,
  };
}
pkg.contributes.configuration.properties['dnsZone.rules'] = {
  type: 'object',
  default: {},
  additionalProperties: false,
  markdownDescription: 'Severity per rule id: `off`, `error`, `warning`, `information`, `hint`, or `default`. Each rule has a page in docs/rules/.',
  properties,
};
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`dnsZone.rules: ${Object.keys(properties).length} rules`);

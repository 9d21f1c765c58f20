/**
 * The rule registry: every rule id the product knows, in the order they run. The settings schema
 * in package.json and the pages in docs/rules/ are kept in step with this list (a test checks it).
 */
import type { Rule } from './rule';
import { syntaxRules } from './syntax';
import { integrityRules } from './integrity';
import { spfRules } from './spf';
import { mailRules } from './mail';
import { liveRules } from './live';

export const allRules: readonly Rule[] = [...syntaxRules, ...integrityRules, ...spfRules, ...mailRules, ...liveRules];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

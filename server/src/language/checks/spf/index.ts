import type { Rule } from '../rule';

export const spfRules: Rule[] = [];

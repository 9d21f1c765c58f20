/**
 * Parsing of one SPF term (RFC 7208 §4.6.1):
 *
 *   directive = [ qualifier ] mechanism
 *   modifier  = redirect / explanation / unknown-modifier
 *   unknown-modifier = name "=" macro-string
 *   name      = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
 *
 * A term is a modifier when '=' comes right after the name, before any ':' or '/'. Indices
 * here are joined-text indices; `parseSpf` turns them into document ranges.
 */
import type { SpfIssue } from './issue';
import type { RawMacro } from './macro';
import { scanMacroString } from './macro';
import type { SpfQualifier, SpfTermKind } from './types';
import { SPF_MECHANISMS } from './types';
import { checkMechanismArgument } from './mechanismArgument';

export interface RawTerm {
  kind: SpfTermKind;
  name: string;
  qualifier: SpfQualifier;
  qualifierExplicit: boolean;
  qualifierAt?: number;
  nameFrom: number;
  nameTo: number;
  valueFrom?: number;
  value?: string;
  domainSpec?: string;
  domainSpecFrom?: number;
  ip?: string;
  ipFrom?: number;
  cidr4?: number;
  cidr6?: number;
  cidrFrom?: number;
  cidrTo?: number;
  macros: RawMacro[];
  issues: SpfIssue[];
}

const QUALIFIERS = '+-~?';
const MODIFIER_NAME = /^[A-Za-z][A-Za-z0-9\-_.]*$/;
/** Characters people write where a qualifier belongs (`!all`, `*all`, ...). */
const QUALIFIER_LOOKALIKES = '!*^#&|';

/** Parses the term `text`, which starts at joined index `base`. */
export function parseTerm(text: string, base: number): RawTerm {
  const term: RawTerm = {
    kind: 'invalid',
    name: '',
    qualifier: '+',
    qualifierExplicit: false,
    nameFrom: base,
    nameTo: base,
    macros: [],
    issues: [],
  };
  let pos = readQualifier(text, base, term);
  const rest = text.slice(pos);
  const sepMatch = /[:/=]/.exec(rest);
  const nameText = sepMatch ? rest.slice(0, sepMatch.index) : rest;
  term.nameFrom = base + pos;
  term.nameTo = base + pos + nameText.length;
  term.name = nameText.toLowerCase();
  pos += nameText.length;
  if (sepMatch && sepMatch[0] === '=') parseModifier(text, base, pos, term);
  else parseMechanism(text, base, pos, term);
  return term;
}

/** Reads an optional qualifier; reports look-alikes and doubled qualifiers. Returns the next index. */
function readQualifier(text: string, base: number, term: RawTerm): number {
  let pos = 0;
  const first = text[0];
  if (QUALIFIERS.includes(first)) {
    term.qualifier = first as SpfQualifier;
    term.qualifierExplicit = true;
    term.qualifierAt = base;
    pos = 1;
  } else if (first !== undefined && QUALIFIER_LOOKALIKES.includes(first) && /[A-Za-z]/.test(text[1] ?? '')) {
    term.issues.push({
      code: 'bad-qualifier',
      message: `'${first}' is not a qualifier: use + (pass), - (fail), ~ (softfail) or ? (neutral) (RFC 7208 §4.6.2)`,
      from: base,
      to: base + 1,
    });
    term.qualifierAt = base;
    return 1;
  }
  if (pos === 1 && text.length > 1 && (QUALIFIERS + QUALIFIER_LOOKALIKES).includes(text[1])) {
    term.issues.push({
      code: 'bad-qualifier',
      message: 'a term takes at most one qualifier (RFC 7208 §4.6.2)',
      from: base + 1,
      to: base + 2,
    });
    pos = 2;
  }
  return pos;
}

/** `name=value` at `pos` (the '='). */
function parseModifier(text: string, base: number, pos: number, term: RawTerm): void {
  const name = term.name;
  const valueFrom = pos + 1;
  term.value = text.slice(valueFrom);
  term.valueFrom = base + valueFrom;
  const nameRange = { from: term.nameFrom, to: Math.max(term.nameTo, term.nameFrom + 1) };
  const isMechanismName = (SPF_MECHANISMS as readonly string[]).includes(name);
  if (!MODIFIER_NAME.test(name)) {
    term.issues.push({
      code: 'bad-modifier-name',
      message:
        name.length === 0
          ? "the modifier name before '=' is missing (RFC 7208 §6)"
          : `'${text.slice(term.nameFrom - base, term.nameTo - base)}' is not a valid modifier name: it must start with a letter ` +
            `and contain only letters, digits, '-', '_' and '.' (RFC 7208 §6)`,
      ...(name.length === 0 ? { from: base, to: base + text.length } : nameRange),
    });
    return;
  }
  term.kind = name === 'redirect' || name === 'exp' ? 'modifier' : 'unknown-modifier';
  if (term.qualifierExplicit) {
    term.issues.push({
      code: 'qualified-modifier',
      message: !isMechanismName
        ? `a modifier cannot have a qualifier: '${text[0]}${name}=' is not valid (RFC 7208 §6)`
        : name === 'all'
          ? "'all' takes no argument (RFC 7208 §5.1)"
          : `'${name}' is a mechanism and is written '${name}:', not '${name}=' (RFC 7208 §5)`,
      from: base,
      to: term.nameTo + 1,
    });
    return;
  }
  if (isMechanismName) {
    term.issues.push({
      code: 'mechanism-as-modifier',
      message:
        (name === 'all' ? "'all' takes no argument" : `'${name}=' should be '${name}:'`) +
        ': as written this is an unknown modifier that SPF evaluators silently ignore (RFC 7208 §5, §6)',
      from: term.nameFrom,
      to: term.nameTo + 1,
    });
  }
  if (term.kind === 'modifier') {
    checkMechanismArgument(name, text.slice(pos), base + pos, term);
    return;
  }
  if (name === 'v' && term.value.toLowerCase() === 'spf1') {
    term.issues.push({
      code: 'repeated-version',
      message: "a second 'v=spf1' inside the record: two SPF records were probably merged into one (RFC 7208 §4.5)",
      from: term.nameFrom,
      to: base + text.length,
    });
    return;
  }
  const scan = scanMacroString(term.value, term.valueFrom, 'modifier-value');
  term.macros = scan.macros;
  term.issues.push(...scan.issues);
}

/** `[qualifier] name [argument]`, the argument (if any) starting at `pos`. */
function parseMechanism(text: string, base: number, pos: number, term: RawTerm): void {
  const name = term.name;
  const argument = text.slice(pos);
  if (!(SPF_MECHANISMS as readonly string[]).includes(name)) {
    reportUnknownMechanism(text, base, pos, term);
    return;
  }
  term.kind = 'mechanism';
  if (argument.length > 0) {
    term.value = argument.startsWith(':') ? argument.slice(1) : argument;
    term.valueFrom = base + pos + (argument.startsWith(':') ? 1 : 0);
  }
  checkMechanismArgument(name, argument, base + pos, term);
}

const TYPO_HINTS: Record<string, string> = { ipv4: 'ip4', ipv6: 'ip6', ip: 'ip4', exist: 'exists', includes: 'include' };

function reportUnknownMechanism(text: string, base: number, pos: number, term: RawTerm): void {
  const name = term.name;
  const sep = text[pos];
  if (name.length === 0) {
    term.issues.push({
      code: 'unknown-mechanism',
      message: 'the mechanism name is missing (RFC 7208 §5)',
      from: base,
      to: base + Math.max(text.length, 1),
    });
    return;
  }
  if ((name === 'redirect' || name === 'exp') && sep === ':') {
    term.issues.push({
      code: 'modifier-as-mechanism',
      message: `'${name}' is a modifier and is written '${name}=', not '${name}:' (RFC 7208 §6)`,
      from: term.nameFrom,
      to: term.nameTo + 1,
    });
    return;
  }
  const hint = TYPO_HINTS[name] ? ` (did you mean '${TYPO_HINTS[name]}'?)` : '';
  term.issues.push({
    code: 'unknown-mechanism',
    message:
      `'${text.slice(term.nameFrom - base, term.nameTo - base)}' is not an SPF mechanism${hint}; ` +
      `the mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)`,
    from: term.nameFrom,
    to: term.nameTo,
  });
}

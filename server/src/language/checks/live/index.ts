/**
 * Rule ids of the live mail-server checks (docs/live-checks.md). They are registered like every
 * other rule, so they get a severity setting (`dnsZone.rules.<id>`), a docs page, `--rule` and
 * suppression comments; but their findings come from the network, not from the zone text:
 * server/src/live/ (Node only) resolves the mail hosts, reads their reverse DNS and talks to
 * their SMTP port, and reports under these ids when the user asks for it (`zonelint --live`,
 * the "Check Mail Servers" command).
 *
 * The offline pass must stay pure and silent about them, so their `check` does nothing. They
 * are declared 'semantic' rather than given a stage of their own: only syntax-stage rules may
 * lack a `check` (test/checks/parity.test.ts), and a no-op check costs nothing.
 */
import type { Rule } from '../rule';
import type { Severity } from '../../text/finding';

export const LIVE_RULE_IDS = [
  'smtp-unreachable',
  'smtp-banner-not-220',
  'smtp-banner-no-fqdn',
  'smtp-banner-mismatch',
  'smtp-banner-unresolvable',
  'smtp-starttls-missing',
  'rdns-missing',
  'rdns-not-forward-confirmed',
  'live-check-incomplete',
] as const;

export type LiveRuleId = (typeof LIVE_RULE_IDS)[number];

const META: Record<LiveRuleId, { severity: Severity; summary: string }> = {
  'smtp-unreachable': { severity: 'error', summary: 'Live check: the mail server has no address, refuses the SMTP connection, closes it, or does not greet in time.' },
  'smtp-banner-not-220': { severity: 'error', summary: 'Live check: the SMTP greeting is not a 220 reply (the server turns senders away).' },
  'smtp-banner-no-fqdn': { severity: 'warning', summary: 'Live check: the SMTP greeting does not start with a fully qualified host name.' },
  'smtp-banner-mismatch': { severity: 'information', summary: 'Live check: the host name in the SMTP greeting is neither the MX name nor a reverse-DNS name of the address.' },
  'smtp-banner-unresolvable': { severity: 'warning', summary: "Live check: the host name in the SMTP greeting has no address, or none that is the server's." },
  'smtp-starttls-missing': { severity: 'warning', summary: 'Live check: the mail server does not offer STARTTLS in its EHLO reply.' },
  'rdns-missing': { severity: 'warning', summary: 'Live check: the address of a mail host has no PTR record in DNS.' },
  'rdns-not-forward-confirmed': { severity: 'warning', summary: 'Live check: no PTR name of a mail host address resolves back to that address.' },
  'live-check-incomplete': { severity: 'information', summary: 'Live check: part of the check could not be made (a DNS query failed, or this machine has no route to the server).' },
};

function liveRule(id: LiveRuleId): Rule {
  return {
    id,
    defaultSeverity: META[id].severity,
    summary: META[id].summary,
    stage: 'semantic',
    // Reported by the live runner (server/src/live), never by the offline pass.
    check() {},
  };
}

export const liveRules: Rule[] = LIVE_RULE_IDS.map(liveRule);

/** The default severity of a live rule, for the live runner. */
export function liveRuleSeverity(id: LiveRuleId): Severity {
  return META[id].severity;
}

/**
 * From what the network said to findings: pure judgement over the results of one address (its
 * PTR names and their addresses, the SMTP conversation, the greeting name's addresses). The
 * messages name the host, the address and what was seen, so a finding reads on its own in the
 * Problems panel and in zonelint's output.
 */
import type { LiveRuleId } from '../language/checks/live';
import { bare } from '../language/checks/mail/records';
import { greetingName, type GreetingName } from './banner';
import type { LiveAnswer } from './lookup';
import { offersStartTls, replyText } from './smtpReply';
import type { SmtpProbe } from './smtpProbe';
import type { Anchor, LiveTarget } from './targets';

export interface LiveFinding {
  code: LiveRuleId;
  message: string;
  anchor: Anchor;
  host?: string;
  address?: string;
}

/** Everything learnt about one address of one mail host. */
export interface AddressCheck {
  target: LiveTarget;
  /** The host the address belongs to (absent for SPF `ip4:`/`ip6:`). */
  host?: string;
  address: string;
  ptr: LiveAnswer;
  /** Each PTR name and whether its addresses include `address`. */
  ptrNames: { name: string; addresses: LiveAnswer; confirmed: boolean }[];
  /** Only MX hosts are probed. */
  smtp?: SmtpProbe;
  banner?: GreetingName;
  /** Addresses of the greeting's host name, when it is one. */
  bannerAddresses?: LiveAnswer;
}

export function assessAddress(c: AddressCheck, port: number): LiveFinding[] {
  const out: LiveFinding[] = [];
  const who = c.host ? `${bare(c.host)} (${c.address})` : c.address;
  const add = (code: LiveRuleId, message: string) => out.push({ code, message, anchor: c.target.anchor, host: c.host, address: c.address });

  // Reverse DNS: receivers look the connecting address up and expect a name that resolves back.
  if (c.ptr.kind === 'failed') add('live-check-incomplete', `The PTR lookup for ${c.address} failed (${c.ptr.reason}): reverse DNS of ${who} was not checked.`);
  else if (c.ptr.kind === 'none') add('rdns-missing', `${who} has no PTR record (${c.ptr.reason === 'nxdomain' ? 'NXDOMAIN' : 'no data'}): many receivers reject or junk mail from addresses without reverse DNS.`);
  else if (!c.ptrNames.some((p) => p.confirmed)) {
    const failed = c.ptrNames.filter((p) => p.addresses.kind === 'failed');
    if (failed.length > 0 && failed.length === c.ptrNames.length) {
      add('live-check-incomplete', `The address lookup of ${failed.map((p) => bare(p.name)).join(', ')} (the PTR of ${c.address}) failed: forward confirmation was not checked.`);
    } else {
      const seen = c.ptrNames.map((p) => `${bare(p.name)} ${p.addresses.kind === 'found' ? `resolves to ${p.addresses.values.join(', ')}` : 'has no address'}`);
      add('rdns-not-forward-confirmed', `The PTR of ${who} is not forward-confirmed: ${seen.join('; ')}, not ${c.address}.`);
    }
  }

  if (!c.smtp) return out;
  const s = c.smtp;
  const server = `${who} port ${port}`;
  if (s.kind === 'no-route') {
    add('live-check-incomplete', `${server} was not probed: ${s.detail}, which says more about this machine's network than about the server.`);
    return out;
  }
  if (s.kind === 'unreachable') {
    add('smtp-unreachable', `${server}: ${s.detail}. Senders cannot deliver to this MX.`);
    return out;
  }
  if (s.kind === 'garbled') {
    add('smtp-banner-not-220', `${server} greets with something that is not an SMTP reply: "${s.line}".`);
    return out;
  }
  if (s.greeting.code !== 220) {
    add('smtp-banner-not-220', `${server} greets with "${replyText(s.greeting)}" instead of 220: it turns senders away (RFC 5321 §3.1, §4.3.1).`);
    return out;
  }
  const banner = c.banner ?? greetingName(s.greeting);
  const greetingText = `"${replyText(s.greeting)}"`;
  switch (banner.kind) {
    case 'missing':
      add('smtp-banner-no-fqdn', `${server} greets with ${greetingText}, which names no host: RFC 5321 §4.3.1 wants the server's fully qualified domain name first.`);
      break;
    case 'literal':
      add('smtp-banner-no-fqdn', `${server} greets with ${greetingText}: an address literal instead of the server's fully qualified domain name.`);
      break;
    case 'not-fqdn':
      add('smtp-banner-no-fqdn', `${server} greets with ${greetingText}: "${banner.text}" is not a fully qualified domain name (${banner.why}).`);
      break;
    case 'fqdn': {
      const ptrNames = c.ptrNames.map((p) => p.name);
      if (banner.name !== c.host && !ptrNames.includes(banner.name)) {
        const names = [c.host ? `the MX name ${bare(c.host)}` : undefined, ptrNames.length ? `the PTR name${ptrNames.length > 1 ? 's' : ''} ${ptrNames.map(bare).join(', ')}` : undefined].filter(Boolean);
        add('smtp-banner-mismatch', `${server} greets as ${bare(banner.name)}, which is neither ${names.join(' nor ')}.`);
      }
      const ba = c.bannerAddresses;
      if (ba?.kind === 'none') add('smtp-banner-unresolvable', `${server} greets as ${bare(banner.name)}, which has no address (${ba.reason === 'nxdomain' ? 'NXDOMAIN' : 'no A or AAAA'}).`);
      else if (ba?.kind === 'found' && !ba.values.includes(c.address)) add('smtp-banner-unresolvable', `${server} greets as ${bare(banner.name)}, which resolves to ${ba.values.join(', ')}, not ${c.address}.`);
      else if (ba?.kind === 'failed') add('live-check-incomplete', `The address lookup of ${bare(banner.name)} (the greeting name of ${who}) failed (${ba.reason}).`);
      break;
    }
  }
  if (s.ehloProblem) add('smtp-unreachable', `${server} greeted, but ${s.ehloProblem}: senders cannot go on to deliver.`);
  else if (s.ehlo && s.ehlo.code !== 250) add('smtp-starttls-missing', `${server} answers EHLO with "${replyText(s.ehlo)}": no ESMTP, so no STARTTLS, and mail to it travels unencrypted.`);
  else if (s.ehlo && !offersStartTls(s.ehlo)) add('smtp-starttls-missing', `${server} does not offer STARTTLS after EHLO: mail to it travels unencrypted (RFC 3207).`);
  return out;
}

/** Findings about a target whose addresses could not be found. */
export function assessResolution(target: LiveTarget, host: string, answer: LiveAnswer): LiveFinding[] {
  const finding = (code: LiveRuleId, message: string): LiveFinding[] => [{ code, message, anchor: target.anchor, host }];
  if (answer.kind === 'failed') return finding('live-check-incomplete', `The address lookup of ${bare(host)} failed (${answer.reason}): it was not checked.`);
  // Offline rules already speak for names the zones at hand answer (mx-target-no-address,
  // spf-void-lookup); SPF hosts without an address are spf-void-lookup's concern as well.
  if (answer.kind === 'none' && answer.source === 'dns' && target.role === 'mx') {
    return finding('smtp-unreachable', `${bare(host)} has no A or AAAA record in DNS (${answer.reason === 'nxdomain' ? 'NXDOMAIN' : 'no data'}): senders cannot deliver to this MX.`);
  }
  return [];
}

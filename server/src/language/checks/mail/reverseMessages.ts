/** Wording shared by ptr-hint, ptr-missing and ptr-mismatch. */
import type { ReverseCheck } from './reverseDns';
import { bare } from './records';

/** Who the host is, e.g. `the mail server mail.example.com (192.0.2.25)`. */
export function describeHost(check: ReverseCheck): string {
  const { host } = check;
  switch (host.source) {
    case 'mx':
      return `the mail server ${bare(host.host!)} (${host.address})`;
    case 'spf-a':
      return `${bare(host.host!)} (${host.address}), which sends mail for this domain (SPF \`${host.term}\`)`;
    case 'spf-ip':
      return `${host.address}${check.name ? ` (${bare(check.name)})` : ''}, which sends mail for this domain (SPF \`${host.term}\`)`;
  }
}

/** For senders that are not MX targets (a DMZ relay, a web server, a LAN host that sends directly). */
export function senderNote(check: ReverseCheck): string {
  return check.host.source === 'mx' ? '' : ' It is not an MX target, but a host that sends mail needs its own PTR record and forward-confirmed reverse DNS just the same.';
}

/** The PTR record to publish, in absolute form, when the host's name is known. */
export function ptrRecordText(reverseName: string, name: string | undefined): string | undefined {
  return name ? `${reverseName} IN PTR ${name}` : undefined;
}

export const WHY_PTR = 'Receivers look up the PTR of the connecting address and that name back to the address (forward-confirmed reverse DNS), and reject or junk mail from servers that fail.';

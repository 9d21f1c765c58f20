/**
 * The run as a readable text report: per mail host, what DNS and the server said, then its
 * findings. Shown by the editor command and usable in logs; the findings themselves also become
 * diagnostics (LSP) or problems (zonelint).
 */
import { liveRuleSeverity } from '../language/checks/live';
import { offersStartTls, replyText } from './smtpReply';
import type { AddressCheck, LiveFinding } from './findings';
import type { LiveAnswer } from './lookup';
import type { LiveRunResult } from './runner';

/** `severityOf` gives the effective severity of a finding (after settings), or 'off' to leave it out. */
export function formatLiveReport(run: LiveRunResult, severityOf: (f: LiveFinding) => string = (f) => liveRuleSeverity(f.code)): string {
  const out: string[] = [];
  out.push(`Live mail-server check of ${run.zone ?? 'the zone'}`);
  out.push(`DNS: ${run.resolver} (names of the zones at hand are answered from them); SMTP port ${run.smtpPort}; timeout ${run.timeoutMs} ms`);
  out.push('');
  if (run.targets.length === 0) out.push('No mail hosts: the zone has no MX records and its SPF names no single hosts.');
  for (const t of run.targets) {
    out.push(t.target.label);
    for (const r of t.resolutions) out.push(`  ${r.what === 'mx' ? 'MX of' : 'address of'} ${r.name}: ${answerText(r.answer)}`);
    for (const a of t.addresses) out.push(...addressLines(a, run.smtpPort));
    const shown = t.findings.map((f) => ({ f, severity: severityOf(f) })).filter((x) => x.severity !== 'off');
    if (shown.length === 0) out.push('  ✔ no problems found');
    for (const { f, severity } of shown) out.push(`  ✖ ${severity} ${f.code}: ${f.message}`);
    out.push('');
  }
  const addresses = run.targets.reduce((n, t) => n + t.addresses.length, 0);
  const count = run.findings.filter((f) => severityOf(f) !== 'off').length;
  out.push(`${run.targets.length} mail host${run.targets.length === 1 ? '' : 's'}, ${addresses} address${addresses === 1 ? '' : 'es'} checked: ${count === 0 ? 'no problems' : `${count} finding${count === 1 ? '' : 's'}`}.`);
  return out.join('\n') + '\n';
}

function addressLines(a: AddressCheck, port: number): string[] {
  const lines = [`  ${a.address}${a.host ? ` (${a.host})` : ''}`];
  if (a.ptr.kind === 'found') {
    const names = a.ptrNames.map((p) => `${p.name} ${p.confirmed ? '(forward-confirmed)' : `(not confirmed: ${answerText(p.addresses)})`}`);
    lines.push(`    PTR: ${names.join(', ')}`);
  } else lines.push(`    PTR: ${answerText(a.ptr)}`);
  const s = a.smtp;
  if (!s) lines.push('    SMTP: not probed (a sending host named by SPF need not accept mail)');
  else if (s.kind === 'unreachable' || s.kind === 'no-route') lines.push(`    SMTP port ${port}: ${s.detail}`);
  else if (s.kind === 'garbled') lines.push(`    SMTP port ${port}: not an SMTP reply: "${s.line}"`);
  else {
    lines.push(`    greeting: ${replyText(s.greeting)}`);
    if (s.ehloProblem) lines.push(`    EHLO: ${s.ehloProblem}`);
    else if (s.ehlo) lines.push(`    EHLO: ${s.ehlo.code}${s.ehlo.code === 250 ? (offersStartTls(s.ehlo) ? ', STARTTLS offered' : ', no STARTTLS') : ` ${s.ehlo.lines[0] ?? ''}`}`);
    if (a.banner?.kind === 'fqdn' && a.bannerAddresses) lines.push(`    greeting name ${a.banner.name}: ${answerText(a.bannerAddresses)}`);
  }
  return lines;
}

function answerText(a: LiveAnswer): string {
  const from = a.source === 'zone' ? ' (from the zone)' : '';
  if (a.kind === 'found') return a.values.join(', ') + from;
  if (a.kind === 'none') return (a.reason === 'nxdomain' ? 'NXDOMAIN' : 'no records') + from;
  return `lookup failed: ${a.reason}${from}`;
}

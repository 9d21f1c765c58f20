/**
 * mailauth (v4) as a second opinion on SPF syntax, driven without any network access.
 *
 * mailauth has no stand-alone record parser: `lib/spf/spf-verify.js` validates a record while
 * evaluating it. Its public `spf()` entry point (`lib/spf/index.js`) accepts a `resolver`
 * option, so we serve the record under test as the TXT record of example.com, answer every
 * other TXT query with the neutral record `v=spf1` (so include/redirect targets exist and are
 * valid), and every address, MX or PTR query with no data. The lookup limit is raised so that
 * only syntax can produce permerror.
 *
 * Evaluation stops at the first matching mechanism, so `-all` would hide errors behind it.
 * We therefore also evaluate every term alone (`v=spf1 <term>`): mailauth calls the record
 * invalid when any of these runs ends in permerror.
 */

interface MailauthSpfResult {
  status: { result: string; comment?: string };
}
type MailauthSpf = (opts: {
  sender: string;
  ip: string;
  helo: string;
  mta: string;
  maxResolveCount: number;
  maxVoidCount: number;
  resolver: (name: string, type: string) => Promise<unknown>;
}) => Promise<MailauthSpfResult>;

let spf: MailauthSpf | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  spf = (require('mailauth/lib/spf') as { spf: MailauthSpf }).spf;
} catch {
  spf = undefined;
}

export const mailauthAvailable = spf !== undefined;

export const ORACLE_DOMAIN = 'example.com';
export const ORACLE_CLIENT = { sender: `user@${ORACLE_DOMAIN}`, ip: '192.0.2.1', helo: 'mail.example.net' };

/** Evaluates `strings` (one TXT record) published at example.com; returns mailauth's result. */
export async function mailauthEvaluate(strings: readonly string[]): Promise<{ result: string; comment: string }> {
  if (!spf) throw new Error('mailauth is not installed');
  // The record is served once: a later query of the same name (a self-include, a redirect
  // loop, include:%{d}) gets the neutral record, so loops cannot end in permerror.
  let served = false;
  const resolver = async (name: string, type: string): Promise<unknown> => {
    if (type !== 'TXT') return [];
    if (name.toLowerCase() === ORACLE_DOMAIN && !served) {
      served = true;
      return [[...strings]];
    }
    return [['v=spf1']];
  };
  const r = await spf({ ...ORACLE_CLIENT, mta: 'mx.example.org', maxResolveCount: 1000, maxVoidCount: 1000, resolver });
  return { result: r.status.result, comment: r.status.comment ?? '' };
}

export interface MailauthVerdict {
  /** False when any run (whole record or a single term) ended in permerror. */
  valid: boolean;
  /**
   * True when mailauth reached no verdict: no run ended in permerror but one ended in
   * temperror, i.e. mailauth threw an unexpected exception (our resolver never fails).
   */
  crashed: boolean;
  /** The permerror explanation of the first failing run, or the crash message. */
  detail: string;
}

/** mailauth's syntax verdict on the record whose strings are `strings`. */
export async function mailauthVerdict(strings: readonly string[]): Promise<MailauthVerdict> {
  const joined = strings.join('');
  const runs: string[][] = [[...strings]];
  for (const term of joined.slice('v=spf1'.length).split(' ').filter((t) => t !== '')) runs.push([`v=spf1 ${term}`]);
  let crash: string | undefined;
  for (const run of runs) {
    const { result, comment } = await mailauthEvaluate(run);
    // A permerror is a verdict even when an earlier run crashed.
    if (result === 'permerror') return { valid: false, crashed: false, detail: `${run.join('')}: ${comment}` };
    if (result === 'temperror' && crash === undefined) crash = `${run.join('')}: ${comment}`;
  }
  return { valid: true, crashed: crash !== undefined, detail: crash ?? '' };
}

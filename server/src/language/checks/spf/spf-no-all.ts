/**
 * spf-no-all: a record with neither `all` nor `redirect=` ends with the default result
 * "neutral" for every sender it does not list (RFC 7208 §4.7): receivers treat unlisted
 * senders as if there were no policy. Information only: it may be deliberate.
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfNoAll: Rule = {
  id: 'spf-no-all',
  defaultSeverity: 'information',
  summary: 'An SPF record with no all and no redirect: senders it does not list get a neutral result.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf' || entry.spf.hints.all || entry.spf.hints.redirect) continue;
      report({
        ...placeIn(entry, entry.spf.versionRange),
        message: 'This SPF record has no all mechanism and no redirect=: senders it does not list get "neutral" (RFC 7208 §4.7), which receivers treat like no policy. End it with ~all or -all.',
      });
    }
  },
  fixes(diagnostic, zone) {
    const entry = zoneSpf(zone).entries.find((e) => e.record.file === diagnostic.file && e.spf.versionRange.start === diagnostic.start);
    if (!entry || entry.record.generated || entry.spf.hints.all) return [];
    const last = entry.strings[entry.strings.length - 1];
    if (!last.quoted) return [];
    const space = entry.spf.text.endsWith(' ') ? '' : ' ';
    const add = (q: string) => ({ start: last.end, end: last.end, newText: `${space}${q}all`, file: entry.record.file });
    return [
      { title: "Add '~all' (softfail for other senders)", edits: [add('~')] },
      { title: "Add '-all' (fail for other senders)", edits: [add('-')] },
    ];
  },
};

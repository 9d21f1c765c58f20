/**
 * spf-syntax: every syntax error the SPF parser finds (RFC 7208 §4.6.1, §5, §6, §7.1), at its
 * range and with its message. Receivers stop with permerror at the first one (§4.6), so the
 * whole policy is lost. A version tag glued to the next string is spf-joined-badly's finding.
 * A mechanism written as a modifier (`include=x`) gets a fix: the `=` becomes `:`.
 */
import type { Fix, Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

/** What the `include=` → `include:` fix needs: the document offset of the `=`. */
interface ColonFixData {
  colonAt: number;
}

export const spfSyntax: Rule = {
  id: 'spf-syntax',
  defaultSeverity: 'error',
  summary: 'An SPF record that does not follow the grammar of RFC 7208: receivers return permerror.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      const text = zone.files[entry.record.file]?.text ?? '';
      for (const error of entry.spf.errors) {
        if (error.code === 'version-joined') continue;
        const place = placeIn(entry, error);
        // `name=` as written in the document (not through an escape, not from $GENERATE), so
        // the `=` can be replaced in place; `all=` has no colon form and gets no fix.
        const fixable =
          error.code === 'mechanism-as-modifier' &&
          !entry.record.generated &&
          text[place.end - 1] === '=' &&
          /^[a-z0-9]+=$/i.test(text.slice(place.start, place.end)) &&
          text.slice(place.start, place.end - 1).toLowerCase() !== 'all';
        const data: ColonFixData | undefined = fixable ? { colonAt: place.end - 1 } : undefined;
        report({ ...place, message: error.message, ...(data ? { data } : {}) });
      }
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const data = diagnostic.data as Partial<ColonFixData> | undefined;
    const at = data?.colonAt;
    const text = zone.files[diagnostic.file]?.text ?? '';
    if (typeof at !== 'number' || text[at] !== '=' || at < diagnostic.start || at >= diagnostic.end) return [];
    const name = text.slice(diagnostic.start, at);
    return [{ title: `Write '${name}:' instead of '${name}='`, edits: [{ start: at, end: at + 1, newText: ':', file: diagnostic.file }], isPreferred: true }];
  },
};

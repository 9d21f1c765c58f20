/**
 * SVCB and HTTPS (RFC 9460): priority, target name, then SvcParams written `key`, `key=value`
 * or `key="value"`. The lexer splits `key="value"` into the word `key=` and the quoted string
 * right after it; the two are joined here when nothing separates them (BIND rejects `key= "v"`).
 * The params field holds the canonical `key=value` texts in key order, as BIND prints them.
 */
import type { RRTypeSpec, RdataContext, RdataField, RdataToken } from '../spec';
import { countMessage, decodeGuarded, field, parseFields, rdataRange, trackErrors } from '../define';
import { domainName, u16 } from '../fields';
import { charStringToOctets, decodeCharString, isCharStringError } from '../charStrings';
import { decodeName, encodeName } from '../nameWire';
import { formatSvcParam, svcKeyCode, svcKeyName, svcValueToWire, svcWireProblem } from '../svcParams';
import { WireError, WireWriter } from '../wire';

const HEAD = [
  field('priority', u16, 'SvcPriority: 0 makes this an AliasMode record (the target is an alias, params are ignored); 1-65535 are ServiceMode records, lowest tried first.'),
  field('target', domainName, 'TargetName: the host serving the endpoint; `.` means the owner name itself in ServiceMode.'),
];
const PARAMS_DOC = 'SvcParams: mandatory, alpn, no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath or keyNNNNN, each `key=value`, in any order, each key at most once.';

interface Param {
  key: number;
  wire: Uint8Array;
}

/** One param from its key text and decoded value (null when no `=`). */
function paramFromParts(keyText: string, value: string | null): Param | string {
  const key = svcKeyCode(keyText);
  if (key === undefined) return `"${keyText}" is not a SvcParamKey (mandatory, alpn, no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath or keyNNNNN)`;
  if (/^key[0-9]/.test(keyText)) {
    // keyNNNNN=value gives the wire value directly; it must still be valid for a known key.
    const wire = value === null ? new Uint8Array(0) : charStringToOctets(value);
    const problem = svcWireProblem(key, wire);
    return problem ? `${keyText} (${svcKeyName(key)}): ${problem}` : { key, wire };
  }
  const wire = svcValueToWire(key, value);
  return typeof wire === 'string' ? wire : { key, wire };
}

/** Re-read a canonical `key=value` text produced by formatSvcParam. */
function paramFromCanonical(text: string): Param {
  const eq = text.indexOf('=');
  if (eq < 0) return paramFromParts(text, null) as Param;
  let raw = text.slice(eq + 1);
  const quoted = raw.startsWith('"');
  if (quoted) raw = raw.slice(1, -1);
  const d = decodeCharString({ text: raw, start: 0, end: raw.length, quoted: false });
  return paramFromParts(text.slice(0, eq), isCharStringError(d) ? '' : d.charString.value) as Param;
}

/** Cross-parameter rules of RFC 9460 §7.1.1 and §8; returns a message or null. */
function paramSetProblem(params: readonly Param[]): string | null {
  const keys = new Set(params.map((p) => p.key));
  const mandatory = params.find((p) => p.key === 0);
  if (mandatory) {
    for (let i = 0; i < mandatory.wire.length; i += 2) {
      const k = (mandatory.wire[i] << 8) | mandatory.wire[i + 1];
      if (!keys.has(k)) return `mandatory lists ${svcKeyName(k)}, but the record has no ${svcKeyName(k)} parameter`;
    }
  }
  if (keys.has(2) && !keys.has(1)) return 'no-default-alpn needs an alpn parameter as well (RFC 9460 §7.1.1)';
  return null;
}

function parseParams(tokens: readonly RdataToken[], ctx: RdataContext, type: string): Param[] | null {
  const params: Param[] = [];
  let ok = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) {
      ctx.error(t.start, t.end, `${type} SvcParam must start with a key (key=value); a quoted string cannot stand alone`);
      ok = false;
      continue;
    }
    const eq = t.text.indexOf('=');
    const keyText = eq < 0 ? t.text : t.text.slice(0, eq);
    let value: string | null = null;
    let end = t.end;
    if (eq >= 0) {
      const next = tokens[i + 1];
      let valueToken: RdataToken = { text: t.text.slice(eq + 1), start: t.start + eq + 1, end: t.end, quoted: false };
      // A lexer that keeps `key="value"` as one word: take the quotes off here.
      if (/^".*"$/s.test(valueToken.text) && valueToken.text.length >= 2) {
        valueToken = { text: valueToken.text.slice(1, -1), start: valueToken.start, end: valueToken.end, quoted: true };
      }
      if (eq === t.text.length - 1 && next && next.quoted && next.start === t.end) {
        valueToken = next;
        end = next.end;
        i++;
      }
      const d = decodeCharString(valueToken);
      if (isCharStringError(d)) {
        ctx.error(d.start, d.end, d.error);
        ok = false;
        continue;
      }
      value = d.charString.value;
    }
    const p = paramFromParts(keyText, value);
    if (typeof p === 'string') {
      ctx.error(t.start, end, `${type} ${p}`);
      ok = false;
    } else if (params.some((q) => q.key === p.key)) {
      ctx.error(t.start, end, `${type} has ${svcKeyName(p.key)} more than once`);
      ok = false;
    } else params.push(p);
  }
  return ok ? params.sort((a, b) => a.key - b.key) : null;
}

export function makeSvcbType(name: string, code: number, summary: string, rfc: string): RRTypeSpec {
  const fieldSpecs = [...HEAD.map(({ name: n, kind, doc }) => ({ name: n, kind, doc })), { name: 'params', kind: 'special' as const, doc: PARAMS_DOC, optional: true }];
  const checkSet = (params: readonly Param[], fields: RdataField[], ctx: RdataContext): void => {
    const problem = paramSetProblem(params);
    const f = fields[2];
    if (problem) ctx.error(f.start, f.end, `${name} ${problem}`);
    else if (fields[0].value === 0 && params.length > 0) {
      ctx.warning(f.start, f.end, `${name} priority 0 is AliasMode: clients ignore SvcParams there (RFC 9460 §2.4.2)`);
    }
  };
  return {
    name,
    code,
    summary,
    rfc,
    fields: fieldSpecs,
    parse(ctx) {
      const tracked = trackErrors(ctx);
      const tokens = ctx.tokens;
      if (tokens.length < 2) {
        const r = rdataRange(ctx);
        ctx.error(r.start, r.end, countMessage(name, fieldSpecs, 2, tokens.length));
        return null;
      }
      const head = parseFields(name, HEAD, tokens.slice(0, 2), tracked.ctx);
      const rest = tokens.slice(2);
      const params = parseParams(rest, tracked.ctx, name);
      if (!head || !params) return null;
      const range = rest.length > 0 ? { start: rest[0].start, end: rest[rest.length - 1].end } : { start: tokens[1].end, end: tokens[1].end };
      const fields: RdataField[] = [...head, { name: 'params', ...range, value: params.map((p) => formatSvcParam(p.key, p.wire)) }];
      checkSet(params, fields, tracked.ctx);
      return tracked.failed() ? null : fields;
    },
    toWire(fields) {
      const w = new WireWriter();
      w.u16(fields[0].value as number);
      encodeName(fields[1].value as string, w);
      for (const text of (fields[2]?.value as string[]) ?? []) {
        const p = paramFromCanonical(text);
        w.u16(p.key);
        w.u16(p.wire.length);
        w.bytes(p.wire);
      }
      return w.finish();
    },
    fromWire(bytes, range, ctx) {
      const tracked = trackErrors(ctx);
      const fields = decodeGuarded(name, bytes, range, tracked.ctx, (r) => {
        const priority = r.u16('priority');
        const target = decodeName(r, 'target');
        const params: Param[] = [];
        while (!r.atEnd) {
          const key = r.u16('SvcParamKey');
          const wire = r.take(r.u16(`length of ${svcKeyName(key)}`), svcKeyName(key));
          if (params.length > 0 && key <= params[params.length - 1].key) throw new WireError('SvcParamKeys must be in strictly increasing order');
          const problem = svcWireProblem(key, wire);
          if (problem) throw new WireError(problem);
          params.push({ key, wire });
        }
        const out: RdataField[] = [
          { name: 'priority', ...range, value: priority },
          { name: 'target', ...range, value: target },
          { name: 'params', ...range, value: params.map((p) => formatSvcParam(p.key, p.wire)) },
        ];
        checkSet(params, out, tracked.ctx);
        return out;
      });
      return fields && !tracked.failed() ? fields : null;
    },
  };
}

export const SVCB = makeSvcbType('SVCB', 64, 'Service binding: the endpoints and connection parameters (ALPN, port, address hints, ECH) of a service.', 'RFC 9460 §2');

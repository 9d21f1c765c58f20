/**
 * LOC (RFC 1876): geographic location. Presentation:
 *   d1 [m1 [s1]] {N|S} d2 [m2 [s2]] {E|W} alt[m] [size[m] [hp[m] [vp[m]]]]
 * Field values are kept in wire units: latitude and longitude as thousandths of an arc-second
 * offset by 2^31, altitude in centimetres offset by 100 000 m, and the three sizes in centimetres
 * after the mantissa/exponent rounding the wire format imposes (BIND truncates the same way).
 */
import type { RRTypeSpec, RdataContext, RdataField, RdataToken } from '../spec';
import { countMessage, decodeGuarded, rdataRange } from '../define';
import { WireError, WireWriter } from '../wire';

const EQUATOR = 2 ** 31;
const ALTITUDE_BASE_CM = 10000000;
const MAX_ALTITUDE_CM = 4284967295; // 2^32 - 1 - 10 000 000 cm: 42 849 672.95 m
const MAX_SIZE_CM = 9e9; // mantissa 9, exponent 9: 90 000 000 m
const DEFAULTS_CM = { size: 100, horizPre: 1000000, vertPre: 1000 }; // 1 m, 10 km, 10 m

const FIELDS = [
  { name: 'latitude', kind: 'special', doc: 'Latitude as degrees [minutes [seconds]] N or S; seconds may have up to three decimals.' },
  { name: 'longitude', kind: 'special', doc: 'Longitude as degrees [minutes [seconds]] E or W.' },
  { name: 'altitude', kind: 'special', doc: 'Altitude in metres above the WGS 84 reference spheroid (-100000.00 to 42849672.95), `m` suffix optional.' },
  { name: 'size', kind: 'special', doc: 'Diameter of a sphere enclosing the entity, in metres (default 1m); stored as one digit times a power of ten.', optional: true },
  { name: 'horizPre', kind: 'special', doc: 'Horizontal precision in metres (default 10000m).', optional: true },
  { name: 'vertPre', kind: 'special', doc: 'Vertical precision in metres (default 10m).', optional: true },
] as const;

/** Encoded size octet: high nibble mantissa, low nibble power of ten, in centimetres. */
function sizeByte(cm: number): number {
  let exp = 0;
  while (exp < 9 && cm >= 10 ** (exp + 1)) exp++;
  return (Math.floor(cm / 10 ** exp) << 4) | exp;
}

function byteToCm(b: number): number {
  const mantissa = b >> 4;
  const exp = b & 0xf;
  if (mantissa > 9 || exp > 9) throw new WireError(`size/precision octet 0x${b.toString(16)} has a mantissa or exponent above 9`);
  return mantissa * 10 ** exp;
}

/** Metres with up to two decimals and an optional `m`, as centimetres; null when malformed. */
function metresToCm(text: string, signed: boolean): number | null {
  const m = (signed ? /^([-+]?)([0-9]+)(?:\.([0-9]{1,2}))?m?$/ : /^()([0-9]+)(?:\.([0-9]{1,2}))?m?$/).exec(text);
  if (!m) return null;
  const cm = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cm : cm;
}

interface Cursor {
  i: number;
}

/** `d [m [s]] H` with H one of `hemispheres`; returns thousandths of arc-seconds (signed). */
function parseAngle(tokens: readonly RdataToken[], c: Cursor, ctx: RdataContext, what: string, hemispheres: string, maxDegrees: number): number | null {
  const parts: RdataToken[] = [];
  while (c.i < tokens.length && parts.length < 4) {
    const t = tokens[c.i++];
    parts.push(t);
    if (!t.quoted && hemispheres.includes(t.text) && t.text.length === 1) break;
  }
  const hemi = parts[parts.length - 1];
  if (!hemi || hemi.quoted || hemi.text.length !== 1 || !hemispheres.includes(hemi.text) || parts.length < 2) {
    const r = hemi ?? rdataRange(ctx);
    ctx.error(r.start, r.end, `LOC ${what} must be degrees [minutes [seconds]] followed by ${hemispheres.split('').join(' or ')} (upper case)`);
    return null;
  }
  const [deg, min, sec] = parts.slice(0, -1);
  const limits: [RdataToken | undefined, RegExp, number, string][] = [
    [deg, /^[0-9]+$/, maxDegrees, 'degrees'],
    [min, /^[0-9]+$/, 59, 'minutes'],
    [sec, /^[0-9]+(\.[0-9]{1,3})?$/, 59.999, 'seconds'],
  ];
  const values: number[] = [];
  for (const [t, re, max, unit] of limits) {
    if (!t) {
      values.push(0);
      continue;
    }
    if (t.quoted || !re.test(t.text) || Number(t.text) > max) {
      ctx.error(t.start, t.end, `LOC ${what} ${unit} must be ${unit === 'seconds' ? 'a number 0-59.999 (up to three decimals)' : `an integer 0-${max}`}; got "${t.text}"`);
      return null;
    }
    values.push(Number(t.text));
  }
  const thousandths = Math.round(values[0] * 3600000 + values[1] * 60000 + values[2] * 1000);
  if (thousandths > maxDegrees * 3600000) {
    ctx.error(deg.start, parts[parts.length - 2].end, `LOC ${what} is beyond ${maxDegrees} degrees`);
    return null;
  }
  return hemi.text === 'S' || hemi.text === 'W' ? -thousandths : thousandths;
}

function parseLoc(ctx: RdataContext): RdataField[] | null {
  const tokens = ctx.tokens;
  if (tokens.length < 5) {
    const r = rdataRange(ctx);
    ctx.error(r.start, r.end, countMessage('LOC', FIELDS, 3, tokens.length) + ' (latitude and longitude take 2-4 words each)');
    return null;
  }
  const c: Cursor = { i: 0 };
  const latStart = tokens[0].start;
  const lat = parseAngle(tokens, c, ctx, 'latitude', 'NS', 90);
  if (lat === null) return null;
  const lonStart = tokens[c.i]?.start ?? rdataRange(ctx).end;
  const latEnd = tokens[c.i - 1].end;
  const lon = parseAngle(tokens, c, ctx, 'longitude', 'EW', 180);
  if (lon === null) return null;
  const lonEnd = tokens[c.i - 1].end;
  const fields: RdataField[] = [
    { name: 'latitude', start: latStart, end: latEnd, value: EQUATOR + lat },
    { name: 'longitude', start: lonStart, end: lonEnd, value: EQUATOR + lon },
  ];
  const rest = tokens.slice(c.i);
  if (rest.length === 0) {
    const r = rdataRange(ctx);
    ctx.error(r.start, r.end, 'LOC needs an altitude after the longitude (e.g. 0m)');
    return null;
  }
  if (rest.length > 4) {
    ctx.error(rest[4].start, rest[rest.length - 1].end, 'LOC has extra data after altitude, size, horizontal and vertical precision');
    return null;
  }
  const alt = rest[0].quoted ? null : metresToCm(rest[0].text, true);
  if (alt === null || alt < -ALTITUDE_BASE_CM || alt > MAX_ALTITUDE_CM) {
    ctx.error(rest[0].start, rest[0].end, `LOC altitude must be metres from -100000.00 to 42849672.95 (up to two decimals, optional "m"); got "${rest[0].text}"`);
    return null;
  }
  fields.push({ name: 'altitude', start: rest[0].start, end: rest[0].end, value: alt + ALTITUDE_BASE_CM });
  const names = ['size', 'horizPre', 'vertPre'] as const;
  for (let k = 0; k < 3; k++) {
    const t = rest[k + 1];
    if (!t) {
      fields.push({ name: names[k], start: rest[rest.length - 1].end, end: rest[rest.length - 1].end, value: DEFAULTS_CM[names[k]] });
      continue;
    }
    const cm = t.quoted ? null : metresToCm(t.text, false);
    if (cm === null || cm > MAX_SIZE_CM) {
      ctx.error(t.start, t.end, `LOC ${names[k]} must be metres from 0 to 90000000 (up to two decimals, optional "m"); got "${t.text}"`);
      return null;
    }
    const b = sizeByte(cm);
    fields.push({ name: names[k], start: t.start, end: t.end, value: byteToCm(b) });
  }
  return fields;
}

function value(fields: readonly RdataField[], name: string): number {
  return fields.find((f) => f.name === name)?.value as number;
}

export const LOC: RRTypeSpec = {
  name: 'LOC',
  code: 29,
  summary: 'Geographic location of the owner: latitude, longitude, altitude and precision.',
  rfc: 'RFC 1876 §2-3',
  fields: FIELDS.map((f) => ({ ...f })),
  parse: parseLoc,
  toWire(fields) {
    const w = new WireWriter();
    w.u8(0);
    w.u8(sizeByte(value(fields, 'size')));
    w.u8(sizeByte(value(fields, 'horizPre')));
    w.u8(sizeByte(value(fields, 'vertPre')));
    w.u32(value(fields, 'latitude'));
    w.u32(value(fields, 'longitude'));
    w.u32(value(fields, 'altitude'));
    return w.finish();
  },
  fromWire(bytes, range, ctx) {
    return decodeGuarded('LOC', bytes, range, ctx, (r) => {
      const version = r.u8('version');
      if (version !== 0) throw new WireError(`version ${version} is not defined (only 0)`);
      const sizes = [r.u8('size'), r.u8('horizontal precision'), r.u8('vertical precision')].map(byteToCm);
      const lat = r.u32('latitude');
      const lon = r.u32('longitude');
      const alt = r.u32('altitude');
      if (Math.abs(lat - EQUATOR) > 90 * 3600000) throw new WireError('latitude is beyond 90 degrees');
      if (Math.abs(lon - EQUATOR) > 180 * 3600000) throw new WireError('longitude is beyond 180 degrees');
      const values: [string, number][] = [['latitude', lat], ['longitude', lon], ['altitude', alt], ['size', sizes[0]], ['horizPre', sizes[1]], ['vertPre', sizes[2]]];
      return values.map(([name, v]) => ({ name, start: range.start, end: range.end, value: v }));
    });
  },
};

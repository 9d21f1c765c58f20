/**
 * soa-values: the SOA serial and timers against RFC 1912 §2.2, RFC 2308 §5 and the Zonemaster
 * zone tests (ZONE02-ZONE06). Hard contradictions (retry not below refresh, expire not above it,
 * an impossible date serial) are warnings; values merely outside the recommended ranges are
 * information. Each finding points at the one field.
 */
import type { Severity } from '../../text/finding';
import type { Rule } from '../rule';
import { fieldPlace, numberOf } from './common';

const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;
const YEAR = 365 * DAY;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a serial written like YYYYMMDDnn is not a date, or null. A value that is plausibly a Unix
 * time (within five years before and one after `nowSeconds`) is taken as a timestamp serial.
 */
export function serialDateProblem(serial: number, nowSeconds: number): string | null {
  const s = String(serial);
  if (!/^(19|20)[0-9]{8}$/.test(s)) return null;
  if (serial >= nowSeconds - 5 * YEAR && serial <= nowSeconds + YEAR) return null;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (month < 1 || month > 12) return `month ${s.slice(4, 6)} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `${year}-${s.slice(4, 6)} has no day ${s.slice(6, 8)}`;
  return null;
}

function duration(seconds: number): string {
  if (seconds % WEEK === 0 && seconds >= WEEK) return `${seconds} (${seconds / WEEK} week${seconds === WEEK ? '' : 's'})`;
  if (seconds % DAY === 0 && seconds >= DAY) return `${seconds} (${seconds / DAY} day${seconds === DAY ? '' : 's'})`;
  if (seconds % HOUR === 0 && seconds >= HOUR) return `${seconds} (${seconds / HOUR} hour${seconds === HOUR ? '' : 's'})`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds} (${seconds / 60} minute${seconds === 60 ? '' : 's'})`;
  return `${seconds} seconds`;
}

export const soaValues: Rule = {
  id: 'soa-values',
  defaultSeverity: 'warning',
  summary: 'SOA serial and timers outside the ranges of RFC 1912, RFC 2308 and the Zonemaster tests.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const soa = zone.apexSoa.find((r) => r.valid);
    if (!soa) return;
    const say = (name: string, message: string, severity?: Severity) => {
      const x = numberOf(soa, name);
      if (x) report({ ...fieldPlace(soa, x.f), message, ...(severity ? { severity } : {}) });
    };
    const serial = numberOf(soa, 'serial');
    const refresh = numberOf(soa, 'refresh')?.v;
    const retry = numberOf(soa, 'retry')?.v;
    const expire = numberOf(soa, 'expire')?.v;
    const minimum = numberOf(soa, 'minimum')?.v;

    if (serial) {
      const why = serialDateProblem(serial.v, Math.floor(Date.now() / 1000));
      if (why) say('serial', `Serial ${serial.v} looks like a YYYYMMDDnn date, but ${why}; a typo here can make the serial jump, and secondaries only transfer the zone when it increases (RFC 1982).`);
    }

    if (refresh !== undefined) {
      if (refresh < 1200) say('refresh', `Refresh ${duration(refresh)} is below the 20 minutes RFC 1912 §2.2 suggests; secondaries would poll the primary constantly.`);
      else if (refresh < 4 * HOUR) say('refresh', `Refresh ${duration(refresh)} is below 4 hours, the minimum the Zonemaster test ZONE02 recommends; with NOTIFY (RFC 1996) a long refresh is enough.`, 'information');
      else if (refresh > DAY) say('refresh', `Refresh ${duration(refresh)} is above 1 day (RIPE-203, RFC 1912 §2.2 suggests at most 12 hours); a secondary that misses a NOTIFY stays out of date that long.`, 'information');
    }

    if (retry !== undefined && refresh !== undefined && retry >= refresh) {
      say('retry', `Retry ${duration(retry)} is not below refresh ${duration(refresh)}; it should be a fraction of it (RFC 1912 §2.2, Zonemaster ZONE03).`);
    } else if (retry !== undefined && retry < HOUR) {
      say('retry', `Retry ${duration(retry)} is below 1 hour, the minimum the Zonemaster test ZONE04 recommends.`, 'information');
    }

    if (expire !== undefined && refresh !== undefined && expire <= refresh) {
      say('expire', `Expire ${duration(expire)} is not above refresh ${duration(refresh)}; secondaries would drop the zone before their next refresh (RFC 1912 §2.2, Zonemaster ZONE05).`);
    } else if (expire !== undefined && refresh !== undefined && retry !== undefined && expire < refresh + retry) {
      say('expire', `Expire ${duration(expire)} is below refresh plus retry (${refresh + retry}); BIND raises it to that sum (RFC 1912 §2.2).`);
    } else if (expire !== undefined && expire < WEEK) {
      say('expire', `Expire ${duration(expire)} is below 1 week, the minimum of the Zonemaster test ZONE05; secondaries stop answering for the zone after an outage of the primary this long (RFC 1912 §2.2 suggests 2-4 weeks).`);
    }

    if (minimum !== undefined) {
      if (minimum > DAY) say('minimum', `Minimum ${duration(minimum)} is above 1 day; it is the TTL of negative answers (RFC 2308 §4-5, which recommends 1-3 hours), so a name you add stays unknown to resolvers that long (Zonemaster ZONE06).`);
      else if (minimum < 300) say('minimum', `Minimum ${duration(minimum)} is below 5 minutes, the lower bound of the Zonemaster test ZONE06; resolvers would ask again for missing names almost every time.`, 'information');
    }
  },
};

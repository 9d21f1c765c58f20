/** Seconds in words for hovers: 86400 -> "1 day", 5400 -> "1 hour 30 minutes". */

const UNITS: readonly [number, string][] = [
  [604800, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return `${seconds} seconds`;
  if (seconds === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [size, name] of UNITS) {
    const n = Math.floor(rest / size);
    if (n === 0) continue;
    parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

/** "86400 seconds (1 day)"; just "30 seconds" when the words add nothing. */
export function secondsWithWords(seconds: number): string {
  const words = humanDuration(seconds);
  return words === `${seconds} seconds` || words === '1 second' ? words : `${seconds} seconds (${words})`;
}

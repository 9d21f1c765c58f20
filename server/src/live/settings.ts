/**
 * The `dnsZone.live.*` settings and the `--resolver`/`--smtp-port`/`--smtp-timeout` options:
 * one typed shape, with a parser for the resolver address (`ADDR`, `ADDR:PORT`, `[V6]:PORT`).
 */
import * as net from 'node:net';

export interface LiveSettings {
  /** Live checks make network traffic: nothing happens unless this is true. */
  enabled: boolean;
  /** DNS server to ask, `address[:port]`; empty for the system's resolvers. */
  resolver: string;
  smtpPort: number;
  /** Per step: connect + greeting, the EHLO reply, and each DNS query. */
  timeoutMs: number;
}

export const defaultLiveSettings: LiveSettings = { enabled: false, resolver: '', smtpPort: 25, timeoutMs: 5000 };

/** Merge what the client sent for `dnsZone.live` over the defaults; values of the wrong shape are ignored. */
export function readLiveSettings(raw: unknown): LiveSettings {
  const s = { ...defaultLiveSettings };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled === 'boolean') s.enabled = r.enabled;
  // Kept even when malformed: the run then fails with a message, rather than silently asking another server.
  if (typeof r.resolver === 'string') s.resolver = r.resolver.trim();
  if (isPort(r.smtpPort)) s.smtpPort = r.smtpPort;
  if (typeof r.timeoutMs === 'number' && Number.isInteger(r.timeoutMs) && r.timeoutMs >= 100 && r.timeoutMs <= 120000) s.timeoutMs = r.timeoutMs;
  return s;
}

export function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}

export interface ResolverAddress {
  address: string;
  port: number;
  /** The form `dns.Resolver.setServers` takes. */
  server: string;
}

/** `192.0.2.53`, `192.0.2.53:5353`, `2001:db8::53`, `[2001:db8::53]:5353`. Port 53 by default. */
export function parseResolverAddress(text: string): ResolverAddress | { error: string } {
  const t = text.trim();
  let address = t;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracketed) {
    address = bracketed[1];
    portText = bracketed[2];
  } else if (net.isIPv4(t.split(':')[0]) && t.split(':').length === 2) {
    [address, portText] = t.split(':');
  }
  const family = net.isIP(address);
  if (family === 0) return { error: `"${text}" is not an IP address (optionally with :PORT; write IPv6 with a port as [ADDR]:PORT)` };
  const port = portText === undefined ? 53 : Number(portText);
  if (!isPort(port)) return { error: `"${text}": the port must be 1-65535` };
  const server = family === 6 ? `[${address}]:${port}` : `${address}:${port}`;
  return { address, port, server };
}

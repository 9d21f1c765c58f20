/**
 * One short, polite SMTP conversation: connect, read the greeting, send EHLO, read its reply,
 * send QUIT (RFC 5321 §3.1, §4.1.1.1, §4.1.1.10). Never MAIL FROM: nothing is ever sent to
 * anyone. Each step has the same time limit; whatever happens, the socket is closed before the
 * promise settles, so a run leaves nothing open behind it.
 */
import * as net from 'node:net';
import { LiveCancelled } from './dnsClient';
import { ReplyReader, type SmtpReply } from './smtpReply';

export type SmtpProbe =
  | { kind: 'unreachable'; reason: 'refused' | 'timeout' | 'no-greeting' | 'closed' | 'error'; detail: string }
  /** This machine cannot reach the address at all (typically IPv6 without an IPv6 route): says nothing about the server. */
  | { kind: 'no-route'; detail: string }
  /** The greeting is not an SMTP reply at all. */
  | { kind: 'garbled'; line: string }
  /** `ehlo` is absent when the greeting was not 220 (we only said QUIT) or EHLO got no reply in time. */
  | { kind: 'greeted'; greeting: SmtpReply; ehlo?: SmtpReply; ehloProblem?: string };

export interface ProbeOptions {
  port: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Connect errors that come from this machine's own network setup rather than from the server. */
const LOCAL_FAILURES = new Set(['ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT']);

/** After QUIT, wait this long at most for the 221 before closing anyway. */
const QUIT_WAIT_MS = 1000;

export function probeSmtp(address: string, options: ProbeOptions): Promise<SmtpProbe> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new LiveCancelled());
    const socket = net.connect({ host: address, port: options.port });
    socket.setEncoding('latin1');
    const reader = new ReplyReader();
    let phase: 'connect' | 'greeting' | 'ehlo' | 'quit' | 'done' = 'connect';
    let result: SmtpProbe | undefined;
    let greeting: SmtpReply | undefined;
    let timer: NodeJS.Timeout | undefined;

    const arm = (ms: number, onTimeout: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    /** Record the outcome, then close; the promise settles once the socket is gone. */
    const finish = (r: SmtpProbe, polite: boolean) => {
      if (phase === 'done' || phase === 'quit') return;
      result = r;
      if (polite && !socket.destroyed) {
        phase = 'quit';
        socket.write('QUIT\r\n');
        arm(Math.min(QUIT_WAIT_MS, options.timeoutMs), () => socket.destroy());
      } else {
        phase = 'done';
        socket.destroy();
      }
    };
    const onAbort = () => {
      result = undefined;
      phase = 'done';
      socket.destroy();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    arm(options.timeoutMs, () =>
      finish(
        phase === 'connect'
          ? { kind: 'unreachable', reason: 'timeout', detail: `no connection within ${options.timeoutMs} ms (the server is down or filtered, or this network blocks outgoing connections to port ${options.port}, as many home and cloud networks do)` }
          : phase === 'greeting'
            ? { kind: 'unreachable', reason: 'no-greeting', detail: `connected, but no greeting within ${options.timeoutMs} ms` }
            : { kind: 'greeted', greeting: greeting!, ehloProblem: `no reply to EHLO within ${options.timeoutMs} ms` },
        // QUIT is only worth sending to a server that has spoken.
        phase === 'ehlo',
      ),
    );

    socket.on('connect', () => {
      if (phase === 'connect') phase = 'greeting';
    });
    socket.on('data', (chunk: string) => {
      if (phase !== 'greeting' && phase !== 'ehlo') return;
      let r = reader.push(chunk);
      while (r.kind === 'reply' && (phase === 'greeting' || phase === 'ehlo')) {
        if (phase === 'greeting') {
          greeting = r.reply;
          if (greeting.code !== 220) return finish({ kind: 'greeted', greeting }, true);
          phase = 'ehlo';
          socket.write(`EHLO ${ehloIdentity(socket)}\r\n`);
          arm(options.timeoutMs, () => finish({ kind: 'greeted', greeting: greeting!, ehloProblem: `no reply to EHLO within ${options.timeoutMs} ms` }, true));
        } else {
          return finish({ kind: 'greeted', greeting: greeting!, ehlo: r.reply }, true);
        }
        r = reader.next();
      }
      if (r.kind === 'garbled') {
        finish(phase === 'greeting' ? { kind: 'garbled', line: r.line } : { kind: 'greeted', greeting: greeting!, ehloProblem: `EHLO reply is not an SMTP reply: "${r.line}"` }, false);
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (phase === 'connect') {
        const refused = err.code === 'ECONNREFUSED';
        if (err.code && LOCAL_FAILURES.has(err.code)) finish({ kind: 'no-route', detail: `this machine cannot connect to it (${err.code})` }, false);
        else finish({ kind: 'unreachable', reason: refused ? 'refused' : 'error', detail: refused ? 'connection refused' : `cannot connect: ${err.code ?? err.message}` }, false);
      } else if (phase === 'greeting') {
        finish({ kind: 'unreachable', reason: 'closed', detail: `the connection failed before the greeting: ${err.code ?? err.message}` }, false);
      } else if (phase === 'ehlo') {
        finish({ kind: 'greeted', greeting: greeting!, ehloProblem: `the connection failed after EHLO: ${err.code ?? err.message}` }, false);
      }
    });
    socket.on('end', () => {
      if (phase === 'greeting') finish({ kind: 'unreachable', reason: 'closed', detail: 'the server closed the connection without a greeting' }, false);
      else if (phase === 'ehlo') finish({ kind: 'greeted', greeting: greeting!, ehloProblem: 'the server closed the connection after EHLO' }, false);
      else socket.destroy();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (result) resolve(result);
      else if (options.signal?.aborted) reject(new LiveCancelled());
      else resolve({ kind: 'unreachable', reason: 'closed', detail: 'the connection closed unexpectedly' });
    });
  });
}

/** RFC 5321 §4.1.3 address literal of our end of the connection: names nothing about this machine. */
function ehloIdentity(socket: net.Socket): string {
  const local = socket.localAddress ?? '';
  if (net.isIPv6(local)) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(local);
    return mapped ? `[${mapped[1]}]` : `[IPv6:${local}]`;
  }
  return net.isIPv4(local) ? `[${local}]` : '[127.0.0.1]';
}

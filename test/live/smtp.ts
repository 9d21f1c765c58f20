/**
 * Real SMTP servers for the live tests, from the `smtp-server` package, one per 127.0.0.x
 * loopback address (all of 127/8 is loopback on Linux), all on the same free port, each with
 * the behaviour of one test case. Two cases need a server that is not an SMTP server: one that
 * accepts and stays silent (the timeout case) and one that closes at once; those are plain
 * net.Servers. Every server records what it saw, so tests can assert we never sent MAIL FROM.
 */
import * as net from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type Behaviour =
  /** An SMTP server greeting `220 <name> ESMTP`, or `220 <greeting>` when given. */
  | { kind: 'smtp'; name: string; greeting?: string; starttls?: boolean; refuse?: { code: number; message: string } }
  | { kind: 'silent' }
  | { kind: 'close' };

export interface Seen {
  connections: number;
  /** EHLO/HELO arguments, as the server saw them. */
  ehlo: string[];
  mailFrom: number;
}

export interface SmtpFarm {
  port: number;
  seen: Map<string, Seen>;
  stop(): Promise<void>;
}

interface Running {
  close(): Promise<void>;
}

export async function startSmtpFarm(servers: Record<string, Behaviour>, firstPort: () => Promise<number>): Promise<SmtpFarm> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = await firstPort();
    const seen = new Map<string, Seen>();
    const running: Running[] = [];
    try {
      for (const [address, b] of Object.entries(servers)) {
        const s: Seen = { connections: 0, ehlo: [], mailFrom: 0 };
        seen.set(address, s);
        running.push(await start(address, port, b, s));
      }
      return { port, seen, stop: async () => void (await Promise.all(running.map((r) => r.close()))) };
    } catch (err) {
      await Promise.all(running.map((r) => r.close()));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error('no port free on all the test addresses');
}

function start(address: string, port: number, b: Behaviour, seen: Seen): Promise<Running> {
  return b.kind === 'smtp' ? startSmtp(address, port, b, seen) : startRaw(address, port, b.kind, seen);
}

function startSmtp(address: string, port: number, b: Extract<Behaviour, { kind: 'smtp' }>, seen: Seen): Promise<Running> {
  const server: SMTPServer = new SMTPServer({
    name: b.name,
    hideSTARTTLS: b.starttls === false,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 100,
    onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void) {
      seen.connections++;
      if (b.refuse) return callback(Object.assign(new Error(b.refuse.message), { responseCode: b.refuse.code }));
      if (b.greeting !== undefined) {
        // smtp-server always greets `220 <name> ESMTP [banner]`; for a free-form greeting such as
        // `220 SMTP service ready`, replace this connection's greeting (a private method of its
        // connection object, found by the session it shares with us).
        const text = b.greeting;
        const conn = [...server.connections].find((c: { session?: unknown }) => c.session === session) as { _sendGreeting(): void; send(code: number, text: string, ctx: boolean): void } | undefined;
        if (!conn) return callback(new Error('test harness: connection not found'));
        conn._sendGreeting = () => conn.send(220, text, false);
      }
      callback();
    },
    onMailFrom(_address, _session, callback) {
      seen.mailFrom++;
      callback(new Error('this test server accepts no mail'));
    },
    onClose(session: SMTPServerSession) {
      if (session.hostNameAppearsAs) seen.ehlo.push(session.hostNameAppearsAs);
    },
  });
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      // Errors after listening (a client that went away) are part of the tests, not failures.
      server.on('error', () => undefined);
      resolve({ close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

function startRaw(address: string, port: number, kind: 'silent' | 'close', seen: Seen): Promise<Running> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    seen.connections++;
    socket.on('error', () => undefined);
    if (kind === 'close') return void socket.end();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve({
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

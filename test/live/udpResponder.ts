/**
 * A scripted DNS server on loopback UDP for the timeout tests: for each query it reads the
 * question and, as the test's plan says, drops it (a resolver that never answers) or answers
 * after a delay (a slow one). Answers go back to the port the query came from, as a real
 * server's do. A queries get one fixed address; other types an empty NOERROR answer.
 */
import * as dgram from 'node:dgram';

/** What the responder does with one query: never answer, or answer after `afterMs`. */
export type Reply = 'drop' | { afterMs: number };

export interface ReceivedQuery {
  /** Lower case, without the trailing dot. */
  name: string;
  type: number;
  /** performance.now() at arrival. */
  at: number;
}

export interface UdpResponder {
  /** `127.0.0.1:PORT`, as the DNS client takes it. */
  server: string;
  received: ReceivedQuery[];
  /** Resolves with the next query to arrive. */
  nextQuery(): Promise<ReceivedQuery>;
  close(): Promise<void>;
}

/** The address every answered A query gets. */
export const ANSWER_ADDRESS = '192.0.2.44';
const TYPE_A = 1;

export async function startUdpResponder(plan: (query: ReceivedQuery) => Reply): Promise<UdpResponder> {
  const socket = dgram.createSocket('udp4');
  const received: ReceivedQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiters: ((q: ReceivedQuery) => void)[] = [];
  let closed = false;
  socket.on('message', (message, from) => {
    const parsed = parseQuestion(message);
    if (!parsed) return;
    const query: ReceivedQuery = { ...parsed, at: performance.now() };
    received.push(query);
    const woken = waiters;
    waiters = [];
    for (const w of woken) w(query);
    const reply = plan(query);
    if (reply === 'drop') return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) socket.send(answerTo(message, parsed.questionEnd, query.type), from.port, from.address);
    }, reply.afterMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    server: `127.0.0.1:${socket.address().port}`,
    received,
    nextQuery: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      return new Promise((resolve) => socket.close(() => resolve()));
    },
  };
}

/** QNAME and QTYPE of the first question, and where the question ends; undefined for garbage. */
function parseQuestion(message: Buffer): { name: string; type: number; questionEnd: number } | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < message.length && message[at] !== 0) {
    const length = message[at];
    if (length > 63) return undefined; // compression never appears in a question we are sent
    labels.push(message.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  if (at + 5 > message.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: message.readUInt16BE(at + 1), questionEnd: at + 5 };
}

/** A response: the query's ID and question, QR+RD+RA, and one A record for an A query. */
function answerTo(query: Buffer, questionEnd: number, type: number): Buffer {
  const header = Buffer.from(query.subarray(0, questionEnd));
  header.writeUInt16BE(0x8180, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(type === TYPE_A ? 1 : 0, 6);
  header.writeUInt16BE(0, 8);
  header.writeUInt16BE(0, 10);
  if (type !== TYPE_A) return header;
  // Owner: a pointer to the question name at offset 12; type A, class IN, TTL 60, 4 bytes.
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ...ANSWER_ADDRESS.split('.').map(Number)]);
  return Buffer.concat([header, record]);
}

/**
 * The configured timeout is the real limit of each DNS query (dnsClient.ts), against scripted
 * UDP servers on loopback: one that never answers, slow ones, and cancellation while waiting.
 * c-ares alone ignores the limit (it caps a try at 5 s, and at a few times the latency it has
 * seen once a server has answered quickly), so these would fail on its timeout option alone.
 * Wall-clock bounds are generous on purpose: they tell "about the configured time" from
 * "c-ares' own few seconds", nothing finer. The cases run concurrently, each with its own server.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createDnsClient, LiveCancelled, type DnsAnswer } from '../../server/src/live/dnsClient';
import { parseResolverAddress } from '../../server/src/live/settings';
import { ANSWER_ADDRESS, startUdpResponder, type Reply, type ReceivedQuery, type UdpResponder } from './udpResponder';

function clientFor(responder: UdpResponder, timeoutMs: number, signal?: AbortSignal) {
  const server = parseResolverAddress(responder.server);
  if ('error' in server) throw new Error(server.error);
  return createDnsClient({ server, timeoutMs, signal });
}

async function withResponder(plan: (q: ReceivedQuery) => Reply, body: (responder: UdpResponder) => Promise<void>): Promise<void> {
  const responder = await startUdpResponder(plan);
  try {
    await body(responder);
  } finally {
    await responder.close();
  }
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number; started: number; ended: number }> {
  const started = performance.now();
  const value = await work;
  const ended = performance.now();
  return { value, ms: ended - started, started, ended };
}

const found: DnsAnswer = { kind: 'found', values: [ANSWER_ADDRESS] };

describe('DNS queries keep the configured timeout', { concurrency: true, timeout: 60_000 }, () => {
  test('a server that never answers: the query fails after about the configured 1500 ms, saying how long it waited', () =>
    withResponder(
      () => 'drop',
      async (responder) => {
        const { value, ms } = await timed(clientFor(responder, 1500).query('nobody.example.', 'A'));
        assert.equal(value.kind, 'failed', JSON.stringify(value));
        const reported = /^timed out after (\d+) ms$/.exec(value.kind === 'failed' ? value.reason : '');
        assert.ok(reported, `reason: ${JSON.stringify(value)}`);
        assert.ok(ms >= 1400 && ms <= 3000, `gave up after ${Math.round(ms)} ms`);
        assert.ok(Number(reported[1]) >= 1400 && Number(reported[1]) <= ms + 50, `reported ${reported[1]} ms, measured ${Math.round(ms)} ms`);
        assert.ok(responder.received.length >= 1, 'the server was asked');
        assert.ok(responder.received.every((q) => q.name === 'nobody.example' && q.type === 1));
      },
    ));

  test('an answer after 4 s is used with 8 s configured, even after quick answers from the same server', () =>
    withResponder(
      (q) => ({ afterMs: q.name.startsWith('slow') ? 4000 : 0 }),
      async (responder) => {
        const client = clientFor(responder, 8000);
        // Quick answers make a shared c-ares channel expect this server to answer within 250 ms.
        for (let i = 0; i < 4; i++) assert.deepEqual(await client.query(`fast${i}.example.`, 'A'), found);
        const { value, ms } = await timed(client.query('slow.example.', 'A'));
        assert.deepEqual(value, found, `after ${Math.round(ms)} ms`);
        assert.ok(ms >= 3900 && ms < 8000, `answered after ${Math.round(ms)} ms`);
      },
    ));

  test('a server that stalls 6 s and then answers every query is waited for within the 8 s configured', () => {
    // Like a recursive resolver busy upstream: nothing for 6 s, then an answer to each query it
    // holds, retries included. c-ares alone gives up at 5 s.
    let firstAt: number | undefined;
    return withResponder(
      (q) => {
        firstAt ??= q.at;
        return { afterMs: Math.max(0, firstAt + 6000 - q.at) };
      },
      async (responder) => {
        const { value, ms } = await timed(clientFor(responder, 8000).query('stalled.example.', 'A'));
        assert.deepEqual(value, found, `after ${Math.round(ms)} ms; ${responder.received.length} queries received`);
        assert.ok(ms >= 5500, `answered after ${Math.round(ms)} ms`);
      },
    );
  });

  test('a query timing out does not cancel a sibling that is still waiting for its answer', () =>
    withResponder(
      (q) => (q.name.startsWith('never') ? 'drop' : { afterMs: 2500 }),
      async (responder) => {
        const client = clientFor(responder, 3000);
        const firstArrived = responder.nextQuery();
        const doomed = timed(client.query('never.example.', 'A'));
        await firstArrived;
        // Started 1 s later, answered 2.5 s after that: after the first query's 3 s are up.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const sibling = timed(client.query('later.example.', 'A'));
        const [a, b] = await Promise.all([doomed, sibling]);
        assert.equal(a.value.kind, 'failed', JSON.stringify(a.value));
        assert.ok(b.started < a.ended && a.ended < b.ended, 'the sibling was waiting when the first query timed out');
        assert.deepEqual(b.value, found);
      },
    ));

  test('cancelling settles every waiting query at once, whatever the timeout', () =>
    withResponder(
      () => 'drop',
      async (responder) => {
        const abort = new AbortController();
        const client = clientFor(responder, 60_000, abort.signal);
        const arrived = responder.nextQuery();
        const waiting = [client.query('one.example.', 'A'), client.query('two.example.', 'MX')].map((p) => p.then(() => 'answered', (e: unknown) => e));
        await arrived;
        abort.abort();
        const { value, ms } = await timed(Promise.all(waiting));
        for (const outcome of value) assert.ok(outcome instanceof LiveCancelled, String(outcome));
        assert.ok(ms < 1000, `settled ${Math.round(ms)} ms after the cancel`);
        const asked = responder.received.length;
        await assert.rejects(client.query('three.example.', 'A'), LiveCancelled);
        assert.equal(responder.received.length, asked, 'nothing asked once cancelled');
      },
    ));
});

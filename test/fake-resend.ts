import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type FakeResendRequest = {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  batch?: Record<string, unknown>[];
};
type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };

export type FakeResendOptions = {
  /** Share of calls (0–1) that fail at random: half 500, half 429 with Retry-After. */
  failureRate?: number;
  /** Share of the random 500s that come after the messages were sent (the caller cannot know). */
  sentThenFailedShare?: number;
  /** Retry-After of the random 429s, in seconds. */
  retryAfterSeconds?: number;
  port?: number;
  /** Keep no request log (for long runs); counts are kept regardless. */
  quiet?: boolean;
  /** How long each call takes before it is answered, in ms (also `setLatency`). */
  latencyMs?: number;
};

/**
 * A stand-in for Resend's HTTP API on 127.0.0.1, for the real SDK to talk to: `POST /emails` and
 * `POST /emails/batch` (up to 100). Like Resend, it answers a repeated Idempotency-Key with the first
 * result instead of sending again. Responses can be scripted per recipient (a 500 first) and fail at
 * random (`failureRate`). It counts deliveries per recipient, so a message sent twice shows.
 */
export async function startFakeResend(options: FakeResendOptions = {}) {
  const requests: FakeResendRequest[] = [];
  const delivered = new Map<string, { id: string; body: Record<string, unknown> }>();
  const byKey = new Map<string, unknown>();
  const perRecipient = new Map<string, number>();
  const scripts = new Map<string, Scripted[]>();
  const stats = { calls: 0, batchCalls: 0, failed500: 0, failed429: 0, sentThenFailed: 0, replayed: 0 };
  let counter = 0;
  let latencyMs = options.latencyMs ?? 0;

  const deliver = (key: string, body: Record<string, unknown>) => {
    const id = `fake-${++counter}`;
    delivered.set(key, { id, body });
    const to = String(body.to);
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    return id;
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const parsed: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const isBatch = req.url === '/emails/batch';
    const members = isBatch ? (parsed as Record<string, unknown>[]) : [parsed as Record<string, unknown>];
    stats.calls++;
    if (isBatch) stats.batchCalls++;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!options.quiet)
      requests.push({ path: req.url ?? '', headers: req.headers, body: isBatch ? {} : members[0]!, batch: isBatch ? members : undefined });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || (req.url !== '/emails' && !isBatch))
      return reply(404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    if (isBatch && (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 100))
      return reply(422, { name: 'validation_error', message: 'A batch holds 1 to 100 emails', statusCode: 422 });
    for (const member of members) {
      const scripted = scripts.get(String(member.to))?.shift();
      if (scripted && scripted.status >= 300)
        return reply(
          scripted.status,
          scripted.body ?? { name: 'application_error', message: 'Scripted failure', statusCode: scripted.status },
          scripted.headers,
        );
    }
    if (req.headers.authorization !== 'Bearer re_test_key')
      return reply(401, { name: 'missing_api_key', message: 'Bad key', statusCode: 401 });
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && byKey.has(key)) {
      stats.replayed++;
      return reply(200, byKey.get(key));
    }
    const roll = options.failureRate ? Math.random() : 1;
    if (roll < (options.failureRate ?? 0) / 2) {
      stats.failed429++;
      return reply(
        429,
        { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 },
        { 'retry-after': String(options.retryAfterSeconds ?? 1) },
      );
    }
    const failAfter = roll < (options.failureRate ?? 0);
    if (failAfter && Math.random() >= (options.sentThenFailedShare ?? 0)) {
      stats.failed500++;
      return reply(500, { name: 'application_error', message: 'Internal server error', statusCode: 500 });
    }
    const base = typeof key === 'string' ? key : `nokey-${counter}`;
    const ids = members.map((member, i) => deliver(isBatch ? `${base}#${i}` : base, member));
    const payload = isBatch ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
    if (typeof key === 'string') byKey.set(key, payload);
    if (failAfter) {
      stats.sentThenFailed++;
      return reply(500, { name: 'application_error', message: 'Internal server error', statusCode: 500 });
    }
    return reply(200, payload);
  });
  // Node closes an idle kept-alive connection after 5 s, and fetch (undici) may pick that very socket
  // for its next request when timers run late on a loaded machine: the request then fails before it
  // reaches us ("Unable to fetch data"). A real provider keeps connections far longer; so do we.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: 're_test_key',
    requests,
    delivered,
    perRecipient,
    stats,
    /** The next responses for messages to `to`, in order, before normal service resumes. */
    failNext(to: string, ...responses: Scripted[]) {
      scripts.set(to, [...(scripts.get(to) ?? []), ...responses]);
    },
    /** A slow provider from now on (0: answer at once). */
    setLatency(ms: number) {
      latencyMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

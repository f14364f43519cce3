import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeResendRequest = { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };
type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A stand-in for Resend's HTTP API on 127.0.0.1, for the real SDK to talk to. Like Resend, it answers
 * a repeated Idempotency-Key with the first result instead of sending again. Responses can be scripted
 * (e.g. a 500 first) to test retries.
 */
export async function startFakeResend() {
  const requests: FakeResendRequest[] = [];
  const delivered = new Map<string, { id: string; body: Record<string, unknown> }>();
  const scripts = new Map<string, Scripted[]>();
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    requests.push({ path: req.url ?? '', headers: req.headers, body });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== '/emails') return reply(404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    const scripted = scripts.get(String(body.to))?.shift();
    if (scripted && scripted.status >= 300)
      return reply(
        scripted.status,
        scripted.body ?? { name: 'application_error', message: 'Scripted failure', statusCode: scripted.status },
        scripted.headers,
      );
    if (req.headers.authorization !== 'Bearer re_test_key')
      return reply(401, { name: 'missing_api_key', message: 'Bad key', statusCode: 401 });
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && delivered.has(key)) return reply(200, { id: delivered.get(key)!.id });
    const id = `fake-${++counter}`;
    delivered.set(typeof key === 'string' ? key : id, { id, body });
    return reply(200, { id });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: 're_test_key',
    requests,
    delivered,
    /** The next responses for messages to `to`, in order, before normal service resumes. */
    failNext(to: string, ...responses: Scripted[]) {
      scripts.set(to, [...(scripts.get(to) ?? []), ...responses]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

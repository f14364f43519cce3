import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { createReadableStreamFromReadable } from '@remix-run/node';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { NulStripper, withoutNulInForms } from './form-body';

async function through(chunks: string[], encoded: boolean) {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))).pipe(new NulStripper(encoded)))
    out.push(chunk as Buffer);
  return Buffer.concat(out).toString('latin1');
}

describe('NUL characters in form bodies', () => {
  it('drops %00 from form-encoded bodies, also when it is split over chunks', async () => {
    expect(await through(['name=Fuzz+%00+1&email=a%40b.nl'], true)).toBe('name=Fuzz++1&email=a%40b.nl');
    expect(await through(['name=a%', '00b&x=%0', '0y&z=%'], true)).toBe('name=ab&x=y&z=%');
    expect(await through(['a=%0', 'A'], true)).toBe('a=%0A');
  });

  it('keeps every other byte as it is, and drops raw NUL bytes (multipart)', async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="n"\r\n\r\nZo\u00eb\u0000 \u00e9\r\n--b--\r\n';
    expect(await through([part], false)).toBe(part.replace('\u0000', ''));
    expect(await through(['q=%C3%AB%20%E2%80%AE'], true)).toBe('q=%C3%AB%20%E2%80%AE');
  });
});

describe('a form larger than one stream buffer', () => {
  it('reaches the app whole, also when the request has ended before the app reads it', async () => {
    // A request that arrives at once (26 kB: the cleaning stream buffers all of it, so the request ends) and is read later and slowly, the way
    // Remix reads it: the pump pauses when its queue is full, and resumes on the next pull.
    const body = `name=${'a'.repeat(25_000)}&x=%00y`;
    const raw = Object.assign(new PassThrough(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const bytes = Buffer.from(body, 'latin1');
    for (let at = 0; at < bytes.length; at += 4096) raw.write(bytes.subarray(at, at + 4096)); // as TCP delivers it
    raw.end();
    const request = withoutNulInForms(raw as unknown as Request);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the raw request is consumed and ended by now
    const stream = createReadableStreamFromReadable(request as unknown as Readable);
    const reader = stream.getReader();
    let text = '';
    const decoder = new TextDecoder('latin1');
    const read = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000));
    expect(await Promise.race([read, hung])).toBe(`name=${'a'.repeat(25_000)}&x=y`);
  });
});

describe('a response sent before the form was read', () => {
  it('frees the connection: the unread rest of a large body is discarded, and the next request gets through', async () => {
    // Like a 404 for someone else's record: the app answers without reading the body, after the
    // first part of it has arrived (and filled the cleaning stream's buffer).
    const server = createServer((raw, res) => {
      const req = Object.assign(raw, { res }) as unknown as Request;
      withoutNulInForms(req);
      setTimeout(() => res.writeHead(404, { 'content-type': 'text/plain' }).end('Niet gevonden'), 100);
    });
    server.keepAliveTimeout = 65_000; // as server/main.ts: the idle timeout does not end the wait early
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // One keep-alive connection, as a browser or a load balancer reuses one.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (size: number) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/mentoraat/aanvragen/x',
            agent,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(`name=${'a'.repeat(size)}`);
      });
    const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 10_000));
    try {
      expect(await Promise.race([post(8 * 1024 * 1024), hung])).toBe(404);
      expect(await Promise.race([post(10), hung])).toBe(404);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

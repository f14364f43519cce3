import { Transform } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceContext } from './components/nonce';
import { getLog } from './modules/log.server';
import './i18n/all';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  noStoreWhenPersonal(request, responseHeaders);
  const nonce = typeof loadContext.nonce === 'string' ? loadContext.nonce : undefined;
  // Bots and crawlers get the whole page at once; people get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = dropNulBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell was sent are logged here; before that, Remix's handleError logs them.
          if (shellRendered) getLog().error({ err: error, url: new URL(request.url).pathname }, 'render failed');
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * React 18.3's stream writer can emit a view's unused zero bytes when a multi-byte character does not
 * fit at the end of its 2 KB buffer (the character itself follows intact in the next buffer), which
 * puts NUL bytes in the HTML. HTML never legitimately contains NUL (PostgreSQL text cannot hold it
 * either), so they are dropped on the way out.
 */
export function dropNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}

/**
 * Errors thrown by loaders and actions (not the Responses they throw on purpose): logged once, here,
 * with their stack, on the request's logger (so with its request id). Aborted requests are not errors.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  getLog().error({ err: error, method: request.method, path: new URL(request.url).pathname }, 'request error');
};

/** Data requests (client-side navigation) follow the same caching rule as documents. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  noStoreWhenPersonal(request, response.headers);
  return response;
};

/**
 * Pages seen while logged in, and responses that set a cookie, may hold personal data: no cache
 * (browser, proxy or CDN) may keep them (ASVS 8.2.1).
 */
export function noStoreWhenPersonal(request: Request, headers: Headers) {
  const loggedIn = /(?:^|;\s*)pa_session=/.test(request.headers.get('Cookie') ?? '');
  if (loggedIn || headers.has('Set-Cookie')) headers.set('Cache-Control', 'private, no-store');
}

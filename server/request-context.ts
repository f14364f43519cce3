import type { AppLoadContext } from '@remix-run/node';
import type { Request, Response } from 'express';
import type { Env } from '../app/env.server';
import '../app/load-context';

/**
 * Which `X-Forwarded-For` entries express may believe: a number of proxy hops, or the proxies'
 * addresses (validated in env.server.ts). Never `true`, which makes req.ip the left-most entry,
 * written by the client itself, and so every rate limit per IP address its own choice.
 */
export const proxyTrust = (env: Pick<Env, 'TRUST_PROXY'>) => env.TRUST_PROXY;

/** What every loader and action gets from the express server: the CSP nonce, request id and client address. */
export function requestContext(req: Request, res: Response): AppLoadContext {
  return {
    nonce: res.locals.nonce as string,
    requestId: res.locals.requestId as string,
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
  };
}

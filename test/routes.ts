import type { Db } from '../db/client.server';
import { organisationMemberships } from '../db/schema';
import { createSession } from '../app/modules/auth/session.server';

// Calling route loaders and actions with real Requests, as the browser would (session cookie and all).

type RouteArgs = { request: Request; params: Record<string, string>; context: { ip: string } };
export type RouteHandler = (args: RouteArgs) => Promise<unknown>;

const TEST_IP = '203.0.113.9';

/** What Remix passes a loader or action; `ip` is the client address rate limits count by. */
export const argsOf = (request: Request, params: Record<string, string> = {}, ip = TEST_IP): RouteArgs => ({
  request,
  params,
  context: { ip },
});

export const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

export const post = (path: string, fields: Record<string, string | string[]> = {}, cookie?: string) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  });
};

/** Runs a loader or action; a thrown Response (redirect, 404) is returned instead of thrown. */
export const call = (handler: RouteHandler, request: Request, params: Record<string, string> = {}, ip?: string) =>
  handler(argsOf(request, params, ip)).catch((thrown: unknown) => thrown);

/** Runs a loader or action that answers with data, typed as the handler's own; a thrown Response rejects. */
export const run = <R>(handler: (args: RouteArgs) => Promise<R>, request: Request, params: Record<string, string> = {}, ip?: string) =>
  handler(argsOf(request, params, ip));

/** The status a browser would get; an error the handler threw (a crash, not a Response) fails the test. */
export const statusOf = (result: unknown) => {
  if (result instanceof Error) throw result;
  if (result instanceof Response) return result.status;
  const r = result as { type?: string; init?: { status?: number } | null };
  return r?.type === 'DataWithResponseInit' ? (r.init?.status ?? 200) : 200;
};

export const dataOf = <T = Record<string, unknown>>(result: unknown) => {
  const r = result as { type?: string; data?: unknown };
  return (r?.type === 'DataWithResponseInit' ? r.data : result) as T;
};

/** Status and data of an answer at once. */
export const answerOf = <T = Record<string, unknown>>(result: unknown) => ({ status: statusOf(result), data: dataOf<T>(result) });

export const locationOf = (result: unknown) => (result instanceof Response ? result.headers.get('Location') : null);

/** A session cookie for the user; with `lang`, the language cookie the switch sets too. */
export async function cookieFor(db: Db, userId: string, lang?: 'nl' | 'en') {
  const { token } = await createSession(db, userId);
  return `pa_session=${token}${lang ? `; pa_lang=${lang}` : ''}`;
}

export async function makeCoordinator(db: Db, userId: string, organisationId: string) {
  await db.insert(organisationMemberships).values({ organisationId, userId });
}

import { redirect } from '@remix-run/node';
import { and, eq, gt } from 'drizzle-orm';
import { getDb, type Db } from '~db/client.server';
import { sessions, users } from '~db/schema';
import { getEnv } from '~/env.server';
import { now, DAY } from '../clock.server';
import { generateToken, hashToken } from '../security/tokens.server';

// Sessions per the Lucia guide: a random token in the cookie, its SHA-256 in the database,
// 30 days that slide forward when fewer than 15 remain. See docs/decisions/003-sessions-per-lucia-guide.md.
export const SESSION_COOKIE = 'pa_session';
const SESSION_TTL_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  emailVerifiedAt: Date | null;
  locale: 'nl' | 'en';
};

export async function createSession(db: Db, userId: string) {
  const token = generateToken();
  const expiresAt = new Date(now().getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt, createdAt: now() });
  return { token, expiresAt };
}

/** The session and its user for a token, extending the expiry when it is past half-way. */
export async function validateSessionToken(db: Db, token: string) {
  const id = hashToken(token);
  const t = now();
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        isAdmin: users.isAdmin,
        emailVerifiedAt: users.emailVerifiedAt,
        locale: users.locale,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, t)));
  if (!row) return null;
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - t.getTime() < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(t.getTime() + SESSION_TTL_MS);
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    renewed = true;
  }
  return { sessionId: id, expiresAt, renewed, user: row.user as SessionUser };
}

export async function invalidateSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function invalidateAllSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

function sessionCookie(token: string, expiresAt: Date) {
  const secure = getEnv().secureCookies ? '; Secure' : '';
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now().getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function clearSessionCookie() {
  const secure = getEnv().secureCookies ? '; Secure' : '';
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('Cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function getSessionToken(request: Request) {
  const token = readCookie(request, SESSION_COOKIE);
  return token && /^[a-z2-7]{32}$/.test(token) ? token : null;
}

type Current = { user: SessionUser; token: string; renewedCookie: string | null } | null;
const perRequest = new WeakMap<Request, Promise<Current>>();

/** The logged-in user of this request (looked up once per request), or null. */
export function getCurrent(request: Request): Promise<Current> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = (async () => {
      const token = getSessionToken(request);
      if (!token) return null;
      const result = await validateSessionToken(getDb(), token);
      if (!result) return null;
      return { user: result.user, token, renewedCookie: result.renewed ? sessionCookie(token, result.expiresAt) : null };
    })();
    perRequest.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request) {
  return (await getCurrent(request))?.user ?? null;
}

/** Only safe, local paths may be used to send people back after logging in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/account') {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines from a URL and read a backslash as a slash, so "/\t/evil.example"
  // would leave the site: such a value is not a path of ours.
  if (to.includes('\\') || [...to].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  const base = 'http://same-origin.invalid';
  const url = new URL(to, base);
  if (url.origin !== base) return fallback;
  return url.pathname + url.search + url.hash;
}

/** Guards a route for logged-in people; others go to the login page and come back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Guards pages that make no sense when logged in (register, log in). */
export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect('/account');
}

/**
 * Guards administrator pages: 404 for logged-in people who are not administrators, as for every page
 * someone may not see (nobody learns which organisations exist).
 */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
  return user;
}

/** Logs in: a fresh session (rotation: never reuse a token from before login) and its cookie. */
export async function startSession(db: Db, userId: string, previousToken: string | null) {
  if (previousToken) await invalidateSession(db, previousToken);
  const { token, expiresAt } = await createSession(db, userId);
  // Privacy retention counts from the last login; logging in cancels a pending deletion warning.
  await db.update(users).set({ lastLoginAt: now(), retentionWarnedAt: null }).where(eq(users.id, userId));
  return sessionCookie(token, expiresAt);
}

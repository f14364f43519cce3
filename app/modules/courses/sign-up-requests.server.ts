import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { signUpRequests, type PendingSignUp } from '~db/schema';
import { HOUR, MINUTE, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { normalizeEmail } from '../auth/accounts.server';
import { generateToken, hashToken } from '../security/tokens.server';
import { appLink } from '../http.server';
import { emailDetails, loadCourseContext, registrationWindow, type RegistrationWindow } from './context.server';
import { signUp, type SignUpResult } from './registrations.server';

// ADR 011: the public sign-up form answers every address the same way. It stores the form as a
// request and emails its owner a link; the seat is taken only when that link is followed.

/** How long the emailed link works. */
const SIGN_UP_LINK_HOURS = 24;
/** Within this window after an email, a new submission for the same course and address sends none. */
const SIGN_UP_RESEND_WINDOW = 10 * MINUTE;

export type SignUpRequestResult =
  { status: 'sent' } | { status: 'not-found' } | { status: 'closed'; reason: Exclude<RegistrationWindow, 'open' | 'draft'> };

/**
 * Records a sign-up for the owner of `email` to confirm, and emails them the link, at most once per
 * course and address in `SIGN_UP_RESEND_WINDOW`. The same statements run whether or not the address
 * is on the course (nothing here reads registrations), so the answer and its timing cannot tell.
 *
 * One upsert decides who sends: it writes a fresh token and `emailed_at` only when the last email
 * is older than the window, and returns the token hash that is stored afterwards. A caller whose own
 * hash comes back won and enqueues the email in the same transaction; concurrent identical
 * submissions wait on the row and then find it emailed within the window.
 */
export async function requestSignUp(db: Db, courseId: string, email: string, input: PendingSignUp): Promise<SignUpRequestResult> {
  const address = normalizeEmail(email);
  const ctx = await loadCourseContext(db, courseId);
  if (!ctx) return { status: 'not-found' };
  const window = registrationWindow(ctx.course, ctx.sessions, now());
  if (window === 'draft') return { status: 'not-found' };
  if (window !== 'open') return { status: 'closed', reason: window };

  const token = generateToken();
  const tokenHash = hashToken(token);
  const t = now();
  const resendBefore = new Date(t.getTime() - SIGN_UP_RESEND_WINDOW).toISOString();
  const due = sql`${signUpRequests.emailedAt} <= ${resendBefore}::timestamptz`;
  const details = emailDetails(ctx, input.locale);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(signUpRequests)
      .values({ courseId, email: address, tokenHash, input, emailedAt: t, createdAt: t, updatedAt: t })
      .onConflictDoUpdate({
        target: [signUpRequests.courseId, signUpRequests.email],
        // The newest answers always count; the token and email only change once the window passed.
        set: {
          input: sql`excluded.input`,
          updatedAt: sql`excluded.updated_at`,
          tokenHash: sql`case when ${due} then excluded.token_hash else ${signUpRequests.tokenHash} end`,
          emailedAt: sql`case when ${due} then excluded.emailed_at else ${signUpRequests.emailedAt} end`,
        },
      })
      .returning({ tokenHash: signUpRequests.tokenHash });
    if (row?.tokenHash !== tokenHash) return;
    await enqueueEmail(tx, {
      template: 'sign-up-confirm',
      to: address,
      props: {
        locale: input.locale,
        name: input.name,
        courseTitle: details.courseTitle,
        organisationName: details.organisationName,
        sessions: details.sessions,
        confirmUrl: appLink(`/aanmelden/bevestigen/${token}`),
        expiresInHours: SIGN_UP_LINK_HOURS,
      },
    });
  });
  return { status: 'sent' };
}

const validToken = (token: string) => /^[a-z2-7]{32}$/.test(token);
const stillValid = () => gt(signUpRequests.emailedAt, new Date(now().getTime() - SIGN_UP_LINK_HOURS * HOUR));

/** The course a confirmation link is for, while the link works; null otherwise. Changes nothing (mail scanners open links). */
export async function findSignUpRequest(db: Db, token: string) {
  if (!validToken(token)) return null;
  const [row] = await db
    .select({ courseId: signUpRequests.courseId, name: sql<string>`${signUpRequests.input}->>'name'` })
    .from(signUpRequests)
    .where(and(eq(signUpRequests.tokenHash, hashToken(token)), stillValid()));
  if (!row) return null;
  const ctx = await loadCourseContext(db, row.courseId);
  return ctx ? { courseId: row.courseId, courseTitle: ctx.course.title, name: row.name } : null;
}

export type ConfirmSignUpResult = SignUpResult | { status: 'invalid' };

/**
 * The owner followed the link: the stored sign-up is made now, under the course lock (ADR 007), so
 * the seat goes to whoever confirms first. The request is used up in the same transaction. An
 * address already on the course gets its registration back (`duplicate`, with a page link): the
 * person has just shown the address is theirs.
 */
export async function confirmSignUp(db: Db, token: string): Promise<ConfirmSignUpResult> {
  if (!validToken(token)) return { status: 'invalid' };
  return db.transaction(async (tx) => {
    const [request] = await tx
      .delete(signUpRequests)
      .where(and(eq(signUpRequests.tokenHash, hashToken(token)), stillValid()))
      .returning();
    if (!request) return { status: 'invalid' as const };
    return signUp(tx, request.courseId, { ...request.input, email: request.email });
  });
}

/** Removes requests whose link no longer works (the housekeeping job). */
export async function pruneSignUpRequests(db: Db) {
  await db.delete(signUpRequests).where(lt(signUpRequests.emailedAt, new Date(now().getTime() - SIGN_UP_LINK_HOURS * HOUR)));
}

import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyReviewerInvitations, academyReviewers, organisationMemberships, organisations, users } from '~db/schema';
import type { Locale } from '~/i18n';
import { normalizeEmail } from '../auth/accounts.server';
import { DAY, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, isUuid } from '../http.server';
import { generateToken, hashToken } from '../security/tokens.server';

// Reviewers of one academy (ADR 018): invited by email by a coordinator, like mentors and
// coordinators; the role is a row per academy, so a reviewer of one academy reaches nothing of another.

const REVIEWER_INVITATION_DAYS = 14;

export type ReviewerInviteOutcome = 'invited' | 'already-reviewer' | 'already-invited';

export async function inviteReviewer(
  db: Db,
  ctx: { academy: { id: string; name: string }; organisationName: string; invitedBy: { id: string; name: string }; locale: Locale },
  rawEmail: string,
): Promise<ReviewerInviteOutcome> {
  const email = normalizeEmail(rawEmail);
  return db.transaction(async (tx) => {
    const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email));
    if (known) {
      const [member] = await tx
        .select({ id: academyReviewers.userId })
        .from(academyReviewers)
        .where(and(eq(academyReviewers.academyId, ctx.academy.id), eq(academyReviewers.userId, known.id)));
      if (member) return 'already-reviewer';
    }
    const [pending] = await tx
      .select({ id: academyReviewerInvitations.id })
      .from(academyReviewerInvitations)
      .where(
        and(
          eq(academyReviewerInvitations.academyId, ctx.academy.id),
          eq(academyReviewerInvitations.email, email),
          isNull(academyReviewerInvitations.acceptedAt),
          gt(academyReviewerInvitations.expiresAt, now()),
        ),
      );
    if (pending) return 'already-invited';
    const token = generateToken();
    await tx.insert(academyReviewerInvitations).values({
      academyId: ctx.academy.id,
      email,
      tokenHash: hashToken(token),
      invitedBy: ctx.invitedBy.id,
      expiresAt: new Date(now().getTime() + REVIEWER_INVITATION_DAYS * DAY),
      createdAt: now(),
    });
    await enqueueEmail(tx, {
      template: 'academy-reviewer-invitation',
      to: email,
      userId: known?.id ?? null,
      props: {
        locale: known?.locale ?? ctx.locale,
        academyName: ctx.academy.name,
        organisationName: ctx.organisationName,
        invitedBy: ctx.invitedBy.name,
        url: appLink(`/academies/uitnodiging/${token}`),
        expiresInDays: REVIEWER_INVITATION_DAYS,
      },
    });
    return 'invited';
  });
}

export type ReviewerInvitationCheck =
  | { ok: true; invitation: { id: string; academyId: string; academyName: string; organisationName: string; email: string } }
  | { ok: false; problem: 'invalid' | 'expired' | 'used' };

/** What the invitation link leads to: the invitation, or why it no longer works (GET only reads). */
export async function checkReviewerInvitation(db: Db, token: string | undefined): Promise<ReviewerInvitationCheck> {
  if (!token) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({ invitation: academyReviewerInvitations, academyName: academies.name, organisationName: organisations.name })
    .from(academyReviewerInvitations)
    .innerJoin(academies, eq(academies.id, academyReviewerInvitations.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academyReviewerInvitations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.invitation.acceptedAt) return { ok: false, problem: 'used' };
  if (row.invitation.expiresAt <= now()) return { ok: false, problem: 'expired' };
  const { id, academyId, email } = row.invitation;
  return { ok: true, invitation: { id, academyId, email, academyName: row.academyName, organisationName: row.organisationName } };
}

/**
 * Accepts an invitation for the logged-in account. The link went to the invited address, so only
 * the account of that address can accept it ('other-account' otherwise).
 */
export async function acceptReviewerInvitation(
  db: Db,
  token: string | undefined,
  user: { id: string; email: string },
): Promise<ReviewerInvitationCheck | { ok: false; problem: 'other-account' }> {
  const check = await checkReviewerInvitation(db, token);
  if (!check.ok) return check;
  if (normalizeEmail(user.email) !== check.invitation.email) return { ok: false, problem: 'other-account' };
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(academyReviewerInvitations)
      .set({ acceptedAt: now(), acceptedBy: user.id })
      .where(and(eq(academyReviewerInvitations.id, check.invitation.id), isNull(academyReviewerInvitations.acceptedAt)))
      .returning({ id: academyReviewerInvitations.id });
    if (!used) return { ok: false, problem: 'used' } as const;
    await tx
      .insert(academyReviewers)
      .values({ academyId: check.invitation.academyId, userId: user.id, createdAt: now() })
      .onConflictDoNothing();
    return check;
  });
}

/** coordinator: of the academy's organisation; reviewer: invited to this academy. */
type AcademyRole = 'coordinator' | 'reviewer';

/**
 * The academy and the person's role in it, or null: the one query that decides whether someone may
 * open an academy's selection. Every other academy (another organisation's, one they do not review,
 * an unknown or malformed id) is null, and so a 404.
 */
export async function selectionAccess(db: Db, userId: string, academyId: string | undefined) {
  if (!isUuid(academyId)) return null;
  const [row] = await db
    .select({
      academy: academies,
      organisationName: organisations.name,
      coordinator: organisationMemberships.userId,
      reviewer: academyReviewers.userId,
    })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .leftJoin(
      organisationMemberships,
      and(eq(organisationMemberships.organisationId, academies.organisationId), eq(organisationMemberships.userId, userId)),
    )
    .leftJoin(academyReviewers, and(eq(academyReviewers.academyId, academies.id), eq(academyReviewers.userId, userId)))
    .where(eq(academies.id, academyId));
  if (!row || (!row.coordinator && !row.reviewer)) return null;
  return {
    academy: row.academy,
    organisationName: row.organisationName,
    role: (row.coordinator ? 'coordinator' : 'reviewer') as AcademyRole,
  };
}

/** The academies a person reviews (for their account page). */
export async function academiesReviewedBy(db: Db, userId: string) {
  return db
    .select({ id: academies.id, name: academies.name, organisationName: organisations.name })
    .from(academyReviewers)
    .innerJoin(academies, eq(academies.id, academyReviewers.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academyReviewers.userId, userId))
    .orderBy(asc(academies.name));
}

/** The reviewers of an academy and pending invitations (for the coordinator). */
export async function reviewersOf(db: Db, academyId: string) {
  const [reviewers, invitations] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(academyReviewers)
      .innerJoin(users, eq(users.id, academyReviewers.userId))
      .where(eq(academyReviewers.academyId, academyId))
      .orderBy(asc(users.name)),
    db
      .select({
        id: academyReviewerInvitations.id,
        email: academyReviewerInvitations.email,
        expiresAt: academyReviewerInvitations.expiresAt,
      })
      .from(academyReviewerInvitations)
      .where(and(eq(academyReviewerInvitations.academyId, academyId), isNull(academyReviewerInvitations.acceptedAt)))
      .orderBy(asc(academyReviewerInvitations.email)),
  ]);
  return { reviewers, invitations };
}

/**
 * Takes a reviewer off an academy (their scores stay: they were given alone and count in the averages).
 * 'not-found' for anyone who does not review this academy.
 */
export async function removeReviewer(db: Db, academyId: string, userId: string) {
  if (!isUuid(userId)) return 'not-found' as const;
  const rows = await db
    .delete(academyReviewers)
    .where(and(eq(academyReviewers.academyId, academyId), eq(academyReviewers.userId, userId)))
    .returning({ id: academyReviewers.userId });
  return rows.length ? ('removed' as const) : ('not-found' as const);
}

/** Withdraws an invitation not yet accepted: its link then says it is not valid. */
export async function revokeReviewerInvitation(db: Db, academyId: string, invitationId: string) {
  if (!isUuid(invitationId)) return 'not-found' as const;
  const rows = await db
    .delete(academyReviewerInvitations)
    .where(
      and(
        eq(academyReviewerInvitations.id, invitationId),
        eq(academyReviewerInvitations.academyId, academyId),
        isNull(academyReviewerInvitations.acceptedAt),
      ),
    )
    .returning({ id: academyReviewerInvitations.id });
  return rows.length ? ('revoked' as const) : ('not-found' as const);
}

import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyReviewers, organisationMemberships, organisations, users } from '~db/schema';
import type { Locale } from '~/i18n';
import { isUuid } from '../http.server';
import * as invitations from '../invitations/invitations.server';

// Reviewers of one academy (ADR 018): invited by email by a coordinator, like mentors and
// coordinators; the role is a row per academy, so a reviewer of one academy reaches nothing of another.
// The invitation itself is the invitations module's (ADR 022).

const target = (academyId: string) => ({ kind: 'reviewer', id: academyId }) as const;

export type ReviewerInviteOutcome = 'invited' | 'already-reviewer' | 'already-invited';

export async function inviteReviewer(
  db: Db,
  ctx: { academy: { id: string; name: string }; organisationName: string; invitedBy: { id: string; name: string }; locale: Locale },
  email: string,
): Promise<ReviewerInviteOutcome> {
  const outcome = await invitations.inviteByEmail(db, 'reviewer', { ...ctx, target: ctx.academy }, { email }, async (tx, address) => {
    const [member] = await tx
      .select({ id: academyReviewers.userId })
      .from(academyReviewers)
      .innerJoin(users, eq(users.id, academyReviewers.userId))
      .where(and(eq(academyReviewers.academyId, ctx.academy.id), eq(users.email, address)));
    return Boolean(member);
  });
  return outcome.status === 'already-member' ? 'already-reviewer' : outcome.status;
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
  const [reviewers, pending] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(academyReviewers)
      .innerJoin(users, eq(users.id, academyReviewers.userId))
      .where(eq(academyReviewers.academyId, academyId))
      .orderBy(asc(users.name)),
    invitations.pendingInvitations(db, target(academyId), { withExpired: true }),
  ]);
  return { reviewers, invitations: pending };
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
  return (await invitations.withdrawInvitation(db, target(academyId), invitationId, 'delete'))
    ? ('revoked' as const)
    : ('not-found' as const);
}

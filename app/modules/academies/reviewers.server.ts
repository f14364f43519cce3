import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyReviewers, organisationMemberships, organisations, users } from '~db/schema';
import type { Locale } from '~/i18n';
import { normalizeEmail } from '../auth/accounts.server';
import { isUuid, type LinkProblem } from '../http.server';
import * as invitations from '../invitations/invitations.server';

// Reviewers of one academy (ADR 018): invited by email by a coordinator, like mentors and
// coordinators; the role is a row per academy, so a reviewer of one academy reaches nothing of another.
// The invitation itself is the invitations module's (ADR 022).

const target = (academyId: string) => ({ kind: 'reviewer', id: academyId }) as const;

export type ReviewerInviteOutcome = 'invited' | 'already-reviewer' | 'already-invited';

export async function inviteReviewer(
  db: Db,
  ctx: { academy: { id: string; name: string }; organisationName: string; invitedBy: { id: string; name: string }; locale: Locale },
  rawEmail: string,
): Promise<ReviewerInviteOutcome> {
  const email = normalizeEmail(rawEmail);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: academyReviewers.userId })
      .from(academyReviewers)
      .innerJoin(users, eq(users.id, academyReviewers.userId))
      .where(and(eq(academyReviewers.academyId, ctx.academy.id), eq(users.email, email)));
    if (member) return 'already-reviewer';
    const created = await invitations.createInvitation(
      tx,
      target(ctx.academy.id),
      { email, invitedBy: ctx.invitedBy.id },
      { replace: false },
    );
    if (created.status !== 'created') return 'already-invited';
    await invitations.sendInvitationEmail(tx, 'reviewer', {
      email,
      name: '',
      token: created.token,
      targetName: ctx.academy.name,
      organisationName: ctx.organisationName,
      invitedBy: ctx.invitedBy.name,
      locale: ctx.locale,
    });
    return 'invited';
  });
}

export type ReviewerInvitationCheck =
  | { ok: true; invitation: { id: string; academyId: string; academyName: string; organisationName: string; email: string } }
  | { ok: false; problem: LinkProblem };

function reviewerView(invitation: invitations.InvitationView) {
  const { id, email, targetId, targetName, organisationName } = invitation;
  return { id, email, academyId: targetId, academyName: targetName, organisationName };
}

/** What the invitation link leads to: the invitation, or why it no longer works (GET only reads). */
export async function checkReviewerInvitation(db: Db, token: string | undefined): Promise<ReviewerInvitationCheck> {
  const check = await invitations.checkInvitation(db, 'reviewer', token);
  return check.ok ? { ok: true, invitation: reviewerView(check.invitation) } : check;
}

/**
 * Accepts an invitation for the logged-in account. The link went to the invited address, so only
 * the account of that address can accept it ('other-account' otherwise).
 */
export async function acceptReviewerInvitation(
  db: Db,
  token: string | undefined,
  user: { id: string; email: string; name: string },
): Promise<ReviewerInvitationCheck | { ok: false; problem: 'other-account' }> {
  const outcome = await invitations.acceptInvitation(db, 'reviewer', token, user);
  return outcome.ok ? { ok: true, invitation: reviewerView(outcome.invitation) } : outcome;
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

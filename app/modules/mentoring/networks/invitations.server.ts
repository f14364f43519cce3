import { and, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, mentorInvitations, mentorProfiles, networkMentors, networks, organisations, users } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { normalizeEmail } from '../../auth/accounts.server';
import { hashPassword } from '../../auth/password.server';
import { DAY, now } from '../../clock.server';
import { enqueueEmail } from '../../email/outbox.server';
import { isUuid, type LinkProblem } from '../../http.server';
import { generateToken, hashToken } from '../../security/tokens.server';

const INVITATION_DAYS = 14;

// Invitations

const invitationUrl = (token: string) => `${getEnv().appUrl}/mentor/uitnodiging/${token}`;

type InvitationContext = {
  network: { id: string; name: string };
  organisationName: string;
  invitedBy: { id: string; name: string };
  locale: Locale;
};

export type InviteOutcome = { status: 'invited'; invitationId: string } | { status: 'already-mentor' } | { status: 'already-invited' };

/** Invites a person to mentor in the network: a row with a hashed token and the email, in one transaction. */
export async function inviteMentor(db: Db, ctx: InvitationContext, input: { name: string; email: string }): Promise<InviteOutcome> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: mentorProfiles.id })
      .from(networkMentors)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
      .innerJoin(users, eq(users.id, mentorProfiles.userId))
      .where(and(eq(networkMentors.networkId, ctx.network.id), eq(users.email, email)));
    if (member) return { status: 'already-mentor' } as const;
    const [pending] = await tx
      .select({ id: mentorInvitations.id })
      .from(mentorInvitations)
      .where(
        and(
          eq(mentorInvitations.networkId, ctx.network.id),
          eq(mentorInvitations.email, email),
          isNull(mentorInvitations.acceptedAt),
          gt(mentorInvitations.expiresAt, now()),
        ),
      );
    if (pending) return { status: 'already-invited' } as const;
    const token = generateToken();
    const expiresAt = new Date(now().getTime() + INVITATION_DAYS * DAY);
    const [row] = await tx
      .insert(mentorInvitations)
      .values({
        networkId: ctx.network.id,
        email,
        name: input.name,
        tokenHash: hashToken(token),
        invitedBy: ctx.invitedBy.id,
        expiresAt,
        createdAt: now(),
      })
      .returning({ id: mentorInvitations.id });
    await sendInvitation(tx, ctx, { email, name: input.name, token });
    return { status: 'invited', invitationId: row!.id } as const;
  });
}

async function sendInvitation(tx: Db, ctx: InvitationContext, to: { email: string; name: string; token: string }) {
  const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, to.email));
  await enqueueEmail(tx, {
    template: 'mentor-invitation',
    to: to.email,
    userId: known?.id ?? null,
    props: {
      locale: known?.locale ?? ctx.locale,
      name: to.name,
      networkName: ctx.network.name,
      organisationName: ctx.organisationName,
      invitedBy: ctx.invitedBy.name,
      url: invitationUrl(to.token),
      expiresInDays: INVITATION_DAYS,
    },
  });
}

/** A fresh link (the old one stops working) and expiry for a pending invitation, and the email again. */
export async function resendInvitation(db: Db, ctx: InvitationContext, invitationId: string): Promise<'sent' | 'not-found'> {
  if (!isUuid(invitationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const token = generateToken();
    const [row] = await tx
      .update(mentorInvitations)
      .set({ tokenHash: hashToken(token), expiresAt: new Date(now().getTime() + INVITATION_DAYS * DAY), invitedBy: ctx.invitedBy.id })
      .where(
        and(eq(mentorInvitations.id, invitationId), eq(mentorInvitations.networkId, ctx.network.id), isNull(mentorInvitations.acceptedAt)),
      )
      .returning();
    if (!row) return 'not-found';
    await sendInvitation(tx, ctx, { email: row.email, name: row.name, token });
    return 'sent';
  });
}

export async function revokeInvitation(db: Db, networkId: string, invitationId: string): Promise<'revoked' | 'not-found'> {
  if (!isUuid(invitationId)) return 'not-found';
  const rows = await db
    .delete(mentorInvitations)
    .where(and(eq(mentorInvitations.id, invitationId), eq(mentorInvitations.networkId, networkId), isNull(mentorInvitations.acceptedAt)))
    .returning({ id: mentorInvitations.id });
  return rows.length ? 'revoked' : 'not-found';
}

/**
 * Takes a mentor out of the network. Not while they have a proposed or active match in it: those are
 * ended on the matches page first. Draft pairs of unpublished runs in this network go with them.
 */
export async function removeMentor(db: Db, networkId: string, profileId: string): Promise<'removed' | 'not-found' | 'live-matches'> {
  if (!isUuid(profileId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ n: count() })
      .from(matches)
      .where(
        and(eq(matches.networkId, networkId), eq(matches.mentorProfileId, profileId), inArray(matches.status, ['proposed', 'active'])),
      );
    if (Number(live?.n) > 0) return 'live-matches';
    const rows = await tx
      .delete(networkMentors)
      .where(and(eq(networkMentors.networkId, networkId), eq(networkMentors.mentorProfileId, profileId)))
      .returning({ id: networkMentors.mentorProfileId });
    if (!rows.length) return 'not-found';
    await tx
      .update(matches)
      .set({ status: 'discarded', updatedAt: now() })
      .where(and(eq(matches.networkId, networkId), eq(matches.mentorProfileId, profileId), eq(matches.status, 'draft')));
    return 'removed';
  });
}

export type InvitationProblem = LinkProblem;
export type InvitationView = {
  id: string;
  email: string;
  name: string;
  networkId: string;
  networkName: string;
  networkDescription: string;
  organisationName: string;
};

/** What the invitation page shows on GET: nothing is used. */
export async function checkInvitation(
  db: Db,
  token: string,
): Promise<{ ok: true; invitation: InvitationView } | { ok: false; problem: InvitationProblem }> {
  if (!token || token.length > 100) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({
      id: mentorInvitations.id,
      email: mentorInvitations.email,
      name: mentorInvitations.name,
      expiresAt: mentorInvitations.expiresAt,
      acceptedAt: mentorInvitations.acceptedAt,
      networkId: networks.id,
      networkName: networks.name,
      networkDescription: networks.description,
      organisationName: organisations.name,
    })
    .from(mentorInvitations)
    .innerJoin(networks, eq(networks.id, mentorInvitations.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(mentorInvitations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.acceptedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false, problem: 'expired' };
  const { expiresAt: _e, acceptedAt: _a, ...invitation } = row;
  return { ok: true, invitation };
}

export type AcceptOutcome =
  | { status: 'accepted'; userId: string; profileId: string; networkId: string }
  | { status: 'problem'; problem: InvitationProblem }
  | { status: 'other-account' }
  | { status: 'account-exists' };

/**
 * Uses the invitation (once: the update that marks it used is the claim) for the user, who must have
 * the invited address: their one mentor profile is created when missing, and they join the network.
 */
async function claim(tx: Db, token: string, user: { id: string; email: string }): Promise<AcceptOutcome> {
  const check = await checkInvitation(tx, token);
  if (!check.ok) return { status: 'problem', problem: check.problem };
  if (normalizeEmail(user.email) !== check.invitation.email) return { status: 'other-account' };
  const at = now();
  const [claimed] = await tx
    .update(mentorInvitations)
    .set({ acceptedAt: at, acceptedBy: user.id })
    .where(and(eq(mentorInvitations.id, check.invitation.id), isNull(mentorInvitations.acceptedAt), gt(mentorInvitations.expiresAt, at)))
    .returning({ id: mentorInvitations.id });
  if (!claimed) return { status: 'problem', problem: 'used' };
  await tx
    .insert(mentorProfiles)
    .values({ userId: user.id, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: mentorProfiles.userId });
  const [profile] = await tx.select({ id: mentorProfiles.id }).from(mentorProfiles).where(eq(mentorProfiles.userId, user.id));
  await tx
    .insert(networkMentors)
    .values({ networkId: check.invitation.networkId, mentorProfileId: profile!.id, joinedAt: at })
    .onConflictDoNothing();
  return { status: 'accepted', userId: user.id, profileId: profile!.id, networkId: check.invitation.networkId };
}

class ClaimFailed extends Error {
  constructor(readonly outcome: AcceptOutcome) {
    super('invitation not claimed');
  }
}

/** A logged-in person accepts. Only for the invited address. */
export async function acceptInvitation(db: Db, token: string, user: { id: string; email: string }) {
  return db.transaction((tx) => claim(tx, token, user));
}

/**
 * No account for the invited address yet: one is created, verified (the emailed link proves the
 * address), and the invitation is used, all in one transaction.
 */
export async function acceptWithNewAccount(
  db: Db,
  token: string,
  input: { name: string; password: string; locale: Locale },
): Promise<AcceptOutcome> {
  const check = await checkInvitation(db, token);
  if (!check.ok) return { status: 'problem', problem: check.problem };
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const at = now();
      const [user] = await tx
        .insert(users)
        .values({
          email: check.invitation.email,
          name: input.name,
          passwordHash,
          emailVerifiedAt: at,
          locale: input.locale,
          lastLoginAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email });
      if (!user) return { status: 'account-exists' } as const;
      const outcome = await claim(tx, token, user);
      // Nothing half-written: without the invitation, no account either.
      if (outcome.status !== 'accepted') throw new ClaimFailed(outcome);
      return outcome;
    })
    .catch((error: unknown) => {
      if (error instanceof ClaimFailed) return error.outcome;
      throw error;
    });
}

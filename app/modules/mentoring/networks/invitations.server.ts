import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, mentorProfiles, networkMentors, users } from '~db/schema';
import type { Locale } from '~/i18n';
import { now } from '../../clock.server';
import { isUuid } from '../../http.server';
import * as invitations from '../../invitations/invitations.server';

// Mentor invitations: the life cycle is the invitations module's (ADR 022); here what is the
// network's: who is a mentor already, and what the pages get back.

type InvitationContext = {
  network: { id: string; name: string };
  organisationName: string;
  invitedBy: { id: string; name: string };
  locale: Locale;
};

const target = (networkId: string) => ({ kind: 'mentor', id: networkId }) as const;
const inviter = (ctx: InvitationContext): invitations.Inviter => ({ ...ctx, target: ctx.network });

export type InviteOutcome = { status: 'invited'; invitationId: string } | { status: 'already-mentor' } | { status: 'already-invited' };

/** Invites a person to mentor in the network: a row with a hashed token and the email, in one transaction. */
export async function inviteMentor(db: Db, ctx: InvitationContext, input: { name: string; email: string }): Promise<InviteOutcome> {
  const outcome = await invitations.inviteByEmail(db, 'mentor', inviter(ctx), input, async (tx, email) => {
    const [member] = await tx
      .select({ id: mentorProfiles.id })
      .from(networkMentors)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
      .innerJoin(users, eq(users.id, mentorProfiles.userId))
      .where(and(eq(networkMentors.networkId, ctx.network.id), eq(users.email, email)));
    return Boolean(member);
  });
  if (outcome.status === 'invited') return { status: 'invited', invitationId: outcome.id };
  return outcome.status === 'already-member' ? { status: 'already-mentor' } : outcome;
}

/** A fresh link (the old one stops working) and expiry for a pending invitation, and the email again. */
export async function resendInvitation(db: Db, ctx: InvitationContext, invitationId: string): Promise<'sent' | 'not-found'> {
  return (await invitations.resendInvitation(db, 'mentor', inviter(ctx), invitationId)) ? 'sent' : 'not-found';
}

export async function revokeInvitation(db: Db, networkId: string, invitationId: string): Promise<'revoked' | 'not-found'> {
  return (await invitations.withdrawInvitation(db, target(networkId), invitationId, 'delete')) ? 'revoked' : 'not-found';
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

import { aliasedTable, and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyHosts,
  academyReviewers,
  invitations,
  mentorProfiles,
  networkMentors,
  networks,
  organisationMemberships,
  organisations,
  placementHosts,
  users,
  type InvitationKind,
} from '~db/schema';
import type { Locale } from '~/i18n';
import { findUserByEmail, normalizeEmail } from '../auth/accounts.server';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password.server';
import { DAY, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, isUuid, type LinkProblem } from '../http.server';
import { hitAll, rules } from '../security/rate-limit.server';
import { generateToken, hashToken } from '../security/tokens.server';

// Every invitation by email, whatever it makes of the person (ADR 022): coordinator of an
// organisation, mentor in a network, reviewer of an academy, host of an academy's placements. One
// table, one life cycle: created with a hashed token and an expiry, accepted once and only by the
// account of the invited address, withdrawn, listed while pending. The capability modules keep what
// is theirs (who may invite, what "already a member" means to their pages) and call these.

export type { InvitationKind };

/** How long a link works. */
const INVITATION_DAYS = 14;

/** The page behind the link of each kind (these addresses are in emails already sent: keep them). */
const linkPaths: Record<InvitationKind, string> = {
  coordinator: '/beheer/uitnodiging',
  mentor: '/mentor/uitnodiging',
  reviewer: '/academies/uitnodiging',
  host: '/stagebieder/uitnodiging',
};

const invitationLink = (kind: InvitationKind, token: string) => appLink(`${linkPaths[kind]}/${token}`);

/** What an invitation is for: its kind and the id of its organisation, network or academy. */
export type InvitationTarget = { kind: InvitationKind; id: string };

function targetColumn(kind: InvitationKind) {
  if (kind === 'coordinator') return invitations.organisationId;
  if (kind === 'mentor') return invitations.networkId;
  return invitations.academyId;
}

function targetValues(target: InvitationTarget) {
  if (target.kind === 'coordinator') return { organisationId: target.id };
  if (target.kind === 'mentor') return { networkId: target.id };
  return { academyId: target.id };
}

const ofTarget = (target: InvitationTarget): SQL => and(eq(invitations.kind, target.kind), eq(targetColumn(target.kind), target.id))!;
const open = (at: Date): SQL => and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, at))!;

export type CreateOutcome = { status: 'created'; id: string; token: string; email: string } | { status: 'already-invited' };

/**
 * A new invitation of `email` to the target. When the address has an open one already, `replace`
 * ends it (its link stops working) and makes the new one; without it the answer is 'already-invited'.
 * Call it in the transaction that also sends the email (`sendInvitationEmail`).
 */
export async function createInvitation(
  tx: Db,
  target: InvitationTarget,
  input: { email: string; name?: string; invitedBy: string | null },
  options: { replace: boolean },
): Promise<CreateOutcome> {
  const email = normalizeEmail(input.email);
  const at = now();
  const sameAddress = and(ofTarget(target), eq(invitations.email, email), open(at));
  if (options.replace) {
    await tx.update(invitations).set({ expiresAt: at }).where(sameAddress);
  } else {
    const [pending] = await tx.select({ id: invitations.id }).from(invitations).where(sameAddress);
    if (pending) return { status: 'already-invited' };
  }
  const token = generateToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      kind: target.kind,
      ...targetValues(target),
      email,
      name: input.name ?? '',
      tokenHash: hashToken(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY),
      createdAt: at,
    })
    .returning({ id: invitations.id });
  return { status: 'created', id: row!.id, token, email };
}

/** A fresh link and expiry for an invitation not yet accepted (the old link stops working); null when there is none. */
async function renewInvitation(tx: Db, target: InvitationTarget, invitationId: string, invitedBy: string | null) {
  if (!isUuid(invitationId)) return null;
  const token = generateToken();
  const [row] = await tx
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt: new Date(now().getTime() + INVITATION_DAYS * DAY), invitedBy })
    .where(and(ofTarget(target), eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
    .returning({ email: invitations.email, name: invitations.name });
  return row ? { ...row, token } : null;
}

/**
 * Withdraws an invitation not yet accepted; true when there was one. 'delete' forgets it (its link is
 * then unknown); 'expire' keeps the row, ended now (its link then says it is no longer valid).
 */
export async function withdrawInvitation(db: Db, target: InvitationTarget, invitationId: string, how: 'delete' | 'expire') {
  if (!isUuid(invitationId)) return false;
  const at = now();
  const which = and(ofTarget(target), eq(invitations.id, invitationId), how === 'expire' ? open(at) : isNull(invitations.acceptedAt));
  const rows =
    how === 'delete'
      ? await db.delete(invitations).where(which).returning({ id: invitations.id })
      : await db.update(invitations).set({ expiresAt: at }).where(which).returning({ id: invitations.id });
  return rows.length > 0;
}

/** The invitations of a target not yet accepted, by address; expired ones too with `withExpired` (so they can be sent again), marked `expired`. */
export async function pendingInvitations(db: Db, target: InvitationTarget, options: { withExpired: boolean }) {
  const at = now();
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(ofTarget(target), options.withExpired ? isNull(invitations.acceptedAt) : open(at)))
    .orderBy(asc(invitations.email));
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= at.getTime() }));
}

/** An invitation as its link page shows it: the target's name, and its organisation's. */
export type InvitationView = {
  id: string;
  kind: InvitationKind;
  email: string;
  name: string;
  /** The organisation, network or academy id. */
  targetId: string;
  targetName: string;
  targetDescription: string;
  organisationName: string;
};

export type InvitationCheck = { ok: true; invitation: InvitationView } | { ok: false; problem: LinkProblem };

const networkOrganisation = aliasedTable(organisations, 'network_organisation');
const academyOrganisation = aliasedTable(organisations, 'academy_organisation');

/** Whether a link of this kind still works, without using it (GET shows a page; only POST acts). */
export async function checkInvitation(db: Db, kind: InvitationKind, token: string | undefined): Promise<InvitationCheck> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({
      invitation: invitations,
      organisation: organisations.name,
      network: networks.name,
      networkDescription: networks.description,
      networkOrganisation: networkOrganisation.name,
      academy: academies.name,
      academyOrganisation: academyOrganisation.name,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(networks, eq(networks.id, invitations.networkId))
    .leftJoin(networkOrganisation, eq(networkOrganisation.id, networks.organisationId))
    .leftJoin(academies, eq(academies.id, invitations.academyId))
    .leftJoin(academyOrganisation, eq(academyOrganisation.id, academies.organisationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), eq(invitations.kind, kind)));
  if (!row) return { ok: false, problem: 'invalid' };
  const i = row.invitation;
  if (i.acceptedAt) return { ok: false, problem: 'used' };
  if (i.expiresAt.getTime() <= now().getTime()) return { ok: false, problem: 'expired' };
  const organisationName = row.organisation ?? row.networkOrganisation ?? row.academyOrganisation ?? '';
  return {
    ok: true,
    invitation: {
      id: i.id,
      kind: i.kind,
      email: i.email,
      name: i.name,
      targetId: (i.organisationId ?? i.networkId ?? i.academyId)!,
      targetName: row.network ?? row.academy ?? organisationName,
      targetDescription: row.networkDescription ?? '',
      organisationName,
    },
  };
}

/** What accepting gives, per kind: the role the invitation is for. Runs in the claim's transaction. */
const grants: Record<InvitationKind, (tx: Db, invitation: InvitationView, user: { id: string; name: string }, at: Date) => Promise<void>> =
  {
    coordinator: async (tx, invitation, user, at) => {
      await tx
        .insert(organisationMemberships)
        .values({ organisationId: invitation.targetId, userId: user.id, createdAt: at })
        .onConflictDoNothing();
    },
    mentor: async (tx, invitation, user, at) => {
      // One mentor profile per person, across networks.
      await tx
        .insert(mentorProfiles)
        .values({ userId: user.id, createdAt: at, updatedAt: at })
        .onConflictDoNothing({ target: mentorProfiles.userId });
      const [profile] = await tx.select({ id: mentorProfiles.id }).from(mentorProfiles).where(eq(mentorProfiles.userId, user.id));
      await tx
        .insert(networkMentors)
        .values({ networkId: invitation.targetId, mentorProfileId: profile!.id, joinedAt: at })
        .onConflictDoNothing();
    },
    reviewer: async (tx, invitation, user, at) => {
      await tx.insert(academyReviewers).values({ academyId: invitation.targetId, userId: user.id, createdAt: at }).onConflictDoNothing();
    },
    host: async (tx, invitation, user, at) => {
      // One host profile per person, across academies; its name is the one the coordinator wrote.
      await tx
        .insert(placementHosts)
        .values({ userId: user.id, name: invitation.name || user.name, createdAt: at, updatedAt: at })
        .onConflictDoNothing();
      const [host] = await tx.select({ id: placementHosts.id }).from(placementHosts).where(eq(placementHosts.userId, user.id));
      await tx.insert(academyHosts).values({ academyId: invitation.targetId, hostId: host!.id, createdAt: at }).onConflictDoNothing();
    },
  };

export type AcceptOutcome =
  { ok: true; invitation: InvitationView; userId: string } | { ok: false; problem: LinkProblem | 'other-account' };

/**
 * Uses the invitation for `user`, who must have the invited address: one atomic update marks it
 * accepted (so the link works once), then the role of its kind. Call it inside the transaction that
 * also creates the account or logs in, so that a refused step leaves the invitation unused.
 */
async function claimInvitation(
  tx: Db,
  kind: InvitationKind,
  token: string | undefined,
  user: { id: string; email: string; name: string },
): Promise<AcceptOutcome> {
  const check = await checkInvitation(tx, kind, token);
  if (!check.ok) return check;
  if (normalizeEmail(user.email) !== check.invitation.email) return { ok: false, problem: 'other-account' };
  const at = now();
  const [claimed] = await tx
    .update(invitations)
    .set({ acceptedAt: at, acceptedBy: user.id })
    .where(and(eq(invitations.id, check.invitation.id), open(at)))
    .returning({ id: invitations.id });
  if (!claimed) return { ok: false, problem: 'used' };
  await grants[kind](tx, check.invitation, user, at);
  return { ok: true, invitation: check.invitation, userId: user.id };
}

/** A logged-in person accepts. Only the account of the invited address can. */
export async function acceptInvitation(
  db: Db,
  kind: InvitationKind,
  token: string | undefined,
  user: { id: string; email: string; name: string },
) {
  return db.transaction((tx) => claimInvitation(tx, kind, token, user));
}

class ClaimFailed extends Error {
  constructor(readonly outcome: AcceptOutcome) {
    super('invitation not claimed');
  }
}

/**
 * No account for the invited address yet: one is made, verified (the emailed link proves the
 * address), and the invitation is used, all in one transaction: without the invitation, no account.
 */
export async function acceptWithNewAccount(
  db: Db,
  kind: InvitationKind,
  token: string,
  input: { name: string; password: string; locale: Locale },
): Promise<AcceptOutcome | { ok: false; problem: 'account-exists' }> {
  const check = await checkInvitation(db, kind, token);
  if (!check.ok) return check;
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
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!user) return { ok: false, problem: 'account-exists' } as const;
      const outcome = await claimInvitation(tx, kind, token, user);
      if (!outcome.ok) throw new ClaimFailed(outcome);
      return outcome;
    })
    .catch((error: unknown) => {
      if (error instanceof ClaimFailed) return error.outcome;
      throw error;
    });
}

/**
 * Who invites, to what, as the email says it: the network or academy, its organisation, the
 * coordinator who sends it and the language of their page.
 */
export type Inviter = {
  target: { id: string; name: string };
  organisationName: string;
  invitedBy: { id: string; name: string };
  locale: Locale;
};

const mailFrom = (from: Inviter, to: { email: string; name: string; token: string }): InvitationMail => ({
  ...to,
  targetName: from.target.name,
  organisationName: from.organisationName,
  invitedBy: from.invitedBy.name,
  locale: from.locale,
});

export type InviteOutcome = { status: 'invited'; id: string } | { status: 'already-member' } | { status: 'already-invited' };

/**
 * Invites an address by a coordinator (mentors, reviewers, hosts), in one transaction: refused when
 * `isMember` (the capability's own question) says the address is in already, or when it has an open
 * invitation; otherwise the invitation and its email.
 */
export async function inviteByEmail(
  db: Db,
  kind: Exclude<InvitationKind, 'coordinator'>,
  from: Inviter,
  input: { email: string; name?: string },
  isMember: (tx: Db, email: string) => Promise<boolean>,
): Promise<InviteOutcome> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    if (await isMember(tx, email)) return { status: 'already-member' } as const;
    const target = { kind, id: from.target.id };
    const created = await createInvitation(tx, target, { email, name: input.name, invitedBy: from.invitedBy.id }, { replace: false });
    if (created.status !== 'created') return { status: 'already-invited' } as const;
    await sendInvitationEmail(tx, kind, mailFrom(from, { email, name: input.name ?? '', token: created.token }));
    return { status: 'invited', id: created.id } as const;
  });
}

/** A fresh link (the old one stops working) and expiry for an invitation not yet accepted, and the email again; false when there is none. */
export async function resendInvitation(db: Db, kind: Exclude<InvitationKind, 'coordinator'>, from: Inviter, invitationId: string) {
  return db.transaction(async (tx) => {
    const renewed = await renewInvitation(tx, { kind, id: from.target.id }, invitationId, from.invitedBy.id);
    if (!renewed) return false;
    await sendInvitationEmail(tx, kind, mailFrom(from, renewed));
    return true;
  });
}

/**
 * What the link's page offers this visitor: 'accept' (logged in with the invited address), 'other'
 * (logged in as someone else), 'login' (the address has an account) or 'create' (it has none).
 */
export type VisitorMode = 'accept' | 'other' | 'login' | 'create';

export async function visitorMode(db: Db, invitation: InvitationView, user: { email: string } | null): Promise<VisitorMode> {
  if (user) return normalizeEmail(user.email) === invitation.email ? 'accept' : 'other';
  return (await findUserByEmail(db, invitation.email)) ? 'login' : 'create';
}

export type PasswordOutcome = AcceptOutcome | { ok: false; problem: 'wrong-password' | 'rate-limited'; retryAfterSeconds?: number };

/**
 * Logs in with the password of the invited address's account and uses the invitation, under the
 * login rate limits. Following the emailed link proves the address, so an unverified account is
 * verified here.
 */
export async function acceptWithPassword(
  db: Db,
  kind: InvitationKind,
  token: string,
  input: { password: string; ip: string },
): Promise<PasswordOutcome> {
  const check = await checkInvitation(db, kind, token);
  if (!check.ok) return check;
  const email = check.invitation.email;
  const limit = await hitAll(db, [
    [rules.loginPerIp, input.ip],
    [rules.loginPerAccount, email],
  ]);
  if (!limit.allowed) return { ok: false, problem: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(input.password);
    return { ok: false, problem: 'wrong-password' };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return { ok: false, problem: 'wrong-password' };
  return db.transaction(async (tx) => {
    const outcome = await claimInvitation(tx, kind, token, user);
    if (outcome.ok && !user.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: now(), updatedAt: now() }).where(eq(users.id, user.id));
    }
    return outcome;
  });
}

/** The person the email goes to, when the address has an account: their language and id. */
async function recipient(tx: Db, email: string, fallback: Locale) {
  const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email));
  return { userId: known?.id ?? null, locale: known?.locale ?? fallback };
}

/** What the email says beyond the link: who invites, to what. */
export type InvitationMail = {
  email: string;
  name: string;
  token: string;
  targetName: string;
  organisationName: string;
  invitedBy: string;
  locale: Locale;
};

/** The email with the link, through the outbox in the caller's transaction; in the invited person's language when known. */
export async function sendInvitationEmail(tx: Db, kind: InvitationKind, mail: InvitationMail) {
  const { userId, locale } = await recipient(tx, mail.email, mail.locale);
  const url = invitationLink(kind, mail.token);
  const common = { locale, url, expiresInDays: INVITATION_DAYS };
  const about = { organisationName: mail.organisationName, invitedBy: mail.invitedBy };
  if (kind === 'coordinator')
    // Coordinator invitations go to addresses without an account, in the administrator's language.
    return enqueueEmail(tx, { template: 'coordinator-invitation', to: mail.email, props: { ...common, organisation: mail.targetName } });
  if (kind === 'mentor')
    return enqueueEmail(tx, {
      template: 'mentor-invitation',
      to: mail.email,
      userId,
      props: { ...common, ...about, name: mail.name, networkName: mail.targetName },
    });
  if (kind === 'reviewer')
    return enqueueEmail(tx, {
      template: 'academy-reviewer-invitation',
      to: mail.email,
      userId,
      props: { ...common, ...about, academyName: mail.targetName },
    });
  return enqueueEmail(tx, {
    template: 'placement-host-invitation',
    to: mail.email,
    userId,
    props: { ...common, ...about, name: mail.name, academyName: mail.targetName },
  });
}

import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { users } from '~db/schema';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { findUserByEmail } from '../auth/accounts.server';
import { burnPasswordCheck, verifyPassword } from '../auth/password.server';
import { hitAll, rules } from '../security/rate-limit.server';
import type { LinkProblem } from '../http.server';
import * as invitations from '../invitations/invitations.server';

// Accepting a coordinator invitation (/beheer/uitnodiging/:token). The link was sent to the invited
// address, so following it proves the address: a new account made here is verified at once. The
// invitation's life cycle is the invitations module's (ADR 022).

type InvitationCheck =
  | { ok: true; invitation: { id: string; email: string; organisationId: string; organisationName: string } }
  | { ok: false; problem: LinkProblem };

function coordinatorView(invitation: invitations.InvitationView) {
  const { id, email, targetId, organisationName } = invitation;
  return { id, email, organisationId: targetId, organisationName };
}

async function checkInvitation(db: Db, token: string): Promise<InvitationCheck> {
  const check = await invitations.checkInvitation(db, 'coordinator', token);
  return check.ok ? { ok: true, invitation: coordinatorView(check.invitation) } : check;
}

/** Uses the invitation for this account (of the invited address) in the caller's transaction; anyone else's is 'invalid'. */
async function claim(tx: Db, token: string, user: { id: string; email: string; name: string }): Promise<InvitationCheck> {
  const outcome = await invitations.claimInvitation(tx, 'coordinator', token, user);
  if (outcome.ok) return { ok: true, invitation: coordinatorView(outcome.invitation) };
  return { ok: false, problem: outcome.problem === 'other-account' ? 'invalid' : outcome.problem };
}

export type InvitationView = {
  organisationName: string;
  email: string;
  /** new: make an account; login: log in with the account of the address; accept: logged in as that account; other: logged in as someone else. */
  mode: 'new' | 'login' | 'accept' | 'other';
};

/** What the invitation page shows for this visitor. */
export async function viewInvitation(
  db: Db,
  token: string,
  current: { id: string; email: string } | null,
): Promise<{ ok: true; view: InvitationView } | { ok: false; problem: 'invalid' | 'expired' | 'used' }> {
  const check = await checkInvitation(db, token);
  if (!check.ok) return check;
  const { email, organisationName } = check.invitation;
  let mode: InvitationView['mode'];
  if (current) mode = current.email === email ? 'accept' : 'other';
  else mode = (await findUserByEmail(db, email)) ? 'login' : 'new';
  return { ok: true, view: { organisationName, email, mode } };
}

export type AcceptOutcome =
  InvitationCheck | { ok: false; problem: 'account-exists' | 'wrong-password' | 'rate-limited'; retryAfterSeconds?: number };

/** Makes the account of the invited address and accepts the invitation, in one transaction. */
export async function acceptWithNewAccount(
  db: Db,
  token: string,
  input: { name: string; password: string; locale: Locale },
): Promise<AcceptOutcome & { userId?: string }> {
  const outcome = await invitations.acceptWithNewAccount(db, 'coordinator', token, input);
  if (outcome.ok) return { ok: true, invitation: coordinatorView(outcome.invitation), userId: outcome.userId };
  return { ok: false, problem: outcome.problem === 'other-account' ? 'invalid' : outcome.problem };
}

/** Logs in with the password of the invited address's account and accepts the invitation. */
export async function acceptWithPassword(
  db: Db,
  token: string,
  input: { password: string; ip: string },
): Promise<AcceptOutcome & { userId?: string }> {
  const check = await checkInvitation(db, token);
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
    const accepted = await claim(tx, token, user);
    if (accepted.ok && !user.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: now(), updatedAt: now() }).where(eq(users.id, user.id));
    }
    return { ...accepted, userId: user.id };
  });
}

/** Accepts for the logged-in person, when theirs is the invited address. */
export async function acceptAsCurrentUser(db: Db, token: string, user: { id: string; email: string }): Promise<AcceptOutcome> {
  const check = await checkInvitation(db, token);
  if (!check.ok) return check;
  if (check.invitation.email !== user.email) return { ok: false, problem: 'invalid' };
  return db.transaction((tx) => claim(tx, token, { ...user, name: '' }));
}

import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { users } from '~db/schema';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { findUserByEmail } from '../auth/accounts.server';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password.server';
import { hitAll, rules } from '../security/rate-limit.server';
import { acceptInvitation, checkInvitation, type InvitationCheck } from './admin.server';

// Accepting a coordinator invitation (/beheer/uitnodiging/:token). The link was sent to the invited
// address, so following it proves the address: a new account made here is verified at once.

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
  const check = await checkInvitation(db, token);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const t = now();
      const [created] = await tx
        .insert(users)
        .values({
          email: check.invitation.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          emailVerifiedAt: t,
          createdAt: t,
          updatedAt: t,
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!created) return { ok: false, problem: 'account-exists' } as const;
      const accepted = await acceptInvitation(tx, token, created.id);
      // Used or expired between the check and now: no account without the invitation it was for.
      if (!accepted.ok) throw new InvitationGone(accepted);
      return { ...accepted, userId: created.id };
    });
  } catch (error) {
    if (error instanceof InvitationGone) return error.check;
    throw error;
  }
}

class InvitationGone extends Error {
  constructor(readonly check: InvitationCheck) {
    super('invitation no longer usable');
  }
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
    const accepted = await acceptInvitation(tx, token, user.id);
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
  return db.transaction((tx) => acceptInvitation(tx, token, user.id));
}

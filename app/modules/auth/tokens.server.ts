import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { verificationTokens, type TokenPurpose } from '~db/schema';
import { now, HOUR, MINUTE } from '../clock.server';
import { generateToken, hashToken } from '../security/tokens.server';
import type { LinkProblem } from '../http.server';

export const tokenLifetimes: Record<TokenPurpose, number> = {
  'verify-email': 48 * HOUR,
  'login-link': 15 * MINUTE,
  'password-reset': 60 * MINUTE,
};

/** Issues a single-use token; earlier unused tokens of the same purpose for this user stop working. */
export async function issueToken(tx: Db, userId: string, purpose: TokenPurpose) {
  const t = now();
  await tx
    .update(verificationTokens)
    .set({ usedAt: t })
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, purpose), isNull(verificationTokens.usedAt)));
  const token = generateToken();
  await tx.insert(verificationTokens).values({
    tokenHash: hashToken(token),
    purpose,
    userId,
    expiresAt: new Date(t.getTime() + tokenLifetimes[purpose]),
    createdAt: t,
  });
  return token;
}

export type TokenProblem = LinkProblem;
export type TokenCheck = { ok: true; userId: string } | { ok: false; problem: TokenProblem };

/** Tells whether a token could be used now, without using it (for showing a confirmation page). */
export async function checkToken(db: Db, token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const [row] = await db
    .select()
    .from(verificationTokens)
    .where(and(eq(verificationTokens.tokenHash, hashToken(token)), eq(verificationTokens.purpose, purpose)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.usedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, userId: row.userId };
}

/** Uses a token: one atomic update, so two clicks at once cannot both succeed. */
export async function consumeToken(tx: Db, token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const t = now();
  const [row] = await tx
    .update(verificationTokens)
    .set({ usedAt: t })
    .where(
      and(
        eq(verificationTokens.tokenHash, hashToken(token)),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, t),
      ),
    )
    .returning({ userId: verificationTokens.userId });
  if (row) return { ok: true, userId: row.userId };
  return checkToken(tx, token, purpose);
}

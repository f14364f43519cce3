import { lt, or, isNotNull, and } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { sessions, verificationTokens } from '~db/schema';
import { now, DAY } from '../clock.server';

/** Removes sessions that expired and tokens that can no longer be used. */
export async function pruneExpiredAuthData(db: Db) {
  const t = now();
  await db.delete(sessions).where(lt(sessions.expiresAt, t));
  await db
    .delete(verificationTokens)
    .where(
      or(
        lt(verificationTokens.expiresAt, new Date(t.getTime() - DAY)),
        and(isNotNull(verificationTokens.usedAt), lt(verificationTokens.usedAt, new Date(t.getTime() - DAY))),
      ),
    );
}

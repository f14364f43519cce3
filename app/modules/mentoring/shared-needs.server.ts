import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { consents, sharedNeeds, type SharedNeedKind } from '~db/schema';
import { now } from '../clock.server';
import { giveConsent, withdrawConsent } from '../privacy/consent.server';
import { loadMatch } from './matches.server';

// Needs a mentee chooses to share with the mentor of an accepted match (issue 17, point 5): step-free
// access, a sign language interpreter, meeting online or by phone, or their own words. They may say
// something about health (special-category data), so sharing takes an explicit consent of its own
// (purpose `shared-needs`, subject `match:<id>`, the text version recorded). The row exists only while
// that consent stands: withdrawing it (here or on /account/privacy) deletes the row, and deleting the
// account deletes it with the user. The application's own accessibility answers are never read here.

export type SharedNeedsValues = { needs: SharedNeedKind[]; other: string };

const subjectOf = (matchId: string) => `match:${matchId}`;

/** The mentee of an accepted, active match shares (or changes) their needs with the mentor. */
export async function shareNeeds(db: Db, matchId: string, userId: string, values: SharedNeedsValues) {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    if (!ctx || ctx.mentee.id !== userId) return { status: 'not-found' as const };
    if (ctx.match.status !== 'active') return { status: 'not-possible' as const };
    const [existing] = await tx.select().from(sharedNeeds).where(eq(sharedNeeds.matchId, matchId));
    // A change of what is shared is a new consent for the new content: the old one is withdrawn.
    if (existing) {
      await tx
        .update(consents)
        .set({ withdrawnAt: now() })
        .where(and(eq(consents.id, existing.consentId), isNull(consents.withdrawnAt)));
    }
    const consentId = await giveConsent(tx, userId, 'shared-needs', subjectOf(matchId));
    const t = now();
    await tx
      .insert(sharedNeeds)
      .values({ matchId, userId, consentId, needs: values.needs, other: values.other, sharedAt: t, updatedAt: t })
      .onConflictDoUpdate({ target: sharedNeeds.matchId, set: { consentId, needs: values.needs, other: values.other, updatedAt: t } });
    return { status: 'shared' as const };
  });
}

/** The mentee stops sharing: the consent is withdrawn, which deletes what was shared. */
export async function stopSharingNeeds(db: Db, matchId: string, userId: string) {
  const [row] = await db
    .select({ consentId: sharedNeeds.consentId })
    .from(sharedNeeds)
    .where(and(eq(sharedNeeds.matchId, matchId), eq(sharedNeeds.userId, userId)));
  if (!row) return { status: 'not-found' as const };
  await withdrawConsent(db, userId, row.consentId);
  return { status: 'stopped' as const };
}

/** What the mentee shared in this match, or null. Callers decide who may see it (see the match page). */
export async function sharedNeedsOf(db: Db, matchId: string) {
  const [row] = await db
    .select({ needs: sharedNeeds.needs, other: sharedNeeds.other, sharedAt: sharedNeeds.sharedAt })
    .from(sharedNeeds)
    .where(eq(sharedNeeds.matchId, matchId));
  return row ?? null;
}

import { and, eq, isNull, desc } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academyApplications, consents, menteeApplications, sharedNeeds, users, type ConsentPurpose } from '~db/schema';
import { now } from '../clock.server';
import { setPreferences } from '../email/preferences.server';

/**
 * The versions of the consent texts people see. When a text changes, raise its version: every
 * consent row records the version that was shown.
 */
export const consentTextVersions: Record<ConsentPurpose, string> = {
  'privacy-statement': 'privacy-2026-11',
  'special-category': 'bijzondere-gegevens-2026-11',
  marketing: 'nieuws-2026-11',
  'shared-needs': 'gedeelde-behoeften-2026-12',
};

/** Records a consent given now; returns its id. */
export async function giveConsent(db: Db, userId: string, purpose: ConsentPurpose, subject: string | null = null) {
  const [row] = await db
    .insert(consents)
    .values({ userId, purpose, subject, textVersion: consentTextVersions[purpose], givenAt: now() })
    .returning({ id: consents.id });
  return row!.id;
}

/** Active (not withdrawn) consents of a person for a purpose. */
export async function activeConsents(db: Db, userId: string, purpose: ConsentPurpose) {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.purpose, purpose), isNull(consents.withdrawnAt)));
}

export type WithdrawResult = { status: 'withdrawn'; purpose: ConsentPurpose } | { status: 'not-found' };

/**
 * Withdraws one of the person's consents, at once: withdrawing the special-category consent erases
 * the disability answers it covered in the same transaction; withdrawing the marketing consent
 * switches news email off; withdrawing a `shared-needs` consent deletes what the mentee shared with
 * their mentor under it, so the mentor no longer sees it.
 */
export async function withdrawConsent(db: Db, userId: string, consentId: string): Promise<WithdrawResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(consents)
      .set({ withdrawnAt: now() })
      .where(and(eq(consents.id, consentId), eq(consents.userId, userId), isNull(consents.withdrawnAt)))
      .returning();
    if (!row) return { status: 'not-found' as const };
    if (row.purpose === 'special-category') {
      // Covered data: the applications recorded with this consent (or all of theirs for a general one).
      const covered = row.subject ? eq(menteeApplications.disabilityConsentId, row.id) : eq(menteeApplications.userId, userId);
      await tx
        .update(menteeApplications)
        .set({ disability: null, disabilityConsentId: null, updatedAt: now() })
        .where(and(covered, eq(menteeApplications.userId, userId)));
      // The same for academy applications (subject `academy-application:<id>`).
      const coveredAcademy = row.subject ? eq(academyApplications.disabilityConsentId, row.id) : eq(academyApplications.userId, userId);
      await tx
        .update(academyApplications)
        .set({ disability: null, disabilityConsentId: null, updatedAt: now() })
        .where(and(coveredAcademy, eq(academyApplications.userId, userId)));
    }
    if (row.purpose === 'shared-needs') {
      await tx.delete(sharedNeeds).where(and(eq(sharedNeeds.consentId, row.id), eq(sharedNeeds.userId, userId)));
    }
    if (row.purpose === 'marketing') {
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      if (user) await setPreferences(tx, user.email, userId, { news: false });
    }
    return { status: 'withdrawn' as const, purpose: row.purpose };
  });
}

/** Switches news email on or off for an account, giving or withdrawing the marketing consent with it. */
export async function setNewsConsent(db: Db, userId: string, on: boolean) {
  await db.transaction(async (tx) => {
    const active = await activeConsents(tx, userId, 'marketing');
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) return;
    if (on && active.length === 0) await giveConsent(tx, userId, 'marketing');
    if (!on && active.length > 0) {
      await tx
        .update(consents)
        .set({ withdrawnAt: now() })
        .where(and(eq(consents.userId, userId), eq(consents.purpose, 'marketing'), isNull(consents.withdrawnAt)));
    }
    await setPreferences(tx, user.email, userId, { news: on });
  });
}

/** Every consent the person gave, newest first (withdrawn ones too), for the privacy page. */
export function consentsOf(db: Db, userId: string) {
  return db.select().from(consents).where(eq(consents.userId, userId)).orderBy(desc(consents.givenAt));
}

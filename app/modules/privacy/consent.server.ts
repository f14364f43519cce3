import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { consents, type ConsentPurpose } from '~db/schema';
import { now } from '../clock.server';

/**
 * The versions of the consent texts people see. When a text changes, raise its version: every
 * consent row records the version that was shown.
 */
export const consentTextVersions: Record<ConsentPurpose, string> = {
  'privacy-statement': 'privacy-2026-11',
  'special-category': 'bijzondere-gegevens-2026-11',
  marketing: 'nieuws-2026-11',
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

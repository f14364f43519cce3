import { and, eq, isNull, type Column } from 'drizzle-orm';
import { consents } from '~db/schema';

/**
 * The join condition to a person's active consent for the special category (disability): an
 * application's disability counts only with it, and is never shown per person. The same rule for
 * mentee and academy applications.
 */
export const activeSpecialCategoryConsent = (consentId: Column, userId: Column) =>
  and(eq(consents.id, consentId), eq(consents.userId, userId), eq(consents.purpose, 'special-category'), isNull(consents.withdrawnAt));

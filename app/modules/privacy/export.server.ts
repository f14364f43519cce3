import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { users } from '~db/schema/accounts';
import { now } from '../clock.server';
import { normalizeEmail } from '../auth/accounts.server';
import { exportedTables } from './personal-data.server';

type Section = (typeof exportedTables)[number];
/** The export's JSON: one key per entry of `exportedTables`, in its order, after the moment it was made. */
export type PersonalDataExport = { exportedAt: string } & {
  [S in Section as S['key']]: Awaited<ReturnType<S['read']>>;
};

/**
 * Everything held about a person, as one JSON-serialisable object (GDPR art. 15 and 20): each table
 * of `exportedTables` (personal-data.server.ts) read and presented in turn.
 */
export async function exportPersonalData(db: Db, userId: string): Promise<PersonalDataExport | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const person = { user, userId, email: normalizeEmail(user.email) };
  const result: Record<string, unknown> = { exportedAt: now().toISOString() };
  // One after the other: PGlite is one connection, and the order is the JSON's.
  for (const section of exportedTables) result[section.key] = await section.read(db, person);
  return result as PersonalDataExport;
}

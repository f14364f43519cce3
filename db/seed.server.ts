import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../app/modules/auth/password.server';
import type { Db } from './client.server';
import { organisationMemberships, organisations, users } from './schema';

/** The demo accounts; the README prints the same list. Never use these outside a demo. */
export const demoAccounts = {
  admin: { email: 'admin@politiekactief.example', password: 'Demo-beheer-2026', name: 'Anouk Admin' },
  coordinator: { email: 'coordinator@politiekactief.example', password: 'Demo-coordinator-2026', name: 'Cor Coördinator' },
  candidate: { email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026', name: 'Kim Kandidaat' },
} as const;

const demoOrganisations = [
  { slug: 'nvr', name: 'Nederlandse Vereniging voor Raadsleden', kind: 'association', contactEmail: 'info@nvr.example' },
  { slug: 'wethoudersvereniging', name: 'Wethoudersvereniging', kind: 'association', contactEmail: 'info@wethouders.example' },
  { slug: 'ngb', name: 'Nederlands Genootschap van Burgemeesters', kind: 'association', contactEmail: 'info@ngb.example' },
  { slug: 'klpp', name: 'Kennispunt Lokale Politieke Partijen', kind: 'association', contactEmail: 'info@klpp.example' },
] as const;

/**
 * Puts the demo organisations and accounts in place. With onlyIfEmpty it does nothing when an
 * organisation already exists (so `npm start` seeds once); otherwise it resets the demo rows.
 */
export async function seedDemoData(db: Db, options: { onlyIfEmpty: boolean }): Promise<boolean> {
  if (options.onlyIfEmpty) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if (Number(row?.n) > 0) return false;
  }
  const hashes = Object.fromEntries(
    await Promise.all(Object.entries(demoAccounts).map(async ([key, a]) => [key, await hashPassword(a.password)] as const)),
  );
  await db.transaction(async (tx) => {
    const emails = Object.values(demoAccounts).map((a) => a.email);
    await tx.delete(users).where(inArray(users.email, emails));
    await tx.delete(organisations).where(
      inArray(
        organisations.slug,
        demoOrganisations.map((o) => o.slug),
      ),
    );
    const orgs = await tx
      .insert(organisations)
      .values([...demoOrganisations])
      .returning();
    const verified = new Date();
    const created = await tx
      .insert(users)
      .values(
        Object.entries(demoAccounts).map(([key, a]) => ({
          email: a.email,
          name: a.name,
          passwordHash: hashes[key],
          emailVerifiedAt: verified,
          isAdmin: key === 'admin',
        })),
      )
      .returning();
    const coordinator = created.find((u) => u.email === demoAccounts.coordinator.email)!;
    const nvr = orgs.find((o) => o.slug === 'nvr')!;
    const klpp = orgs.find((o) => o.slug === 'klpp')!;
    await tx.insert(organisationMemberships).values([
      { organisationId: nvr.id, userId: coordinator.id },
      { organisationId: klpp.id, userId: coordinator.id },
    ]);
  });
  return true;
}

import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../app/modules/auth/password.server';
import { now } from '../app/modules/clock.server';
import type { Db } from './client.server';
import { courses, organisationMemberships, organisations, users } from './schema';
import { insertCoursePlans, planDemoCourses } from './seed-courses';
import { seedDemoApplicationNetwork } from './seed-applications';
import { seedDemoPlacementAcademy } from './seed-placements';
import { seedMentoring } from './seed-mentoring';
import { seedDemoAcademyCohort } from './seed-academy-cohort';

/** The demo accounts; the README prints the same list. Never use these outside a demo. */
export const demoAccounts = {
  admin: { email: 'admin@politiekactief.example', password: 'Demo-beheer-2026', name: 'Anouk Admin' },
  coordinator: { email: 'coordinator@politiekactief.example', password: 'Demo-coordinator-2026', name: 'Cor Coördinator' },
  candidate: { email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026', name: 'Kim Kandidaat' },
} as const;

// The demo organisations take part in the open national figures (/cijfers), so a newcomer sees them.
const demoOrganisations = [
  { slug: 'nvr', name: 'Nederlandse Vereniging voor Raadsleden', kind: 'association', contactEmail: 'info@nvr.example', openFigures: true },
  {
    slug: 'wethoudersvereniging',
    name: 'Wethoudersvereniging',
    kind: 'association',
    contactEmail: 'info@wethouders.example',
    openFigures: true,
  },
  {
    slug: 'ngb',
    name: 'Nederlands Genootschap van Burgemeesters',
    kind: 'association',
    contactEmail: 'info@ngb.example',
    openFigures: true,
  },
  { slug: 'klpp', name: 'Kennispunt Lokale Politieke Partijen', kind: 'association', contactEmail: 'info@klpp.example', openFigures: true },
] as const;

/**
 * Puts the demo organisations, accounts and course catalogue in place (see db/seed-courses.ts: about
 * fifty courses over all provinces, dated relative to now). With onlyIfEmpty it does nothing when an
 * organisation already exists (so `npm start` seeds once); otherwise it resets the demo rows.
 * No email is queued for the seeded people: their registrations are inserted as they stand.
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
    const slugs = demoOrganisations.map((o) => o.slug);
    // The demo courses go first (with their sessions, questions and registrations, by cascade).
    await tx
      .delete(courses)
      .where(
        inArray(courses.organisationId, tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.slug, slugs))),
      );
    await tx.delete(users).where(inArray(users.email, emails));
    await tx.delete(organisations).where(inArray(organisations.slug, slugs));
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

    const at = now();
    const plans = planDemoCourses({
      at,
      organisations: orgs.map((o) => ({ id: o.id, slug: o.slug })),
      coordinatorId: coordinator.id,
      coordinatorOrganisations: ['nvr', 'klpp'],
    });
    // The demo candidate has a seat on an upcoming course, so /account shows a registration.
    const candidate = created.find((u) => u.email === demoAccounts.candidate.email)!;
    const open = plans.find(
      (p) =>
        p.course.status === 'published' &&
        !p.course.registrationClosesAt &&
        !p.course.registrationOpensAt &&
        p.sessions[0]!.startsAt.getTime() > at.getTime() + 7 * 24 * 3600_000 &&
        p.registrations.filter((r) => r.status === 'confirmed').length < p.course.capacity - 1 &&
        p.questions.length === 0,
    );
    if (open) {
      const signedUp = new Date(at.getTime() - 24 * 3600_000);
      open.registrations.push({
        id: randomUUID(),
        courseId: open.course.id,
        userId: candidate.id,
        name: candidate.name,
        email: candidate.email,
        municipalityCode: open.course.municipalityCode,
        answers: {},
        locale: 'nl',
        privacyVersion: '1.0',
        consentedAt: signedUp,
        status: 'confirmed',
        confirmedAt: signedUp,
        createdAt: signedUp,
        updatedAt: signedUp,
      });
    }
    await insertCoursePlans(tx, plans);
    await seedMentoring(tx, { organisationId: nvr.id, coordinatorId: coordinator.id, at });
    await seedDemoApplicationNetwork(tx, { organisationId: nvr.id, coordinatorId: coordinator.id, at });
    await seedDemoPlacementAcademy(tx, { organisationId: nvr.id, candidateId: candidate.id, at });
    await seedDemoAcademyCohort(tx, { organisationId: nvr.id, coordinatorId: coordinator.id, candidateId: candidate.id, at });
  });
  return true;
}

import { inArray } from 'drizzle-orm';
import type { Db } from './client.server';
import {
  academies,
  academyApplications,
  academyCompletions,
  courseSessions,
  courses,
  registrations,
  sessionAttendance,
  users,
} from './schema';
import { generateToken } from '../app/modules/security/tokens.server';
import { dateInAmsterdam, fromAmsterdam } from '../app/modules/time';

const DAY = 24 * 3600_000;

/** The demo participants of the cohort besides the demo candidate (no passwords: they cannot log in). */
const cohortPeople = [
  { email: 'fatima.academie@politiekactief.example', name: 'Fatima El Amrani' },
  { email: 'joost.academie@politiekactief.example', name: 'Joost van der Berg' },
] as const;

/**
 * An academy in its programme (ADR 018, cohort), so that a newcomer sees /account/academies and
 * /beheer/academies/:id/deelnemers filled: its call closed and decided, three accepted participants
 * (the demo candidate and two demo people) enrolled in three one-evening modules (two held, one to
 * come), attendance registered for the first module, and for the second of one person, who completed
 * (the rule: two modules). The demo candidate's attendance of the second module is not registered yet:
 * registering it in the demo shows the completion follow (e2e/academy-journey.spec.ts goes through the
 * whole programme with an academy of its own).
 */
export async function seedDemoAcademyCohort(
  tx: Db,
  options: { organisationId: string; coordinatorId: string; candidateId: string; at: Date },
) {
  const { at } = options;
  await tx.delete(users).where(
    inArray(
      users.email,
      cohortPeople.map((p) => p.email),
    ),
  );
  const people = await tx
    .insert(users)
    .values(cohortPeople.map((p) => ({ email: p.email, name: p.name, emailVerifiedAt: at })))
    .returning();
  const [candidate] = await tx
    .select()
    .from(users)
    .where(inArray(users.id, [options.candidateId]));
  const participants = [candidate!, ...people];

  const [academy] = await tx
    .insert(academies)
    .values({
      organisationId: options.organisationId,
      name: 'Raadsledenacademie (demo)',
      description: 'Een programma van drie avonden voor nieuwe raadsleden. Alleen voor de demo.',
      callPublished: true,
      applicationsOpenAt: new Date(at.getTime() - 60 * DAY),
      applicationsCloseAt: new Date(at.getTime() - 40 * DAY),
      decisionsReleasedAt: new Date(at.getTime() - 35 * DAY),
      seats: 3,
      criteria: [{ id: 'motivatie', label: 'Motivatie' }],
      completionRule: { minModules: 2, placementRequired: false },
    })
    .returning();

  const plan = [
    { title: 'Academiemodule 1: de gemeenteraad', startsIn: -20 },
    { title: 'Academiemodule 2: de begroting', startsIn: -6 },
    { title: 'Academiemodule 3: campagne voeren', startsIn: 14 },
  ];
  const modules = [];
  for (const m of plan) {
    // Evenings 19:30–21:30 in Amsterdam, as every demo session (db/seed.test.ts checks it).
    const day = dateInAmsterdam(new Date(at.getTime() + m.startsIn * DAY));
    const startsAt = fromAmsterdam(day, '19:30')!;
    const endsAt = fromAmsterdam(day, '21:30')!;
    const [course] = await tx
      .insert(courses)
      .values({
        organisationId: options.organisationId,
        academyId: academy!.id,
        title: m.title,
        description: 'Een avond van de Raadsledenacademie (demo).',
        municipalityCode: 'GM0193',
        format: 'in-person',
        locationName: 'Stadhuis Zwolle',
        address: 'Grote Kerkplein 15, Zwolle',
        accessibilityInfo: 'De zaal is zonder drempels te bereiken. Er is een lift en een ringleiding.',
        capacity: 12,
        status: 'published',
        publishedAt: new Date(at.getTime() - 45 * DAY),
        createdBy: options.coordinatorId,
        // A module that took place is closed (its follow-up went out), so the sweep has nothing to send.
        followUpSentAt: m.startsIn < 0 ? new Date(at.getTime() + (m.startsIn + 1) * DAY) : null,
      })
      .returning();
    const [session] = await tx.insert(courseSessions).values({ courseId: course!.id, startsAt, endsAt }).returning();
    modules.push({ course: course!, session: session! });
  }

  const accepted = new Date(at.getTime() - 30 * DAY);
  for (const [index, person] of participants.entries()) {
    const [application] = await tx
      .insert(academyApplications)
      .values({
        academyId: academy!.id,
        userId: person.id,
        municipalityCode: 'GM0193',
        motivation: 'Ik wil goed voorbereid de gemeenteraad in.',
        status: 'accepted',
        decision: 'admit',
        respondedAt: accepted,
        createdAt: new Date(at.getTime() - 50 * DAY),
        updatedAt: accepted,
      })
      .returning();
    const regs = await tx
      .insert(registrations)
      .values(
        modules.map((m) => ({
          courseId: m.course.id,
          userId: person.id,
          name: person.name,
          email: person.email,
          municipalityCode: 'GM0193',
          source: 'academy',
          academyApplicationId: application!.id,
          privacyVersion: 'academy',
          consentedAt: accepted,
          status: 'confirmed' as const,
          confirmedAt: accepted,
          createdAt: accepted,
          updatedAt: accepted,
        })),
      )
      .returning();
    // Everyone attended module 1; only the third person's module 2 is registered (present): completed.
    await tx.insert(sessionAttendance).values({ registrationId: regs[0]!.id, sessionId: modules[0]!.session.id, attended: true });
    if (index === 2) {
      await tx.insert(sessionAttendance).values({ registrationId: regs[1]!.id, sessionId: modules[1]!.session.id, attended: true });
      await tx.insert(academyCompletions).values({
        academyId: academy!.id,
        applicationId: application!.id,
        code: generateToken(),
        modulesAttended: 2,
        completedAt: new Date(at.getTime() - 5 * DAY),
      });
    }
  }
  return academy!.id;
}

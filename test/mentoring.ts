import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.server';
import { matchRouteProgress, menteeApplications, mentorProfiles, networkMentors, networks, organisations, users } from '../db/schema';
import { routeTemplate } from '../app/modules/candidacy/route.server';

let seq = 0;
const unique = () => `${++seq}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** An organisation (a fresh one unless `organisationId` is given) and a network open for applications. */
export async function createNetwork(db: Db, fields: Partial<typeof networks.$inferInsert> = {}) {
  let organisationId = fields.organisationId;
  if (!organisationId) {
    const n = unique();
    const [organisation] = await db
      .insert(organisations)
      .values({ name: `Netwerkvereniging ${n}`, slug: `netwerk-${n}`, kind: 'association' })
      .returning();
    organisationId = organisation!.id;
  }
  const [network] = await db
    .insert(networks)
    .values({
      name: `Mentornetwerk ${unique()}`,
      description: 'Ervaren raadsleden helpen nieuwe mensen op weg.',
      focusGroup: 'open',
      regionKind: 'national',
      applicationsOpen: true,
      periodStart: '2026-09-01',
      periodEnd: '2027-06-30',
      ...fields,
      organisationId,
    })
    .returning();
  return network!;
}

/** A verified user account. */
export async function createUser(db: Db, fields: Partial<typeof users.$inferInsert> = {}) {
  const n = unique();
  const [user] = await db
    .insert(users)
    .values({ email: `persoon-${n}@example.org`, name: `Persoon ${n}`, emailVerifiedAt: new Date(), ...fields })
    .returning();
  return user!;
}

/** A user with a completed mentor profile, member of the given networks. */
export async function createMentor(
  db: Db,
  networkIds: string[],
  fields: Partial<typeof mentorProfiles.$inferInsert> = {},
  userFields: Partial<typeof users.$inferInsert> = {},
) {
  const user = await createUser(db, userFields);
  const [profile] = await db
    .insert(mentorProfiles)
    .values({
      userId: user.id,
      office: 'council-member',
      municipalityCode: 'GM0193', // Zwolle
      themes: ['zorg', 'onderwijs'],
      languages: ['nl'],
      meetingModes: ['in-person', 'online'],
      capacity: 2,
      availability: ['tue-evening'],
      bio: 'Raadslid sinds 2018.',
      completedAt: new Date(),
      ...fields,
    })
    .returning();
  if (networkIds.length > 0) {
    await db.insert(networkMentors).values(networkIds.map((networkId) => ({ networkId, mentorProfileId: profile!.id })));
  }
  return { user, profile: profile! };
}

/** A user with a waiting application to the network. */
export async function createApplication(
  db: Db,
  networkId: string,
  fields: Partial<typeof menteeApplications.$inferInsert> = {},
  userFields: Partial<typeof users.$inferInsert> = {},
) {
  const user = fields.userId ? (await db.select().from(users).where(eq(users.id, fields.userId)))[0]! : await createUser(db, userFields);
  const [application] = await db
    .insert(menteeApplications)
    .values({
      networkId,
      userId: user.id,
      municipalityCode: 'GM0193',
      themes: ['zorg'],
      goals: ['become-council-member'],
      meetingModes: ['in-person', 'online'],
      languages: ['nl'],
      availability: ['tue-evening'],
      ...fields,
    })
    .returning();
  return { user, application: application! };
}

/**
 * Ticks the step at `position` (1 = the first) of the network's candidacy route for a match, as the
 * mentee does on their route page (the network gets the default route when it has none yet).
 */
export async function tickRouteStep(db: Db, match: { id: string; networkId: string }, position: number, doneOn = '2026-01-15') {
  const { steps } = await routeTemplate(db, match.networkId);
  const step = steps[position - 1]!;
  await db.insert(matchRouteProgress).values({ matchId: match.id, stepId: step.id, doneOn });
  return step;
}

import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { mentorProfiles, organisationMemberships } from '~db/schema';

/** Which mentoring menu links a person gets: coordinators "Netwerken", mentors "Mentor". */
export async function mentoringMenu(db: Db, userId: string) {
  const [coordinator, mentor] = await Promise.all([
    db
      .select({ id: organisationMemberships.userId })
      .from(organisationMemberships)
      .where(eq(organisationMemberships.userId, userId))
      .limit(1),
    db.select({ id: mentorProfiles.id }).from(mentorProfiles).where(eq(mentorProfiles.userId, userId)).limit(1),
  ]);
  return { isCoordinator: coordinator.length > 0, isMentor: mentor.length > 0 };
}

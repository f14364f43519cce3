import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, mentorProfiles, networkMentors, networks, organisations } from '~db/schema';
import { now } from '../../clock.server';
import type { FormDefaults, MentorProfileInput } from './schemas';

// The mentor profile (the form's schema is in schemas.ts)

export function profileFormValues(profile: typeof mentorProfiles.$inferSelect): FormDefaults {
  return {
    office: profile.office,
    municipalityCode: profile.municipalityCode ?? '',
    party: profile.party ?? '',
    gender: profile.gender ?? '',
    themes: profile.themes,
    languages: profile.languages,
    meetingModes: profile.meetingModes,
    capacity: String(profile.capacity),
    availability: profile.availability,
    bio: profile.bio,
    phone: profile.phone ?? '',
    pausedUntil: profile.pausedUntil ?? '',
  };
}

/** Saves the profile; from now on it is complete, so runs may propose the mentor. */
export async function saveMentorProfile(db: Db, profileId: string, input: MentorProfileInput) {
  const at = now();
  await db
    .update(mentorProfiles)
    .set({ ...input, completedAt: at, updatedAt: at })
    .where(eq(mentorProfiles.id, profileId));
}

/** The networks a mentor belongs to, with their organisation, and how much of the one capacity is used. */
export async function mentorOverview(db: Db, profileId: string) {
  const memberships = await db
    .select({ id: networks.id, name: networks.name, organisationName: organisations.name, joinedAt: networkMentors.joinedAt })
    .from(networkMentors)
    .innerJoin(networks, eq(networks.id, networkMentors.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(networkMentors.mentorProfileId, profileId))
    .orderBy(asc(networks.name));
  const [used] = await db
    .select({ n: count() })
    .from(matches)
    .where(and(eq(matches.mentorProfileId, profileId), inArray(matches.status, ['proposed', 'active'])));
  return { networks: memberships, used: Number(used?.n ?? 0) };
}

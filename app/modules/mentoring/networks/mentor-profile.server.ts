import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import { genders, matches, meetingModes, mentorProfiles, networkMentors, networks, offices, organisations } from '~db/schema';
import type { Translate } from '~/i18n';
import { now } from '../../clock.server';
import { type FormDefaults, optionalDate, subset, text, whole } from './form-parts.server';
import { MAX_CAPACITY, slotIds, themeIds } from '../profile-options';
import { languageIds } from '../application-options';

// The mentor profile

export function mentorProfileSchema(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    office: z.enum(offices, { error: t('networks.errors.office') }),
    municipalityCode: z
      .string({ error: t('networks.errors.municipality') })
      .refine((code) => municipalityCodes.has(code), t('networks.errors.municipality')),
    party: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(100, t('networks.errors.tooLong', { max: 100 }))
        .nullable(),
    ),
    gender: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(genders, { error: t('networks.errors.gender') }).nullable(),
    ),
    themes: subset(themeIds, t('networks.errors.themes')).refine((v) => v.length > 0, t('networks.errors.themesRequired')),
    languages: subset(languageIds, t('networks.errors.languages')).refine((v) => v.length > 0, t('networks.errors.languagesRequired')),
    meetingModes: subset(meetingModes, t('networks.errors.meetingModes')).refine(
      (v) => v.length > 0,
      t('networks.errors.meetingModesRequired'),
    ),
    capacity: whole(t, 0, MAX_CAPACITY),
    availability: subset(slotIds, t('networks.errors.availability')),
    bio: text(t, 2000),
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(30, t('networks.errors.phone'))
        .regex(/^\+?[0-9 ()-]{6,}$/, t('networks.errors.phone'))
        .nullable(),
    ),
    pausedUntil: optionalDate(t),
  });
}
export type MentorProfileInput = z.output<ReturnType<typeof mentorProfileSchema>>;
/** The profile form's fields, for useForm (the values are strings as sent). */
export type MentorProfileFields = Record<keyof z.input<ReturnType<typeof mentorProfileSchema>>, unknown>;

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

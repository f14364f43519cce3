import { eq, inArray, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../test/database';
import { verifyPassword } from '../app/modules/auth/password.server';
import { compatibility, type MeetingMode, type MenteeApplication, type MentorProfile, type Office } from '../app/modules/matching/scoring';
import { matches, menteeApplications, mentorProfiles, municipalities, networkMentors, networks, organisations, users } from './schema';
import { demoMentor } from './seed-mentoring';
import { demoAccounts, seedDemoData } from './seed.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

describe('mentoring demo data', () => {
  it('seeds four networks, thirty-one mentors and forty waiting applications, again on a re-seed', async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
    await seedDemoData(db(), { onlyIfEmpty: false });
    const [nvr] = await db().select().from(organisations).where(eq(organisations.slug, 'nvr'));
    const all = await db().select().from(networks).where(eq(networks.organisationId, nvr!.id));
    // Beside them, the small mentor-less network e2e/apply.spec.ts applies to (db/seed-applications.ts).
    expect(all.filter((n) => n.name === 'Demonetwerk Mentoraat')).toHaveLength(1);
    const seeded = all.filter((n) => n.name !== 'Demonetwerk Mentoraat');
    expect(seeded.map((n) => n.focusGroup).sort()).toEqual(['disability', 'open', 'practically-educated', 'women']);
    expect(new Set(seeded.map((n) => n.regionKind))).toEqual(new Set(['national', 'provinces', 'municipalities']));
    expect(await db().select().from(mentorProfiles)).toHaveLength(31);
    const applications = await db().select().from(menteeApplications);
    expect(applications).toHaveLength(40);
    // All waiting but one: the demo mentor has a proposal waiting for an answer (issue 12, item 8).
    expect(applications.filter((a) => a.status !== 'waiting').map((a) => a.status)).toEqual(['proposed']);
    const [demoUser] = await db().select().from(users).where(eq(users.email, demoMentor.email));
    const [demoProfile] = await db().select().from(mentorProfiles).where(eq(mentorProfiles.userId, demoUser!.id));
    const proposals = await db().select().from(matches).where(eq(matches.mentorProfileId, demoProfile!.id));
    expect(proposals.map((m) => m.status)).toEqual(['proposed']);
    expect(applications.find((a) => a.status === 'proposed')!.id).toBe(proposals[0]!.applicationId);
    // The women's network's applicants have women's names.
    const women = seeded.find((n) => n.focusGroup === 'women')!;
    const womenNames = await db()
      .select({ name: users.name })
      .from(menteeApplications)
      .innerJoin(users, eq(users.id, menteeApplications.userId))
      .where(eq(menteeApplications.networkId, women.id));
    expect(womenNames).toHaveLength(14);
    for (const { name } of womenNames)
      expect(['Yusuf', 'Daan', 'Jesse', 'Kevin', 'Mehmet', 'Tim', 'Ruben', 'Ravi', 'Bilal', 'Joost'], name).not.toContain(
        name.split(' ')[0],
      );
    // No special-category data in the demo.
    expect(await db().select().from(menteeApplications).where(isNotNull(menteeApplications.disability))).toHaveLength(0);
    expect(applications.some((a) => a.focusGroups.includes('disability'))).toBe(false);

    // Every application lies in its network's region.
    const places = new Map((await db().select().from(municipalities)).map((m) => [m.code, m.provinceCode]));
    for (const a of applications) {
      const n = seeded.find((x) => x.id === a.networkId)!;
      if (n.regionKind === 'provinces') expect(n.regionCodes).toContain(places.get(a.municipalityCode));
      if (n.regionKind === 'municipalities') expect(n.regionCodes).toContain(a.municipalityCode);
    }

    // The demo mentor logs in and mentors in two networks with one profile.
    const [mentor] = await db().select().from(users).where(eq(users.email, demoMentor.email));
    expect(await verifyPassword(mentor!.passwordHash!, demoMentor.password)).toBe(true);
    const [profile] = await db().select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor!.id));
    expect(await db().select().from(networkMentors).where(eq(networkMentors.mentorProfileId, profile!.id))).toHaveLength(2);
    expect(demoAccounts.coordinator.email).toBe('coordinator@politiekactief.example');

    // A run has a real choice: most applicants have several compatible mentors in their network.
    const members = await db()
      .select({ networkId: networkMentors.networkId, profile: mentorProfiles })
      .from(networkMentors)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
      .where(
        inArray(
          networkMentors.networkId,
          seeded.map((n) => n.id),
        ),
      );
    const at = new Date();
    const rules = { declinedOrEnded: new Set<string>(), forbidden: new Set<string>() };
    let withChoice = 0;
    for (const a of applications) {
      const mentee: MenteeApplication = { ...a, meetingModes: a.meetingModes as MeetingMode[] };
      const options = members
        .filter((m) => m.networkId === a.networkId)
        .filter(({ profile: p }) => {
          const mentorProfile: MentorProfile = {
            ...p,
            office: p.office as Office,
            municipalityCode: p.municipalityCode!,
            meetingModes: p.meetingModes as MeetingMode[],
            activeMatches: 0,
            pausedUntil: p.pausedUntil ? new Date(`${p.pausedUntil}T00:00:00Z`) : null,
          };
          return compatibility(mentee, mentorProfile, { at, rules, sameNetwork: true }).ok;
        });
      if (options.length >= 2) withChoice++;
    }
    expect(withChoice).toBeGreaterThanOrEqual(30);
  });
});

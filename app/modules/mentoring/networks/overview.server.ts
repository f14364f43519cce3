import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, menteeApplications, mentorProfiles, municipalities, networkMentors, networks, organisations, users } from '~db/schema';
import * as invitations from '../../invitations/invitations.server';
import { now } from '../../clock.server';
import { provinceOptions } from './geography.server';

// Lists and overview

/** The networks of the given organisations, newest first, with mentor and waiting-application counts. */
export async function networksOfOrganisations(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: networks.id,
      name: networks.name,
      focusGroup: networks.focusGroup,
      regionKind: networks.regionKind,
      regionCount: sql<number>`cardinality(${networks.regionCodes})`,
      applicationsOpen: networks.applicationsOpen,
      organisationName: organisations.name,
      mentors: sql<number>`(select count(*)::int from ${networkMentors} where ${networkMentors.networkId} = ${networks.id})`,
      waiting: sql<number>`(select count(*)::int from ${menteeApplications} where ${menteeApplications.networkId} = ${networks.id} and ${menteeApplications.status} = 'waiting')`,
    })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(inArray(networks.organisationId, organisationIds))
    .orderBy(asc(organisations.name), asc(networks.name));
  return rows.map((r) => ({ ...r, regionCount: Number(r.regionCount), mentors: Number(r.mentors), waiting: Number(r.waiting) }));
}

/** Matches that use a mentor's capacity, in every network: proposed and active ones. */
const usedCapacity = sql<number>`(select count(*)::int from ${matches} where ${matches.mentorProfileId} = ${mentorProfiles.id} and ${matches.status} in ('proposed', 'active'))`;

export async function mentorsOfNetwork(db: Db, networkId: string) {
  const rows = await db
    .select({
      profileId: mentorProfiles.id,
      name: users.name,
      email: users.email,
      office: mentorProfiles.office,
      municipalityName: municipalities.name,
      capacity: mentorProfiles.capacity,
      used: usedCapacity,
      pausedUntil: mentorProfiles.pausedUntil,
      completedAt: mentorProfiles.completedAt,
      joinedAt: networkMentors.joinedAt,
    })
    .from(networkMentors)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .leftJoin(municipalities, eq(municipalities.code, mentorProfiles.municipalityCode))
    .where(eq(networkMentors.networkId, networkId))
    .orderBy(asc(users.name));
  const today = now().toISOString().slice(0, 10);
  return rows.map((r) => ({ ...r, used: Number(r.used), paused: r.pausedUntil !== null && today < r.pausedUntil }));
}

/** Invitations not used yet (expired ones too: they can be sent again), newest first. */
export async function pendingInvitations(db: Db, networkId: string) {
  const rows = await invitations.pendingInvitations(db, { kind: 'mentor', id: networkId }, { withExpired: true });
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function applicationCounts(db: Db, networkId: string) {
  const rows = await db
    .select({ status: menteeApplications.status, n: count() })
    .from(menteeApplications)
    .where(eq(menteeApplications.networkId, networkId))
    .groupBy(menteeApplications.status);
  const counts = { waiting: 0, proposed: 0, matched: 0, withdrawn: 0, closed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Names of a network's region codes (provinces or municipalities), sorted. */
export async function regionNames(db: Db, network: Pick<typeof networks.$inferSelect, 'regionKind' | 'regionCodes'>) {
  if (network.regionKind === 'national') return [];
  const geography = await provinceOptions(db);
  const codes = new Set(network.regionCodes);
  const names =
    network.regionKind === 'provinces'
      ? geography.filter((p) => codes.has(p.code)).map((p) => p.name)
      : geography
          .flatMap((p) => p.municipalities)
          .filter((m) => codes.has(m.code))
          .map((m) => m.name);
  return names.sort((a, b) => a.localeCompare(b, 'nl'));
}

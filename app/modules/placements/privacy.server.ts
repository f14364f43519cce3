import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  academyHosts,
  municipalities,
  placementHosts,
  placementPreferences,
  placements,
  placementSlots,
} from '~db/schema';
import { now } from '../clock.server';

// What the placements hold about a person, for the export and the account deletion (ADR 009).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The person's host profile with its slots and the placements in them, and their own preferences and placements (invitations: ADR 022, one export part). */
export async function exportPlacementData(db: Db, userId: string) {
  const [host] = await db.select().from(placementHosts).where(eq(placementHosts.userId, userId));
  const slots = host
    ? await db
        .select({
          id: placementSlots.id,
          academy: academies.name,
          startsOn: placementSlots.startsOn,
          endsOn: placementSlots.endsOn,
          place: municipalities.name,
          capacity: placementSlots.capacity,
          note: placementSlots.note,
        })
        .from(placementSlots)
        .innerJoin(academies, eq(academies.id, placementSlots.academyId))
        .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
        .where(eq(placementSlots.hostId, host.id))
    : [];
  const mine = db.select({ id: academyApplications.id }).from(academyApplications).where(eq(academyApplications.userId, userId));
  const preferences = await db
    .select({ applicationId: placementPreferences.applicationId, slotId: placementPreferences.slotId, rank: placementPreferences.rank })
    .from(placementPreferences)
    .where(inArray(placementPreferences.applicationId, mine));
  const asParticipant = await db
    .select({
      id: placements.id,
      applicationId: placements.applicationId,
      slotId: placements.slotId,
      status: placements.status,
      createdAt: placements.createdAt,
      respondedAt: placements.respondedAt,
    })
    .from(placements)
    .where(and(inArray(placements.applicationId, mine), inArray(placements.status, ['proposed', 'accepted', 'declined'])));
  const asHost = host
    ? await db
        .select({
          id: placements.id,
          slotId: placements.slotId,
          status: placements.status,
          declineReason: placements.declineReason,
          respondedAt: placements.respondedAt,
        })
        .from(placements)
        .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
        .where(and(eq(placementSlots.hostId, host.id), inArray(placements.status, ['proposed', 'accepted', 'declined'])))
    : [];
  return {
    placementHostProfile: host
      ? { name: host.name, office: host.office, municipalityCode: host.municipalityCode, createdAt: iso(host.createdAt) }
      : null,
    placementSlotsOffered: slots,
    placementPreferences: preferences,
    placements: asParticipant.map((p) => ({ ...p, createdAt: iso(p.createdAt), respondedAt: iso(p.respondedAt) })),
    placementsHosted: asHost.map((p) => ({ ...p, respondedAt: iso(p.respondedAt) })),
  };
}

/**
 * Deletion, before the academy applications are anonymised: a participant's preferences go and their
 * proposed placements are discarded; a host's profile is emptied and leaves every academy, and the
 * placements still waiting for their answer are discarded (accepted ones stay, for the academy's counts).
 */
export async function erasePlacementData(tx: Db, userIds: string[]) {
  if (!userIds.length) return;
  const mine = tx.select({ id: academyApplications.id }).from(academyApplications).where(inArray(academyApplications.userId, userIds));
  await tx.delete(placementPreferences).where(inArray(placementPreferences.applicationId, mine));
  await tx
    .update(placements)
    .set({ status: 'discarded', updatedAt: now() })
    .where(and(inArray(placements.applicationId, mine), inArray(placements.status, ['draft', 'proposed'])));
  const hosts = await tx.select({ id: placementHosts.id }).from(placementHosts).where(inArray(placementHosts.userId, userIds));
  const hostIds = hosts.map((h) => h.id);
  if (hostIds.length) {
    const theirSlots = tx.select({ id: placementSlots.id }).from(placementSlots).where(inArray(placementSlots.hostId, hostIds));
    await tx
      .update(placements)
      .set({ status: 'discarded', updatedAt: now() })
      .where(and(inArray(placements.slotId, theirSlots), inArray(placements.status, ['draft', 'proposed'])));
    await tx.update(placements).set({ declineReason: '' }).where(inArray(placements.slotId, theirSlots));
    await tx.update(placementSlots).set({ note: '' }).where(inArray(placementSlots.hostId, hostIds));
    await tx.delete(academyHosts).where(inArray(academyHosts.hostId, hostIds));
    await tx.update(placementHosts).set({ userId: null, name: '', updatedAt: now() }).where(inArray(placementHosts.id, hostIds));
  }
}

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  academyHosts,
  municipalities,
  organisations,
  placementHosts,
  placementPreferences,
  placements,
  placementSlots,
} from '~db/schema';
import type { Translate } from '~/i18n';
import { now } from '../clock.server';
import { isUuid } from '../http.server';
import { callOffPlacements, tellAboutPlacement } from './notify.server';

// Placement slots (days a host offers for one academy) and the participants' ranking of them.

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SLOT_DAYS = 31;

export function slotSchema(t: Translate) {
  return z
    .object({
      academyId: z.string().refine(isUuid, t('placements.errors.academy')),
      startsOn: z.string({ error: t('placements.errors.startsOn') }).regex(isoDay, t('placements.errors.startsOn')),
      endsOn: z.string({ error: t('placements.errors.endsOn') }).regex(isoDay, t('placements.errors.endsOn')),
      municipalityCode: z.string({ error: t('placements.errors.municipality') }).regex(/^GM\d{4}$/, t('placements.errors.municipality')),
      capacity: z.coerce
        .number({ error: t('placements.errors.capacity') })
        .int(t('placements.errors.capacity'))
        .min(1, t('placements.errors.capacity'))
        .max(10, t('placements.errors.capacity')),
      note: z.string().trim().max(1000).optional().default(''),
    })
    .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: t('placements.errors.endsOn') })
    .refine((v) => (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / 86_400_000 < MAX_SLOT_DAYS, {
      path: ['endsOn'],
      message: t('placements.errors.tooLong'),
    });
}
export type SlotInput = z.output<ReturnType<typeof slotSchema>>;

/** A host offers days for an academy they host for ('not-found' for any other academy). */
export async function offerSlot(db: Db, hostId: string, input: SlotInput): Promise<'offered' | 'not-found' | 'unknown-municipality'> {
  const [membership] = await db
    .select({ id: academyHosts.hostId })
    .from(academyHosts)
    .where(and(eq(academyHosts.hostId, hostId), eq(academyHosts.academyId, input.academyId)));
  if (!membership) return 'not-found';
  const [place] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, input.municipalityCode));
  if (!place) return 'unknown-municipality';
  await db.insert(placementSlots).values({ ...input, hostId, createdAt: now() });
  return 'offered';
}

/** A slot of this host's (locked for the change), or null. */
async function ownSlot(tx: Db, hostId: string, slotId: string) {
  if (!isUuid(slotId)) return null;
  const [slot] = await tx
    .select()
    .from(placementSlots)
    .where(and(eq(placementSlots.id, slotId), eq(placementSlots.hostId, hostId), isNull(placementSlots.withdrawnAt)))
    .for('update');
  return slot ?? null;
}

/** How many live (proposed or accepted) placements a slot holds. */
async function liveIn(tx: Db, slotId: string) {
  const rows = await tx
    .select({ id: placements.id, status: placements.status })
    .from(placements)
    .where(and(eq(placements.slotId, slotId), inArray(placements.status, ['proposed', 'accepted'])));
  return rows;
}

export type EditSlotOutcome = 'saved' | 'not-found' | 'unknown-municipality' | 'below-taken';

/**
 * The host changes a slot (its academy stays). Capacity cannot go below the participants it holds. When
 * the days, the place or the note change, every accepted placement in it gets the next SEQUENCE and both
 * people an updated REQUEST for their calendars.
 */
export async function editSlot(db: Db, hostId: string, slotId: string, input: SlotInput): Promise<EditSlotOutcome> {
  return db.transaction(async (tx) => {
    const slot = await ownSlot(tx, hostId, slotId);
    if (!slot || slot.academyId !== input.academyId) return 'not-found';
    const [place] = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, input.municipalityCode));
    if (!place) return 'unknown-municipality';
    const live = await liveIn(tx, slotId);
    if (input.capacity < live.length) return 'below-taken';
    const { startsOn, endsOn, municipalityCode, capacity, note } = input;
    await tx
      .update(placementSlots)
      .set({ startsOn, endsOn, municipalityCode, capacity, note, updatedAt: now() })
      .where(eq(placementSlots.id, slotId));
    const moved = startsOn !== slot.startsOn || endsOn !== slot.endsOn || municipalityCode !== slot.municipalityCode || note !== slot.note;
    if (moved) {
      for (const p of live.filter((l) => l.status === 'accepted')) {
        await tx
          .update(placements)
          .set({ sequence: sql`${placements.sequence} + 1`, updatedAt: now() })
          .where(eq(placements.id, p.id));
        await tellAboutPlacement(tx, p.id, 'changed');
      }
    }
    return 'saved';
  });
}

/** Whether withdrawing the slot would call off a placement (the page then asks first). */
export async function slotHasParticipants(db: Db, hostId: string, slotId: string) {
  if (!isUuid(slotId)) return false;
  const [row] = await db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .where(and(eq(placements.slotId, slotId), eq(placementSlots.hostId, hostId), inArray(placements.status, ['proposed', 'accepted'])))
    .limit(1);
  return Boolean(row);
}

/**
 * The host withdraws a slot: it is offered no more (runs and rankings leave it out), its draft pairs are
 * discarded and its live placements called off: both people are told, an accepted one with a CANCEL
 * for their calendars, and the participant is free for the coordinator's next run. Returns how many
 * placements were called off.
 */
export async function withdrawSlot(db: Db, host: { id: string; userId: string }, slotId: string) {
  return db.transaction(async (tx) => {
    const slot = await ownSlot(tx, host.id, slotId);
    if (!slot) return { status: 'not-found' as const };
    await tx.update(placementSlots).set({ withdrawnAt: now(), updatedAt: now() }).where(eq(placementSlots.id, slotId));
    await tx
      .update(placements)
      .set({ status: 'discarded', updatedAt: now() })
      .where(and(eq(placements.slotId, slotId), eq(placements.status, 'draft')));
    await tx.delete(placementPreferences).where(eq(placementPreferences.slotId, slotId));
    const calledOff = await callOffPlacements(tx, eq(placements.slotId, slotId), 'slot-withdrawn', { actorUserId: host.userId });
    return { status: 'withdrawn' as const, calledOff };
  });
}

const slotColumns = {
  id: placementSlots.id,
  academyId: placementSlots.academyId,
  hostId: placementSlots.hostId,
  startsOn: placementSlots.startsOn,
  endsOn: placementSlots.endsOn,
  capacity: placementSlots.capacity,
  note: placementSlots.note,
  municipalityCode: placementSlots.municipalityCode,
  municipality: municipalities.name,
  hostName: placementHosts.name,
  hostOffice: placementHosts.office,
};

/** The slots of an academy, with their host and place. */
export async function slotsOfAcademy(db: Db, academyId: string) {
  return db
    .select(slotColumns)
    .from(placementSlots)
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
    .where(and(eq(placementSlots.academyId, academyId), isNull(placementSlots.withdrawnAt)))
    .orderBy(asc(placementSlots.startsOn), asc(placementHosts.name), asc(placementSlots.id));
}

/** The slots a host offers, in every academy. */
export async function slotsOfHost(db: Db, hostId: string) {
  return db
    .select({ ...slotColumns, academyName: academies.name })
    .from(placementSlots)
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
    .innerJoin(academies, eq(academies.id, placementSlots.academyId))
    .where(and(eq(placementSlots.hostId, hostId), isNull(placementSlots.withdrawnAt)))
    .orderBy(asc(placementSlots.startsOn), asc(placementSlots.id));
}

/**
 * The person's accepted application (= their membership of the academy's cohort), or null: the only
 * way to a participant's placement pages.
 */
export async function participationOf(db: Db, userId: string, applicationId: string | undefined) {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({
      applicationId: academyApplications.id,
      academyId: academies.id,
      academyName: academies.name,
      organisationName: organisations.name,
    })
    .from(academyApplications)
    .innerJoin(academies, eq(academies.id, academyApplications.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(
      and(eq(academyApplications.id, applicationId), eq(academyApplications.userId, userId), eq(academyApplications.status, 'accepted')),
    );
  return row ?? null;
}

export async function preferencesOf(db: Db, applicationId: string) {
  return db
    .select({ slotId: placementPreferences.slotId, rank: placementPreferences.rank })
    .from(placementPreferences)
    .where(eq(placementPreferences.applicationId, applicationId))
    .orderBy(asc(placementPreferences.rank));
}

/** Replaces the participant's ranking; only slots of their own academy count. */
export async function savePreferences(
  db: Db,
  participation: { applicationId: string; academyId: string },
  ranks: { slotId: string; rank: number }[],
) {
  await db.transaction(async (tx) => {
    const own = ranks.length
      ? await tx
          .select({ id: placementSlots.id })
          .from(placementSlots)
          .where(
            and(
              eq(placementSlots.academyId, participation.academyId),
              isNull(placementSlots.withdrawnAt),
              inArray(
                placementSlots.id,
                ranks.map((r) => r.slotId),
              ),
            ),
          )
      : [];
    const ownIds = new Set(own.map((s) => s.id));
    await tx.delete(placementPreferences).where(eq(placementPreferences.applicationId, participation.applicationId));
    const rows = ranks
      .filter((r) => ownIds.has(r.slotId))
      .map((r) => ({ applicationId: participation.applicationId, slotId: r.slotId, rank: r.rank }));
    if (rows.length) await tx.insert(placementPreferences).values(rows);
  });
}

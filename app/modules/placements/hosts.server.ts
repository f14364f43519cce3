import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import { academies, academyHosts, hostOffices, municipalities, organisations, placementHosts, users } from '~db/schema';
import type { Locale, Translate } from '~/i18n';
import { emailField } from '../auth/schemas';
import { now } from '../clock.server';
import * as invitations from '../invitations/invitations.server';

// Hosts of job-shadowing placements (ADR 018, "Placements"): invited per academy by a coordinator,
// like mentors per network; one host profile per person across academies (name, office, municipality).

// The invitation itself is the invitations module's (ADR 022).

const target = (academyId: string) => ({ kind: 'host', id: academyId }) as const;

/** The host's name, as the coordinator writes it in the invitation and the host in the profile. */
const hostNameField = (t: Translate) =>
  z
    .string({ error: t('placements.errors.nameRequired') })
    .trim()
    .min(1, t('placements.errors.nameRequired'))
    .max(200);

export function hostInviteSchema(t: Translate) {
  return z.object({
    name: hostNameField(t),
    email: emailField(t),
  });
}

export type HostInviteOutcome = 'invited' | 'already-host' | 'already-invited';

export async function inviteHost(
  db: Db,
  ctx: { academy: { id: string; name: string }; organisationName: string; invitedBy: { id: string; name: string }; locale: Locale },
  input: { name: string; email: string },
): Promise<HostInviteOutcome> {
  const outcome = await invitations.inviteByEmail(db, 'host', { ...ctx, target: ctx.academy }, input, async (tx, email) => {
    const [member] = await tx
      .select({ id: academyHosts.hostId })
      .from(academyHosts)
      .innerJoin(placementHosts, eq(placementHosts.id, academyHosts.hostId))
      .innerJoin(users, eq(users.id, placementHosts.userId))
      .where(and(eq(academyHosts.academyId, ctx.academy.id), eq(users.email, email)));
    return Boolean(member);
  });
  return outcome.status === 'already-member' ? 'already-host' : outcome.status;
}

/** Whether a host's link still works (GET only reads); the page itself is the invitations module's. */
export const checkHostInvitation = (db: Db, token: string | undefined) => invitations.checkInvitation(db, 'host', token);

/**
 * Accepts an invitation for the logged-in account of the invited address: makes the person's host
 * profile if they have none yet (one per person), and makes them a host of the academy.
 */
export const acceptHostInvitation = (db: Db, token: string | undefined, user: { id: string; email: string; name: string }) =>
  invitations.acceptInvitation(db, 'host', token, user);

/** The person's host profile, or null when they host nothing. */
export async function hostOf(db: Db, userId: string) {
  const [host] = await db.select().from(placementHosts).where(eq(placementHosts.userId, userId));
  return host ?? null;
}

export function hostProfileSchema(t: Translate) {
  return z.object({
    name: hostNameField(t),
    office: z.enum(hostOffices, { error: t('placements.errors.office') }),
    municipalityCode: z.string({ error: t('placements.errors.municipality') }).regex(/^GM\d{4}$/, t('placements.errors.municipality')),
  });
}
export type HostProfileInput = z.output<ReturnType<typeof hostProfileSchema>>;

export async function saveHostProfile(db: Db, hostId: string, input: HostProfileInput): Promise<'saved' | 'unknown-municipality'> {
  const [place] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, input.municipalityCode));
  if (!place) return 'unknown-municipality';
  await db
    .update(placementHosts)
    .set({ ...input, updatedAt: now() })
    .where(eq(placementHosts.id, hostId));
  return 'saved';
}

/** The academies a host hosts for. */
export async function academiesOfHost(db: Db, hostId: string) {
  return db
    .select({ id: academies.id, name: academies.name, organisationName: organisations.name })
    .from(academyHosts)
    .innerJoin(academies, eq(academies.id, academyHosts.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(academyHosts.hostId, hostId))
    .orderBy(asc(academies.name));
}

/** The hosts of an academy and the invitations not yet accepted (for the coordinator). */
export async function hostsOfAcademy(db: Db, academyId: string) {
  const [hosts, pending] = await Promise.all([
    db
      .select({
        id: placementHosts.id,
        name: placementHosts.name,
        office: placementHosts.office,
        municipality: municipalities.name,
      })
      .from(academyHosts)
      .innerJoin(placementHosts, eq(placementHosts.id, academyHosts.hostId))
      .leftJoin(municipalities, eq(municipalities.code, placementHosts.municipalityCode))
      .where(eq(academyHosts.academyId, academyId))
      .orderBy(asc(placementHosts.name)),
    invitations.pendingInvitations(db, target(academyId), { withExpired: true }),
  ]);
  return { hosts, invitations: pending.map(({ id, name, email, expiresAt, expired }) => ({ id, name, email, expiresAt, expired })) };
}

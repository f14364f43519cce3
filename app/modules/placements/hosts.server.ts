import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import {
  academies,
  academyHosts,
  hostOffices,
  municipalities,
  organisations,
  placementHostInvitations,
  placementHosts,
  users,
} from '~db/schema';
import type { Locale, Translate } from '~/i18n';
import { normalizeEmail } from '../auth/accounts.server';
import { emailField } from '../auth/schemas';
import { DAY, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, type LinkProblem } from '../http.server';
import { generateToken, hashToken } from '../security/tokens.server';

// Hosts of job-shadowing placements (ADR 018, "Placements"): invited per academy by a coordinator,
// like mentors per network; one host profile per person across academies (name, office, municipality).

const HOST_INVITATION_DAYS = 14;

export function hostInviteSchema(t: Translate) {
  return z.object({
    name: z
      .string({ error: t('placements.errors.nameRequired') })
      .trim()
      .min(1, t('placements.errors.nameRequired'))
      .max(200),
    email: emailField(t),
  });
}

export type HostInviteOutcome = 'invited' | 'already-host' | 'already-invited';

export async function inviteHost(
  db: Db,
  ctx: { academy: { id: string; name: string }; organisationName: string; invitedBy: { id: string; name: string }; locale: Locale },
  input: { name: string; email: string },
): Promise<HostInviteOutcome> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email));
    if (known) {
      const [member] = await tx
        .select({ id: academyHosts.hostId })
        .from(academyHosts)
        .innerJoin(placementHosts, eq(placementHosts.id, academyHosts.hostId))
        .where(and(eq(academyHosts.academyId, ctx.academy.id), eq(placementHosts.userId, known.id)));
      if (member) return 'already-host';
    }
    const [pending] = await tx
      .select({ id: placementHostInvitations.id })
      .from(placementHostInvitations)
      .where(
        and(
          eq(placementHostInvitations.academyId, ctx.academy.id),
          eq(placementHostInvitations.email, email),
          isNull(placementHostInvitations.acceptedAt),
          gt(placementHostInvitations.expiresAt, now()),
        ),
      );
    if (pending) return 'already-invited';
    const token = generateToken();
    await tx.insert(placementHostInvitations).values({
      academyId: ctx.academy.id,
      email,
      name: input.name,
      tokenHash: hashToken(token),
      invitedBy: ctx.invitedBy.id,
      expiresAt: new Date(now().getTime() + HOST_INVITATION_DAYS * DAY),
      createdAt: now(),
    });
    await enqueueEmail(tx, {
      template: 'placement-host-invitation',
      to: email,
      userId: known?.id ?? null,
      props: {
        locale: known?.locale ?? ctx.locale,
        name: input.name,
        academyName: ctx.academy.name,
        organisationName: ctx.organisationName,
        invitedBy: ctx.invitedBy.name,
        url: appLink(`/stagebieder/uitnodiging/${token}`),
        expiresInDays: HOST_INVITATION_DAYS,
      },
    });
    return 'invited';
  });
}

export type HostInvitationCheck =
  | { ok: true; invitation: { id: string; academyId: string; academyName: string; organisationName: string; email: string; name: string } }
  | { ok: false; problem: LinkProblem };

export async function checkHostInvitation(db: Db, token: string | undefined): Promise<HostInvitationCheck> {
  if (!token) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({ invitation: placementHostInvitations, academyName: academies.name, organisationName: organisations.name })
    .from(placementHostInvitations)
    .innerJoin(academies, eq(academies.id, placementHostInvitations.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(eq(placementHostInvitations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.invitation.acceptedAt) return { ok: false, problem: 'used' };
  if (row.invitation.expiresAt <= now()) return { ok: false, problem: 'expired' };
  const { id, academyId, email, name } = row.invitation;
  return { ok: true, invitation: { id, academyId, email, name, academyName: row.academyName, organisationName: row.organisationName } };
}

/**
 * Accepts an invitation for the logged-in account of the invited address: makes the person's host
 * profile if they have none yet (one per person), and makes them a host of the academy.
 */
export async function acceptHostInvitation(
  db: Db,
  token: string | undefined,
  user: { id: string; email: string; name: string },
): Promise<HostInvitationCheck | { ok: false; problem: 'other-account' }> {
  const check = await checkHostInvitation(db, token);
  if (!check.ok) return check;
  if (normalizeEmail(user.email) !== check.invitation.email) return { ok: false, problem: 'other-account' };
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(placementHostInvitations)
      .set({ acceptedAt: now(), acceptedBy: user.id })
      .where(and(eq(placementHostInvitations.id, check.invitation.id), isNull(placementHostInvitations.acceptedAt)))
      .returning({ id: placementHostInvitations.id });
    if (!used) return { ok: false, problem: 'used' } as const;
    await tx
      .insert(placementHosts)
      .values({ userId: user.id, name: check.invitation.name || user.name, createdAt: now(), updatedAt: now() })
      .onConflictDoNothing();
    const [host] = await tx.select({ id: placementHosts.id }).from(placementHosts).where(eq(placementHosts.userId, user.id));
    await tx
      .insert(academyHosts)
      .values({ academyId: check.invitation.academyId, hostId: host!.id, createdAt: now() })
      .onConflictDoNothing();
    return check;
  });
}

/** The person's host profile, or null when they host nothing. */
export async function hostOf(db: Db, userId: string) {
  const [host] = await db.select().from(placementHosts).where(eq(placementHosts.userId, userId));
  return host ?? null;
}

export function hostProfileSchema(t: Translate) {
  return z.object({
    name: z
      .string({ error: t('placements.errors.nameRequired') })
      .trim()
      .min(1, t('placements.errors.nameRequired'))
      .max(200),
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
  const [hosts, invitations] = await Promise.all([
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
    db
      .select({ id: placementHostInvitations.id, name: placementHostInvitations.name, email: placementHostInvitations.email })
      .from(placementHostInvitations)
      .where(and(eq(placementHostInvitations.academyId, academyId), isNull(placementHostInvitations.acceptedAt)))
      .orderBy(asc(placementHostInvitations.email)),
  ]);
  return { hosts, invitations };
}

import type { OrganisationInput } from './schemas';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { organisationMemberships, organisations, users } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { normalizeEmail } from '../auth/accounts.server';
import * as invitations from '../invitations/invitations.server';
import { slugify } from '../text';

// What administrators do: organisations and their coordinators. Routes call these after requireAdmin.

const target = (organisationId: string) => ({ kind: 'coordinator', id: organisationId }) as const;

/** The slug of the name, with -2, -3… when another organisation has it already. */
async function uniqueSlug(tx: Db, name: string) {
  const base = slugify(name, 'organisatie');
  const taken = new Set(
    (
      await tx
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(sql`${organisations.slug} = ${base} or ${organisations.slug} like ${`${base}-%`}`)
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createOrganisation(db: Db, input: OrganisationInput) {
  // Two administrators creating "NVR" at once: the unique index refuses one; try the next number.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const slug = await uniqueSlug(tx, input.name);
        const [row] = await tx
          .insert(organisations)
          .values({ name: input.name, kind: input.kind, contactEmail: input.contactEmail, slug, createdAt: now() })
          .returning({ id: organisations.id, slug: organisations.slug });
        return row!;
      });
    } catch (error) {
      if (attempt >= 3 || !String((error as { cause?: unknown }).cause ?? error).includes('organisations_slug_key')) throw error;
    }
  }
}

/** Changes name, kind and contact. The slug stays, so addresses that use it keep working. */
export async function updateOrganisation(db: Db, id: string, input: OrganisationInput) {
  const rows = await db
    .update(organisations)
    .set({ name: input.name, kind: input.kind, contactEmail: input.contactEmail })
    .where(eq(organisations.id, id))
    .returning({ id: organisations.id });
  return rows.length > 0;
}

export async function getOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** The coordinators of an organisation, and the invitations not yet accepted. */
export async function coordinatorsOf(db: Db, organisationId: string) {
  const [coordinators, pending] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, since: organisationMemberships.createdAt })
      .from(organisationMemberships)
      .innerJoin(users, eq(users.id, organisationMemberships.userId))
      .where(eq(organisationMemberships.organisationId, organisationId))
      .orderBy(asc(users.name)),
    invitations.pendingInvitations(db, target(organisationId), { withExpired: false }),
  ]);
  return { coordinators, invitations: pending.map(({ id, email, expiresAt }) => ({ id, email, expiresAt })) };
}

export type AppointResult = { status: 'appointed' | 'already' | 'invited'; email: string };

/**
 * Makes the person with this address a coordinator. An existing account gets the membership at once
 * and an email saying so; an address without an account gets an invitation (a single-use link that
 * expires) replacing any earlier open invitation for the same organisation.
 */
export async function appointCoordinator(
  db: Db,
  input: { organisationId: string; email: string; invitedBy: string; locale: Locale },
): Promise<AppointResult> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation) throw new Error(`organisation ${input.organisationId} does not exist`);
    const manageUrl = `${getEnv().appUrl}/beheer?organisatie=${organisation.id}`;
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (user) {
      const inserted = await tx
        .insert(organisationMemberships)
        .values({ organisationId: organisation.id, userId: user.id, createdAt: now() })
        .onConflictDoNothing()
        .returning({ userId: organisationMemberships.userId });
      if (inserted.length === 0) return { status: 'already', email };
      await enqueueEmail(tx, {
        template: 'coordinator-appointed',
        to: user.email,
        userId: user.id,
        props: { locale: user.locale, name: user.name, organisation: organisation.name, url: manageUrl },
      });
      return { status: 'appointed', email };
    }
    // One open invitation per address and organisation: an earlier link stops working.
    const created = await invitations.createInvitation(
      tx,
      target(organisation.id),
      { email, invitedBy: input.invitedBy },
      { replace: true },
    );
    if (created.status === 'created')
      await invitations.sendInvitationEmail(tx, 'coordinator', {
        email,
        name: '',
        token: created.token,
        targetName: organisation.name,
        organisationName: organisation.name,
        invitedBy: '',
        locale: input.locale,
      });
    return { status: 'invited', email };
  });
}

/** Ends a coordinator's membership; true when there was one. */
export async function removeCoordinator(db: Db, organisationId: string, userId: string) {
  const rows = await db
    .delete(organisationMemberships)
    .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.userId, userId)))
    .returning({ userId: organisationMemberships.userId });
  return rows.length > 0;
}

/** Withdraws an open invitation (its link then says it has expired); true when there was one. */
export async function withdrawInvitation(db: Db, organisationId: string, invitationId: string) {
  return invitations.withdrawInvitation(db, target(organisationId), invitationId, 'expire');
}

/** True when another organisation than `exceptId` already has this exact name (a hint, not a rule). */
export async function nameInUse(db: Db, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      exceptId
        ? and(sql`lower(${organisations.name}) = lower(${name})`, ne(organisations.id, exceptId))
        : sql`lower(${organisations.name}) = lower(${name})`,
    );
  return Boolean(row);
}

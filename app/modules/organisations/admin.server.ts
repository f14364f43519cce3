import type { OrganisationInput } from './schemas';
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { coordinatorInvitations, organisationMemberships, organisations, users } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { DAY, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { normalizeEmail } from '../auth/accounts.server';
import { generateToken, hashToken } from '../security/tokens.server';
import { slugify } from '../text';

// What administrators do: organisations and their coordinators. Routes call these after requireAdmin.

const INVITATION_TTL_MS = 14 * DAY;

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
  const [coordinators, invitations] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, since: organisationMemberships.createdAt })
      .from(organisationMemberships)
      .innerJoin(users, eq(users.id, organisationMemberships.userId))
      .where(eq(organisationMemberships.organisationId, organisationId))
      .orderBy(asc(users.name)),
    db
      .select({ id: coordinatorInvitations.id, email: coordinatorInvitations.email, expiresAt: coordinatorInvitations.expiresAt })
      .from(coordinatorInvitations)
      .where(
        and(
          eq(coordinatorInvitations.organisationId, organisationId),
          isNull(coordinatorInvitations.acceptedAt),
          gt(coordinatorInvitations.expiresAt, now()),
        ),
      )
      .orderBy(asc(coordinatorInvitations.email)),
  ]);
  return { coordinators, invitations };
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
    const t = now();
    // One open invitation per address and organisation: an earlier link stops working.
    await tx
      .update(coordinatorInvitations)
      .set({ expiresAt: t })
      .where(
        and(
          eq(coordinatorInvitations.organisationId, organisation.id),
          eq(coordinatorInvitations.email, email),
          isNull(coordinatorInvitations.acceptedAt),
          gt(coordinatorInvitations.expiresAt, t),
        ),
      );
    const token = generateToken();
    await tx.insert(coordinatorInvitations).values({
      organisationId: organisation.id,
      email,
      tokenHash: hashToken(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(t.getTime() + INVITATION_TTL_MS),
      createdAt: t,
    });
    await enqueueEmail(tx, {
      template: 'coordinator-invitation',
      to: email,
      props: {
        locale: input.locale,
        organisation: organisation.name,
        url: `${getEnv().appUrl}/beheer/uitnodiging/${token}`,
        expiresInDays: INVITATION_TTL_MS / DAY,
      },
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

/** Withdraws an open invitation (its link stops working); true when there was one. */
export async function withdrawInvitation(db: Db, organisationId: string, invitationId: string) {
  const t = now();
  const rows = await db
    .update(coordinatorInvitations)
    .set({ expiresAt: t })
    .where(
      and(
        eq(coordinatorInvitations.id, invitationId),
        eq(coordinatorInvitations.organisationId, organisationId),
        isNull(coordinatorInvitations.acceptedAt),
        gt(coordinatorInvitations.expiresAt, t),
      ),
    )
    .returning({ id: coordinatorInvitations.id });
  return rows.length > 0;
}

type InvitationProblem = 'invalid' | 'expired' | 'used';
export type InvitationCheck =
  | { ok: true; invitation: { id: string; email: string; organisationId: string; organisationName: string } }
  | { ok: false; problem: InvitationProblem };

/** Whether an invitation link still works, without using it (GET shows a page; only POST acts). */
export async function checkInvitation(db: Db, token: string): Promise<InvitationCheck> {
  if (!/^[a-z2-7]{32}$/.test(token)) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({
      id: coordinatorInvitations.id,
      email: coordinatorInvitations.email,
      organisationId: coordinatorInvitations.organisationId,
      organisationName: organisations.name,
      expiresAt: coordinatorInvitations.expiresAt,
      acceptedAt: coordinatorInvitations.acceptedAt,
    })
    .from(coordinatorInvitations)
    .innerJoin(organisations, eq(organisations.id, coordinatorInvitations.organisationId))
    .where(eq(coordinatorInvitations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.acceptedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false, problem: 'expired' };
  const { id, email, organisationId, organisationName } = row;
  return { ok: true, invitation: { id, email, organisationId, organisationName } };
}

/**
 * Uses the invitation for `userId` (whose address must be the invited one): one atomic update, so
 * the link works once, then the membership. Call it inside the transaction that also creates the
 * account or logs in, so a refused step leaves the invitation unused.
 */
export async function acceptInvitation(tx: Db, token: string, userId: string): Promise<InvitationCheck> {
  const t = now();
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const [row] = await tx
    .update(coordinatorInvitations)
    .set({ acceptedAt: t })
    .where(
      and(
        eq(coordinatorInvitations.tokenHash, hashToken(token)),
        eq(coordinatorInvitations.email, user?.email ?? ''),
        isNull(coordinatorInvitations.acceptedAt),
        gt(coordinatorInvitations.expiresAt, t),
      ),
    )
    .returning({ organisationId: coordinatorInvitations.organisationId });
  if (!row) {
    const check = await checkInvitation(tx, token);
    return check.ok ? { ok: false, problem: 'invalid' } : check;
  }
  await tx.insert(organisationMemberships).values({ organisationId: row.organisationId, userId, createdAt: t }).onConflictDoNothing();
  return checkAccepted(tx, row.organisationId);
}

async function checkAccepted(tx: Db, organisationId: string): Promise<InvitationCheck> {
  const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return { ok: true, invitation: { id: '', email: '', organisationId, organisationName: organisation?.name ?? '' } };
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

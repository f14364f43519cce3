import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { organisationMemberships, organisations, users } from '~db/schema';

/** The organisations a person coordinates. */
export async function organisationsCoordinatedBy(db: Db, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, kind: organisations.kind })
    .from(organisationMemberships)
    .innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
    .where(eq(organisationMemberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** Every organisation with its number of coordinators (administrators only). */
export async function listOrganisations(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      openFigures: organisations.openFigures,
      coordinators: sql<number>`count(${users.id})::int`,
    })
    .from(organisations)
    .leftJoin(organisationMemberships, eq(organisationMemberships.organisationId, organisations.id))
    .leftJoin(users, eq(users.id, organisationMemberships.userId))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name));
}

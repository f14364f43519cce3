import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';

/**
 * Which mentoring menu links a person gets: coordinators "Netwerken", mentors "Mentor". One indexed
 * round trip, since the root loader asks on every page a logged-in person opens.
 */
export async function mentoringMenu(db: Db, userId: string) {
  const [row] = rowsOf<{ isCoordinator: boolean; isMentor: boolean }>(
    await db.execute(sql`select
      exists (select 1 from organisation_memberships where user_id = ${userId}) as "isCoordinator",
      exists (select 1 from mentor_profiles where user_id = ${userId}) as "isMentor"`),
  );
  return { isCoordinator: row?.isCoordinator === true, isMentor: row?.isMentor === true };
}

/**
 * Where a person lands after logging in when no page asked for them: coordinators on /beheer,
 * mentors on /mentor, administrators on /admin, everyone else on /account. Someone with several
 * roles gets the first of these, the work they most likely came for.
 */
export async function homeOf(db: Db, userId: string) {
  const [row] = rowsOf<{ isAdmin: boolean }>(await db.execute(sql`select is_admin as "isAdmin" from users where id = ${userId}`));
  const { isCoordinator, isMentor } = await mentoringMenu(db, userId);
  if (isCoordinator) return '/beheer';
  if (isMentor) return '/mentor';
  if (row?.isAdmin === true) return '/admin';
  return '/account';
}

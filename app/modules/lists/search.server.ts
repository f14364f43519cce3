import { sql, type SQL } from 'drizzle-orm';
import { municipalities, users } from '~db/schema';
import { likePattern } from './paging';

/**
 * The ids of the accounts whose name or address contains `search`, as a subquery for `… in (…)`.
 * The coordinator's lists (applications, matches, the matching draft) filter by these instead of
 * testing every joined row of a large network: PostgreSQL finds the people once, through the
 * trigram indexes on users (db/schema/accounts.ts), and checks each row against that set.
 */
export function accountsMatching(search: string): SQL {
  const pattern = likePattern(search);
  return sql`(select ${users.id} from ${users} where ${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`;
}

/** The codes of the municipalities whose name contains `search`, as a subquery for `… in (…)`. */
export function municipalitiesMatching(search: string): SQL {
  return sql`(select ${municipalities.code} from ${municipalities} where ${municipalities.name} ilike ${likePattern(search)})`;
}

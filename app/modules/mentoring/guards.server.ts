import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { mentorProfiles, networks } from '~db/schema';
import { requireUser } from '../auth/session.server';
import { isUuid, notFound } from '../http.server';
import { requireCoordinator } from '../organisations/guards.server';

/**
 * Guards the coordinator pages of one network: the network, when its organisation is one of the
 * user's. Any other id (another organisation's, unknown, malformed) is a 404, and the query itself
 * carries the user's organisation ids, so another tenant's network is never read.
 */
export async function requireNetworkOfCoordinator(request: Request, networkId: string | undefined) {
  const coordinator = await requireCoordinator(request);
  if (!isUuid(networkId)) throw notFound();
  const [network] = await getDb()
    .select()
    .from(networks)
    .where(
      and(
        eq(networks.id, networkId),
        inArray(
          networks.organisationId,
          coordinator.organisations.map((o) => o.id),
        ),
      ),
    );
  if (!network) throw notFound();
  const organisation = coordinator.organisations.find((o) => o.id === network.organisationId)!;
  return { ...coordinator, network, organisation };
}

/** The logged-in user's mentor profile, or `null` when they are not a mentor. */
export async function mentorProfileOf(userId: string) {
  const [profile] = await getDb().select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId));
  return profile ?? null;
}

/** Guards mentor pages: visitors log in first; logged-in people without a mentor profile get 404. */
export async function requireMentor(request: Request) {
  const user = await requireUser(request);
  const profile = await mentorProfileOf(user.id);
  if (!profile) throw notFound();
  return { user, profile };
}

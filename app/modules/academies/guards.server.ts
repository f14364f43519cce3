import { getDb } from '~db/client.server';
import { requireUser } from '../auth/session.server';
import { notFound } from '../http.server';
import { academyOf } from '../organisations/academies.server';
import { requireCoordinator, scopeOf } from '../organisations/guards.server';
import { selectionAccess } from './reviewers.server';

// Who may open an academy's pages (ADR 018): the coordinator pages only the coordinators of its
// organisation; the scoring page its coordinators and its reviewers. Everyone else gets a 404.

/** The academy when it belongs to one of the coordinator's organisations; 404 for every other id. */
export async function requireAcademyOfCoordinator(request: Request, academyId: string | undefined) {
  const coordinator = await requireCoordinator(request);
  const academy = await academyOf(getDb(), scopeOf(coordinator).organisationIds, academyId ?? '');
  if (!academy) throw notFound();
  const organisation = coordinator.organisations.find((o) => o.id === academy.organisationId)!;
  return { academy, organisation, user: coordinator.user };
}

/** The academy and the person's role in its selection (coordinator or reviewer); 404 for anyone else. */
export async function requireSelectionAccess(request: Request, academyId: string | undefined) {
  const user = await requireUser(request);
  const access = await selectionAccess(getDb(), user.id, academyId);
  if (!access) throw notFound();
  return { ...access, user };
}

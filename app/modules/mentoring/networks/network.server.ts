import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { networks } from '~db/schema';
import { now } from '../../clock.server';
import { defaultWeights, scorePartIds } from '../../matching/scoring';
import type { FormDefaults, NetworkInput } from './schemas';

// Coordinators' networks (/beheer/netwerken): the network form's values, creating and changing a network
// (its schema is in schemas.ts, which the browser uses too).
// Beside it in this folder: invitations, intake questions, lists and the one mentor profile per person.

/** The form's values of a stored network (or of a new one), as the fields expect them. */
export function networkFormValues(network?: typeof networks.$inferSelect): FormDefaults {
  const weights = { ...defaultWeights, ...(network?.weights ?? {}) };
  return {
    name: network?.name ?? '',
    description: network?.description ?? '',
    focusGroup: network?.focusGroup ?? 'open',
    regionKind: network?.regionKind ?? 'national',
    provinces: network?.regionKind === 'provinces' ? network.regionCodes : [],
    municipalities: network?.regionKind === 'municipalities' ? network.regionCodes : [],
    periodStart: network?.periodStart ?? '',
    periodEnd: network?.periodEnd ?? '',
    applicationsOpen: network?.applicationsOpen ? 'on' : undefined,
    proposalReminderDays: String(network?.proposalReminderDays ?? 5),
    proposalAlertDays: String(network?.proposalAlertDays ?? 10),
    proposalExpiryDays: String(network?.proposalExpiryDays ?? 14),
    weights: Object.fromEntries(scorePartIds.map((id) => [id, String(weights[id])])),
  };
}

export async function createNetwork(db: Db, organisationId: string, userId: string, input: NetworkInput) {
  const at = now();
  const [row] = await db
    .insert(networks)
    .values({ ...fieldsOf(input), organisationId, createdBy: userId, createdAt: at, updatedAt: at })
    .returning({ id: networks.id });
  return row!.id;
}

export async function updateNetwork(db: Db, networkId: string, input: NetworkInput) {
  await db
    .update(networks)
    .set({ ...fieldsOf(input), updatedAt: now() })
    .where(eq(networks.id, networkId));
}

function fieldsOf(input: NetworkInput) {
  return {
    name: input.name,
    description: input.description,
    focusGroup: input.focusGroup,
    regionKind: input.regionKind,
    regionCodes: input.regionCodes,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    applicationsOpen: input.applicationsOpen,
    weights: input.weights,
    proposalReminderDays: input.proposalReminderDays,
    proposalAlertDays: input.proposalAlertDays,
    proposalExpiryDays: input.proposalExpiryDays,
  };
}

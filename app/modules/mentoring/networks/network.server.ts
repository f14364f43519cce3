import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import { focusGroups, networks, regionKinds } from '~db/schema';
import type { Translate } from '~/i18n';
import { now } from '../../clock.server';
import { defaultWeights, scorePartIds, type ScorePartId } from '../../matching/scoring';
import { type FormDefaults, checkbox, optionalDate, subset, text, whole } from './form-parts.server';
import { type ProvinceOption } from './geography.server';

// Coordinators' networks (/beheer/netwerken): the network form, creating and changing a network.
// Beside it in this folder: invitations, intake questions, lists and the one mentor profile per person.

// Network fields

export function networkSchema(t: Translate, geography: ProvinceOption[], organisationIds?: string[]) {
  const provinceCodes = new Set(geography.map((p) => p.code));
  const municipalityCodes = new Set(geography.flatMap((p) => p.municipalities.map((m) => m.code)));
  const weightShape = Object.fromEntries(scorePartIds.map((id) => [id, whole(t, 0, 100)])) as Record<ScorePartId, ReturnType<typeof whole>>;
  return z
    .object({
      organisationId: organisationIds
        ? z
            .string({ error: t('networks.errors.organisation') })
            .refine((id) => organisationIds.includes(id), t('networks.errors.organisation'))
        : z.any().optional(),
      name: text(t, 150, 'networks.errors.nameRequired'),
      description: text(t, 5000),
      focusGroup: z.enum(focusGroups, { error: t('networks.errors.focusGroup') }),
      regionKind: z.enum(regionKinds, { error: t('networks.errors.regionKind') }),
      provinces: subset(provinceCodes, t('networks.errors.regionUnknown')),
      municipalities: subset(municipalityCodes, t('networks.errors.regionUnknown')),
      periodStart: optionalDate(t),
      periodEnd: optionalDate(t),
      applicationsOpen: checkbox,
      weights: z.object(weightShape),
      proposalReminderDays: whole(t, 1, 60),
      proposalAlertDays: whole(t, 1, 60),
      proposalExpiryDays: whole(t, 1, 90),
    })
    .superRefine((v, ctx) => {
      if (v.regionKind === 'provinces' && v.provinces.length === 0)
        ctx.addIssue({ code: 'custom', path: ['provinces'], message: t('networks.errors.provincesRequired') });
      if (v.regionKind === 'municipalities' && v.municipalities.length === 0)
        ctx.addIssue({ code: 'custom', path: ['municipalities'], message: t('networks.errors.municipalitiesRequired') });
      if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
        ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: t('networks.errors.periodOrder') });
      if (!(v.proposalReminderDays < v.proposalAlertDays && v.proposalAlertDays < v.proposalExpiryDays))
        ctx.addIssue({ code: 'custom', path: ['proposalExpiryDays'], message: t('networks.errors.daysOrder') });
      if (Object.values(v.weights).every((w) => w === 0))
        ctx.addIssue({ code: 'custom', path: ['weights'], message: t('networks.errors.weightsZero') });
    })
    .transform((v) => ({
      organisationId: typeof v.organisationId === 'string' ? v.organisationId : undefined,
      name: v.name,
      description: v.description,
      focusGroup: v.focusGroup,
      regionKind: v.regionKind,
      regionCodes: v.regionKind === 'provinces' ? v.provinces : v.regionKind === 'municipalities' ? v.municipalities : [],
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      applicationsOpen: v.applicationsOpen,
      weights: v.weights as Record<ScorePartId, number>,
      proposalReminderDays: v.proposalReminderDays,
      proposalAlertDays: v.proposalAlertDays,
      proposalExpiryDays: v.proposalExpiryDays,
    }));
}
export type NetworkInput = z.output<ReturnType<typeof networkSchema>>;
/** The network form's fields, for useForm (`weights` is a group of fields). */
export type NetworkFields = Record<Exclude<keyof z.input<ReturnType<typeof networkSchema>>, 'weights'>, unknown> & {
  weights: Record<ScorePartId, unknown>;
};

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

import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import {
  focusGroups,
  genders,
  matches,
  meetingModes,
  menteeApplications,
  mentorInvitations,
  mentorProfiles,
  municipalities,
  networkMentors,
  networks,
  offices,
  organisations,
  regionKinds,
  users,
  type IntakeQuestion,
} from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale, MessageKey, Translate } from '~/i18n';
import { normalizeEmail } from '../auth/accounts.server';
import { emailField, newPasswordField } from '../auth/schemas';
import { hashPassword } from '../auth/password.server';
import { DAY, now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { defaultWeights, scorePartIds, type ScorePartId } from '../matching/scoring';
import { isUuid } from '../organisations/guards.server';
import { generateToken, hashToken } from '../security/tokens.server';

// Coordinators' networks (/beheer/netwerken), mentor invitations and the one mentor profile per person.

export const INVITATION_DAYS = 14;
export const MAX_INTAKE_QUESTIONS = 20;

export { dayParts, languageIds, MAX_CAPACITY, slotIds, themeIds, themeOptions, weekdays } from './profile-options';
import { languageIds, MAX_CAPACITY, slotIds, themeIds } from './profile-options';

// ---------------------------------------------------------------------------------------------
// Schema parts. They read the form's raw strings (a checkbox list with one box ticked arrives as a
// string, with none as undefined; an empty field as ''), so routes parse with Conform's parseWithZod
// and `disableAutoCoercion: true`: Conform's coercion turns '' into undefined, a type error that stops
// zod before the cross-field checks, and the person would see fewer of the problems at once.

/** Initial values of a form, in the shape of its schema's input. */
export type FormDefaults = Record<string, unknown>;

const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const text = (t: Translate, max: number, requiredKey?: MessageKey) =>
  requiredKey
    ? z
        .string({ error: t(requiredKey) })
        .trim()
        .min(1, t(requiredKey))
        .max(max, t('networks.errors.tooLong', { max }))
    : z.preprocess((v) => v ?? '', z.string().trim().max(max, t('networks.errors.tooLong', { max })));
const whole = (t: Translate, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
    z
      .number({ error: t('networks.errors.number', { min, max }) })
      .int(t('networks.errors.number', { min, max }))
      .min(min, t('networks.errors.number', { min, max }))
      .max(max, t('networks.errors.number', { min, max })),
  );
const optionalDate = (t: Translate) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, t('networks.errors.date'))
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), t('networks.errors.date'))
      .nullable(),
  );
const subset = <T extends string>(allowed: readonly T[] | Set<string>, message: string) => {
  const set = allowed instanceof Set ? allowed : new Set<string>(allowed);
  return z.preprocess(
    list,
    z
      .array(z.string())
      .refine((values) => values.every((v) => set.has(v)), message)
      .transform((values) => [...new Set(values)] as T[]),
  );
};

// ---------------------------------------------------------------------------------------------
// Geography for the region fields

export type ProvinceOption = { code: string; name: string; municipalities: { code: string; name: string }[] };
let geographyCache: ProvinceOption[] | null = null;

/** The 12 provinces with their municipalities, by name; from the municipalities table. */
export async function provinceOptions(db: Db): Promise<ProvinceOption[]> {
  if (!geographyCache) {
    const rows = await db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        province: municipalities.province,
        provinceCode: municipalities.provinceCode,
      })
      .from(municipalities)
      .orderBy(asc(municipalities.province), asc(municipalities.name));
    const byCode = new Map<string, ProvinceOption>();
    for (const r of rows) {
      let p = byCode.get(r.provinceCode);
      if (!p) byCode.set(r.provinceCode, (p = { code: r.provinceCode, name: r.province, municipalities: [] }));
      p.municipalities.push({ code: r.code, name: r.name });
    }
    geographyCache = [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  return geographyCache;
}

export async function municipalityOptions(db: Db) {
  return (await provinceOptions(db)).flatMap((p) => p.municipalities).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Intake questions (a JSON list on the network, edited like the course questions)

export function intakeQuestionSchema(t: Translate) {
  return z
    .object({
      kind: z.enum(['text', 'choice', 'yes-no'], { error: t('networks.errors.questionKind') }),
      label: text(t, 300, 'networks.errors.questionRequired'),
      options: text(t, 5000),
      required: checkbox,
    })
    .transform((v, ctx) => {
      let options: string[] = [];
      if (v.kind === 'choice') {
        options = [...new Set(v.options.split(/\r?\n/).map((o) => o.trim()))].filter(Boolean);
        if (options.length < 2 || options.length > 20 || options.some((o) => o.length > 150)) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: t('networks.errors.options', { max: 20 }) });
          return z.NEVER;
        }
      }
      return { kind: v.kind, label: v.label, options, required: v.required };
    });
}
export type IntakeQuestionInput = z.output<ReturnType<typeof intakeQuestionSchema>>;
export type IntakeQuestionFields = Record<keyof z.input<ReturnType<typeof intakeQuestionSchema>>, unknown>;

type QuestionChange =
  | { op: 'add'; input: IntakeQuestionInput }
  | { op: 'edit'; id: string; input: IntakeQuestionInput }
  | { op: 'remove'; id: string }
  | { op: 'move'; id: string; direction: 'up' | 'down' };

/** Changes the intake questions with the network row locked. `not-found`: no such question; `full`: too many. */
export async function changeIntakeQuestions(db: Db, networkId: string, change: QuestionChange): Promise<'saved' | 'not-found' | 'full'> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ questions: networks.intakeQuestions }).from(networks).where(eq(networks.id, networkId)).for('update');
    if (!row) return 'not-found';
    const questions: IntakeQuestion[] = [...row.questions];
    if (change.op === 'add') {
      if (questions.length >= MAX_INTAKE_QUESTIONS) return 'full';
      questions.push({ id: randomUUID(), ...change.input });
    } else {
      const index = questions.findIndex((q) => q.id === change.id);
      if (index < 0) return 'not-found';
      if (change.op === 'edit') questions[index] = { id: change.id, ...change.input };
      else if (change.op === 'remove') questions.splice(index, 1);
      else {
        const to = change.direction === 'up' ? index - 1 : index + 1;
        if (to < 0 || to >= questions.length) return 'saved';
        [questions[index], questions[to]] = [questions[to]!, questions[index]!];
      }
    }
    await tx.update(networks).set({ intakeQuestions: questions, updatedAt: now() }).where(eq(networks.id, networkId));
    return 'saved';
  });
}

// ---------------------------------------------------------------------------------------------
// Lists and overview

/** The networks of the given organisations, newest first, with mentor and waiting-application counts. */
export async function networksOfOrganisations(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: networks.id,
      name: networks.name,
      focusGroup: networks.focusGroup,
      regionKind: networks.regionKind,
      regionCount: sql<number>`cardinality(${networks.regionCodes})`,
      applicationsOpen: networks.applicationsOpen,
      organisationName: organisations.name,
      mentors: sql<number>`(select count(*)::int from ${networkMentors} where ${networkMentors.networkId} = ${networks.id})`,
      waiting: sql<number>`(select count(*)::int from ${menteeApplications} where ${menteeApplications.networkId} = ${networks.id} and ${menteeApplications.status} = 'waiting')`,
    })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(inArray(networks.organisationId, organisationIds))
    .orderBy(asc(organisations.name), asc(networks.name));
  return rows.map((r) => ({ ...r, regionCount: Number(r.regionCount), mentors: Number(r.mentors), waiting: Number(r.waiting) }));
}

/** Matches that use a mentor's capacity, in every network: proposed and active ones. */
const usedCapacity = sql<number>`(select count(*)::int from ${matches} where ${matches.mentorProfileId} = ${mentorProfiles.id} and ${matches.status} in ('proposed', 'active'))`;

export async function mentorsOfNetwork(db: Db, networkId: string) {
  const rows = await db
    .select({
      profileId: mentorProfiles.id,
      name: users.name,
      email: users.email,
      office: mentorProfiles.office,
      municipalityName: municipalities.name,
      capacity: mentorProfiles.capacity,
      used: usedCapacity,
      pausedUntil: mentorProfiles.pausedUntil,
      completedAt: mentorProfiles.completedAt,
      joinedAt: networkMentors.joinedAt,
    })
    .from(networkMentors)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .leftJoin(municipalities, eq(municipalities.code, mentorProfiles.municipalityCode))
    .where(eq(networkMentors.networkId, networkId))
    .orderBy(asc(users.name));
  const today = now().toISOString().slice(0, 10);
  return rows.map((r) => ({ ...r, used: Number(r.used), paused: r.pausedUntil !== null && today < r.pausedUntil }));
}

/** Invitations not used yet (expired ones too: they can be sent again), newest first. */
export async function pendingInvitations(db: Db, networkId: string) {
  const rows = await db
    .select({
      id: mentorInvitations.id,
      name: mentorInvitations.name,
      email: mentorInvitations.email,
      expiresAt: mentorInvitations.expiresAt,
      createdAt: mentorInvitations.createdAt,
    })
    .from(mentorInvitations)
    .where(and(eq(mentorInvitations.networkId, networkId), isNull(mentorInvitations.acceptedAt)))
    .orderBy(desc(mentorInvitations.createdAt));
  const at = now().getTime();
  return rows.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= at }));
}

export async function applicationCounts(db: Db, networkId: string) {
  const rows = await db
    .select({ status: menteeApplications.status, n: count() })
    .from(menteeApplications)
    .where(eq(menteeApplications.networkId, networkId))
    .groupBy(menteeApplications.status);
  const counts = { waiting: 0, proposed: 0, matched: 0, withdrawn: 0, closed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Names of a network's region codes (provinces or municipalities), sorted. */
export async function regionNames(db: Db, network: Pick<typeof networks.$inferSelect, 'regionKind' | 'regionCodes'>) {
  if (network.regionKind === 'national') return [];
  const geography = await provinceOptions(db);
  const codes = new Set(network.regionCodes);
  const names =
    network.regionKind === 'provinces'
      ? geography.filter((p) => codes.has(p.code)).map((p) => p.name)
      : geography
          .flatMap((p) => p.municipalities)
          .filter((m) => codes.has(m.code))
          .map((m) => m.name);
  return names.sort((a, b) => a.localeCompare(b, 'nl'));
}

// ---------------------------------------------------------------------------------------------
// Invitations

export type InviteFields = { name: string; email: string };
export function inviteSchema(t: Translate) {
  return z.object({ name: text(t, 100, 'networks.errors.inviteeName'), email: emailField(t) });
}

const invitationUrl = (token: string) => `${getEnv().appUrl}/mentor/uitnodiging/${token}`;

type InvitationContext = {
  network: { id: string; name: string };
  organisationName: string;
  invitedBy: { id: string; name: string };
  locale: Locale;
};

export type InviteOutcome = { status: 'invited'; invitationId: string } | { status: 'already-mentor' } | { status: 'already-invited' };

/** Invites a person to mentor in the network: a row with a hashed token and the email, in one transaction. */
export async function inviteMentor(db: Db, ctx: InvitationContext, input: { name: string; email: string }): Promise<InviteOutcome> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: mentorProfiles.id })
      .from(networkMentors)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
      .innerJoin(users, eq(users.id, mentorProfiles.userId))
      .where(and(eq(networkMentors.networkId, ctx.network.id), eq(users.email, email)));
    if (member) return { status: 'already-mentor' } as const;
    const [pending] = await tx
      .select({ id: mentorInvitations.id })
      .from(mentorInvitations)
      .where(
        and(
          eq(mentorInvitations.networkId, ctx.network.id),
          eq(mentorInvitations.email, email),
          isNull(mentorInvitations.acceptedAt),
          gt(mentorInvitations.expiresAt, now()),
        ),
      );
    if (pending) return { status: 'already-invited' } as const;
    const token = generateToken();
    const expiresAt = new Date(now().getTime() + INVITATION_DAYS * DAY);
    const [row] = await tx
      .insert(mentorInvitations)
      .values({
        networkId: ctx.network.id,
        email,
        name: input.name,
        tokenHash: hashToken(token),
        invitedBy: ctx.invitedBy.id,
        expiresAt,
        createdAt: now(),
      })
      .returning({ id: mentorInvitations.id });
    await sendInvitation(tx, ctx, { email, name: input.name, token });
    return { status: 'invited', invitationId: row!.id } as const;
  });
}

async function sendInvitation(tx: Db, ctx: InvitationContext, to: { email: string; name: string; token: string }) {
  const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, to.email));
  await enqueueEmail(tx, {
    template: 'mentor-invitation',
    to: to.email,
    userId: known?.id ?? null,
    props: {
      locale: known?.locale ?? ctx.locale,
      name: to.name,
      networkName: ctx.network.name,
      organisationName: ctx.organisationName,
      invitedBy: ctx.invitedBy.name,
      url: invitationUrl(to.token),
      expiresInDays: INVITATION_DAYS,
    },
  });
}

/** A fresh link (the old one stops working) and expiry for a pending invitation, and the email again. */
export async function resendInvitation(db: Db, ctx: InvitationContext, invitationId: string): Promise<'sent' | 'not-found'> {
  if (!isUuid(invitationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const token = generateToken();
    const [row] = await tx
      .update(mentorInvitations)
      .set({ tokenHash: hashToken(token), expiresAt: new Date(now().getTime() + INVITATION_DAYS * DAY), invitedBy: ctx.invitedBy.id })
      .where(
        and(eq(mentorInvitations.id, invitationId), eq(mentorInvitations.networkId, ctx.network.id), isNull(mentorInvitations.acceptedAt)),
      )
      .returning();
    if (!row) return 'not-found';
    await sendInvitation(tx, ctx, { email: row.email, name: row.name, token });
    return 'sent';
  });
}

export async function revokeInvitation(db: Db, networkId: string, invitationId: string): Promise<'revoked' | 'not-found'> {
  if (!isUuid(invitationId)) return 'not-found';
  const rows = await db
    .delete(mentorInvitations)
    .where(and(eq(mentorInvitations.id, invitationId), eq(mentorInvitations.networkId, networkId), isNull(mentorInvitations.acceptedAt)))
    .returning({ id: mentorInvitations.id });
  return rows.length ? 'revoked' : 'not-found';
}

/**
 * Takes a mentor out of the network. Not while they have a proposed or active match in it: those are
 * ended on the matches page first. Draft pairs of unpublished runs in this network go with them.
 */
export async function removeMentor(db: Db, networkId: string, profileId: string): Promise<'removed' | 'not-found' | 'live-matches'> {
  if (!isUuid(profileId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ n: count() })
      .from(matches)
      .where(
        and(eq(matches.networkId, networkId), eq(matches.mentorProfileId, profileId), inArray(matches.status, ['proposed', 'active'])),
      );
    if (Number(live?.n) > 0) return 'live-matches';
    const rows = await tx
      .delete(networkMentors)
      .where(and(eq(networkMentors.networkId, networkId), eq(networkMentors.mentorProfileId, profileId)))
      .returning({ id: networkMentors.mentorProfileId });
    if (!rows.length) return 'not-found';
    await tx
      .update(matches)
      .set({ status: 'discarded', updatedAt: now() })
      .where(and(eq(matches.networkId, networkId), eq(matches.mentorProfileId, profileId), eq(matches.status, 'draft')));
    return 'removed';
  });
}

export type InvitationProblem = 'invalid' | 'expired' | 'used';
export type InvitationView = {
  id: string;
  email: string;
  name: string;
  networkId: string;
  networkName: string;
  networkDescription: string;
  organisationName: string;
};

/** What the invitation page shows on GET: nothing is used. */
export async function checkInvitation(
  db: Db,
  token: string,
): Promise<{ ok: true; invitation: InvitationView } | { ok: false; problem: InvitationProblem }> {
  if (!token || token.length > 100) return { ok: false, problem: 'invalid' };
  const [row] = await db
    .select({
      id: mentorInvitations.id,
      email: mentorInvitations.email,
      name: mentorInvitations.name,
      expiresAt: mentorInvitations.expiresAt,
      acceptedAt: mentorInvitations.acceptedAt,
      networkId: networks.id,
      networkName: networks.name,
      networkDescription: networks.description,
      organisationName: organisations.name,
    })
    .from(mentorInvitations)
    .innerJoin(networks, eq(networks.id, mentorInvitations.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(mentorInvitations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.acceptedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false, problem: 'expired' };
  const { expiresAt: _e, acceptedAt: _a, ...invitation } = row;
  return { ok: true, invitation };
}

export type AcceptOutcome =
  | { status: 'accepted'; userId: string; profileId: string; networkId: string }
  | { status: 'problem'; problem: InvitationProblem }
  | { status: 'other-account' }
  | { status: 'account-exists' };

/**
 * Uses the invitation (once: the update that marks it used is the claim) for the user, who must have
 * the invited address: their one mentor profile is created when missing, and they join the network.
 */
async function claim(tx: Db, token: string, user: { id: string; email: string }): Promise<AcceptOutcome> {
  const check = await checkInvitation(tx, token);
  if (!check.ok) return { status: 'problem', problem: check.problem };
  if (normalizeEmail(user.email) !== check.invitation.email) return { status: 'other-account' };
  const at = now();
  const [claimed] = await tx
    .update(mentorInvitations)
    .set({ acceptedAt: at, acceptedBy: user.id })
    .where(and(eq(mentorInvitations.id, check.invitation.id), isNull(mentorInvitations.acceptedAt), gt(mentorInvitations.expiresAt, at)))
    .returning({ id: mentorInvitations.id });
  if (!claimed) return { status: 'problem', problem: 'used' };
  await tx
    .insert(mentorProfiles)
    .values({ userId: user.id, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: mentorProfiles.userId });
  const [profile] = await tx.select({ id: mentorProfiles.id }).from(mentorProfiles).where(eq(mentorProfiles.userId, user.id));
  await tx
    .insert(networkMentors)
    .values({ networkId: check.invitation.networkId, mentorProfileId: profile!.id, joinedAt: at })
    .onConflictDoNothing();
  return { status: 'accepted', userId: user.id, profileId: profile!.id, networkId: check.invitation.networkId };
}

class ClaimFailed extends Error {
  constructor(readonly outcome: AcceptOutcome) {
    super('invitation not claimed');
  }
}

/** A logged-in person accepts. Only for the invited address. */
export async function acceptInvitation(db: Db, token: string, user: { id: string; email: string }) {
  return db.transaction((tx) => claim(tx, token, user));
}

export type NewMentorAccountFields = { name: string; password: string };
export function newMentorAccountSchema(t: Translate) {
  return z.object({ name: text(t, 100, 'form.errors.nameRequired'), password: newPasswordField(t) });
}

/**
 * No account for the invited address yet: one is created, verified (the emailed link proves the
 * address), and the invitation is used, all in one transaction.
 */
export async function acceptWithNewAccount(
  db: Db,
  token: string,
  input: { name: string; password: string; locale: Locale },
): Promise<AcceptOutcome> {
  const check = await checkInvitation(db, token);
  if (!check.ok) return { status: 'problem', problem: check.problem };
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const at = now();
      const [user] = await tx
        .insert(users)
        .values({
          email: check.invitation.email,
          name: input.name,
          passwordHash,
          emailVerifiedAt: at,
          locale: input.locale,
          lastLoginAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email });
      if (!user) return { status: 'account-exists' } as const;
      const outcome = await claim(tx, token, user);
      // Nothing half-written: without the invitation, no account either.
      if (outcome.status !== 'accepted') throw new ClaimFailed(outcome);
      return outcome;
    })
    .catch((error: unknown) => {
      if (error instanceof ClaimFailed) return error.outcome;
      throw error;
    });
}

// ---------------------------------------------------------------------------------------------
// The mentor profile

export function mentorProfileSchema(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    office: z.enum(offices, { error: t('networks.errors.office') }),
    municipalityCode: z
      .string({ error: t('networks.errors.municipality') })
      .refine((code) => municipalityCodes.has(code), t('networks.errors.municipality')),
    party: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(100, t('networks.errors.tooLong', { max: 100 }))
        .nullable(),
    ),
    gender: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(genders, { error: t('networks.errors.gender') }).nullable(),
    ),
    themes: subset(themeIds, t('networks.errors.themes')).refine((v) => v.length > 0, t('networks.errors.themesRequired')),
    languages: subset(languageIds, t('networks.errors.languages')).refine((v) => v.length > 0, t('networks.errors.languagesRequired')),
    meetingModes: subset(meetingModes, t('networks.errors.meetingModes')).refine(
      (v) => v.length > 0,
      t('networks.errors.meetingModesRequired'),
    ),
    capacity: whole(t, 0, MAX_CAPACITY),
    availability: subset(slotIds, t('networks.errors.availability')),
    bio: text(t, 2000),
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(30, t('networks.errors.phone'))
        .regex(/^\+?[0-9 ()-]{6,}$/, t('networks.errors.phone'))
        .nullable(),
    ),
    pausedUntil: optionalDate(t),
  });
}
export type MentorProfileInput = z.output<ReturnType<typeof mentorProfileSchema>>;
/** The profile form's fields, for useForm (the values are strings as sent). */
export type MentorProfileFields = Record<keyof z.input<ReturnType<typeof mentorProfileSchema>>, unknown>;

export function profileFormValues(profile: typeof mentorProfiles.$inferSelect): FormDefaults {
  return {
    office: profile.office,
    municipalityCode: profile.municipalityCode ?? '',
    party: profile.party ?? '',
    gender: profile.gender ?? '',
    themes: profile.themes,
    languages: profile.languages,
    meetingModes: profile.meetingModes,
    capacity: String(profile.capacity),
    availability: profile.availability,
    bio: profile.bio,
    phone: profile.phone ?? '',
    pausedUntil: profile.pausedUntil ?? '',
  };
}

/** Saves the profile; from now on it is complete, so runs may propose the mentor. */
export async function saveMentorProfile(db: Db, profileId: string, input: MentorProfileInput) {
  const at = now();
  await db
    .update(mentorProfiles)
    .set({ ...input, completedAt: at, updatedAt: at })
    .where(eq(mentorProfiles.id, profileId));
}

/** The networks a mentor belongs to, with their organisation, and how much of the one capacity is used. */
export async function mentorOverview(db: Db, profileId: string) {
  const memberships = await db
    .select({ id: networks.id, name: networks.name, organisationName: organisations.name, joinedAt: networkMentors.joinedAt })
    .from(networkMentors)
    .innerJoin(networks, eq(networks.id, networkMentors.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(networkMentors.mentorProfileId, profileId))
    .orderBy(asc(networks.name));
  const [used] = await db
    .select({ n: count() })
    .from(matches)
    .where(and(eq(matches.mentorProfileId, profileId), inArray(matches.status, ['proposed', 'active'])));
  return { networks: memberships, used: Number(used?.n ?? 0) };
}

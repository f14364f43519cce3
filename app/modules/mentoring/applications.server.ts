import { and, arrayContains, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  applicationStatuses,
  consents,
  menteeApplications,
  municipalities,
  networks,
  organisations,
  registrations,
  users,
  type FocusGroup,
  type IntakeQuestion,
  type MustHaves,
} from '~db/schema';
import type { Locale, Translate } from '~/i18n';
import { now, dutchToday } from '../clock.server';
import { LIST_PAGE_SIZE, offsetOf } from '../lists/paging';
import { accountsMatching, municipalitiesMatching } from '../lists/search.server';
import { appLink } from '../http.server';
import { formatDate } from '../time';
import { enqueueEmail } from '../email/outbox.server';
import { availabilitySlots, utmFields } from './application-options';
import { applicationFormSchema, type ApplicationFormValues } from './application-schema';
import { recordAudit } from '../privacy/audit.server';
import { giveConsent } from '../privacy/consent.server';

// Mentee applications (issue 4, items 4–5): which networks a person may apply to, the application
// form's rules, and what the person and the network's coordinators may do with an application.
// Disability is special-category (health) data: stored only with a consent for exactly that purpose,
// erased when that consent is withdrawn, never shown to mentors, and every read by a coordinator is
// audited.

const MUNICIPALITY_CODE = /^GM\d{4}$/;
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,59}$/i;

export type Network = typeof networks.$inferSelect;

/** Open for applications: the switch is on and the programme period has not ended. */
function isOpenForApplications(network: Pick<Network, 'applicationsOpen' | 'periodEnd'>, at: Date = now()) {
  return network.applicationsOpen && (network.periodEnd === null || network.periodEnd >= dutchToday(at));
}

export async function municipalityOf(db: Db, code: string | null | undefined) {
  if (!code || !MUNICIPALITY_CODE.test(code)) return null;
  const [row] = await db
    .select({ code: municipalities.code, name: municipalities.name, provinceCode: municipalities.provinceCode })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row ?? null;
}

/**
 * The municipality we assume for a person on /mentoraat: that of their latest application, or else of
 * their latest course registration (made while logged in, or with their verified address).
 */
export async function defaultMunicipalityOf(db: Db, user: { id: string; email: string; emailVerifiedAt: Date | null }) {
  const [application] = await db
    .select({ code: menteeApplications.municipalityCode, at: menteeApplications.createdAt })
    .from(menteeApplications)
    .where(eq(menteeApplications.userId, user.id))
    .orderBy(desc(menteeApplications.createdAt))
    .limit(1);
  const mine = user.emailVerifiedAt
    ? or(eq(registrations.userId, user.id), eq(registrations.email, user.email.trim().toLowerCase()))
    : eq(registrations.userId, user.id);
  const [registration] = await db
    .select({ code: registrations.municipalityCode, at: registrations.createdAt })
    .from(registrations)
    .where(and(mine, sql`${registrations.municipalityCode} is not null`))
    .orderBy(desc(registrations.createdAt))
    .limit(1);
  const latest = [application, registration]
    .filter((r): r is { code: string; at: Date } => Boolean(r?.code))
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return latest?.code ?? null;
}

export type NetworkSummary = {
  id: string;
  name: string;
  description: string;
  focusGroup: FocusGroup;
  organisationName: string;
  regionKind: Network['regionKind'];
  /** Names of the provinces or municipalities of the region (empty for national). */
  regionNames: string[];
  periodStart: string | null;
  periodEnd: string | null;
};

/** Province and municipality names for region codes. */
async function regionNamesOf(db: Db, rows: Pick<Network, 'regionKind' | 'regionCodes'>[]) {
  const codes = [...new Set(rows.flatMap((r) => r.regionCodes))];
  if (codes.length === 0) return new Map<string, string>();
  const [towns, provinces] = await Promise.all([
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(inArray(municipalities.code, codes)),
    db
      .selectDistinct({ code: municipalities.provinceCode, name: municipalities.province })
      .from(municipalities)
      .where(inArray(municipalities.provinceCode, codes)),
  ]);
  return new Map([...towns, ...provinces].map((r) => [r.code, r.name]));
}

const nameCollator = new Intl.Collator('nl', { sensitivity: 'base' });

async function summarise(db: Db, rows: (Network & { organisationName: string })[]): Promise<NetworkSummary[]> {
  const names = await regionNamesOf(db, rows);
  return rows.map((n) => ({
    id: n.id,
    name: n.name,
    description: n.description,
    focusGroup: n.focusGroup,
    organisationName: n.organisationName,
    regionKind: n.regionKind,
    regionNames: n.regionKind === 'national' ? [] : n.regionCodes.map((c) => names.get(c) ?? c).sort(nameCollator.compare),
    periodStart: n.periodStart,
    periodEnd: n.periodEnd,
  }));
}

/**
 * The networks a person in `municipalityCode` may apply to now: open for applications, programme
 * period not over, and national or with the municipality (or its province) in the region. Without a
 * municipality only the national networks fit.
 */
export async function openNetworksFor(db: Db, municipalityCode: string | null, at: Date = now()): Promise<NetworkSummary[]> {
  return (await openNetworksPage(db, municipalityCode, { page: 1, pageSize: null }, at)).networks;
}

/** Networks shown per page of /mentoraat: a page's HTML stays far under 300 KB however many there are. */
export const NETWORK_PAGE_SIZE = 20;

/**
 * One page of `openNetworksFor` (`pageSize` null: all of them), with how many there are in all. At
 * national scale a person may fit hundreds of networks (national ones and their region's); the page
 * reads and renders only the ones it shows.
 */
export async function openNetworksPage(
  db: Db,
  municipalityCode: string | null,
  paging: { page: number; pageSize: number | null },
  at: Date = now(),
): Promise<{ networks: NetworkSummary[]; total: number }> {
  const place = await municipalityOf(db, municipalityCode);
  const today = dutchToday(at);
  const region = place
    ? or(
        eq(networks.regionKind, 'national'),
        and(eq(networks.regionKind, 'provinces'), arrayContains(networks.regionCodes, [place.provinceCode])),
        and(eq(networks.regionKind, 'municipalities'), arrayContains(networks.regionCodes, [place.code])),
      )
    : eq(networks.regionKind, 'national');
  const query = db
    .select({ network: networks, organisationName: organisations.name, total: sql<number>`count(*) over ()` })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(and(eq(networks.applicationsOpen, true), or(isNull(networks.periodEnd), sql`${networks.periodEnd} >= ${today}::date`), region))
    .orderBy(asc(networks.name), asc(networks.id));
  const { page, pageSize } = paging;
  const rows = pageSize === null ? await query : await query.limit(pageSize).offset((Math.max(1, page) - 1) * pageSize);
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && page > 1) total = (await openNetworksPage(db, municipalityCode, { page: 1, pageSize: 1 }, at)).total;
  return {
    networks: await summarise(
      db,
      rows.map((r) => ({ ...r.network, organisationName: r.organisationName })),
    ),
    total,
  };
}

/** A network someone may apply to now (with its organisation's name), or null. */
export async function networkOpenForApplications(db: Db, networkId: string, at: Date = now()) {
  const [row] = await db
    .select({ network: networks, organisationName: organisations.name })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(networks.id, networkId));
  if (!row || !isOpenForApplications(row.network, at)) return null;
  const [summary] = await summarise(db, [{ ...row.network, organisationName: row.organisationName }]);
  return { network: row.network, summary: summary! };
}

// ---------------------------------------------------------------------------------------------
// The application form

/** The application form's schema for one network, the municipality looked up in the database. */
export function applicationSchema(t: Translate, db: Db, network: Pick<Network, 'regionKind' | 'regionCodes' | 'intakeQuestions'>) {
  return applicationFormSchema(t, network, (code) => municipalityOf(db, code));
}

/** `?bron=` and `utm_*` from a URL or a form, cleaned: short, plain values only. */
export function sourceOf(input: { get(name: string): unknown }) {
  const clean = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
  const bron = clean(input.get('bron'), 60);
  const utm: Record<string, string> = {};
  for (const name of utmFields) {
    const value = clean(input.get(name), 100);
    if (value) utm[name.slice(4)] = value;
  }
  return { source: SOURCE.test(bron) ? bron : null, utm: Object.keys(utm).length ? utm : null };
}

/** The query string that carries the source from page to page (`bron` and `utm_*`). */
export function sourceQuery(source: { source: string | null; utm: Record<string, string> | null }) {
  const params = new URLSearchParams();
  if (source.source) params.set('bron', source.source);
  for (const [key, value] of Object.entries(source.utm ?? {})) params.set(`utm_${key}`, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type ApplicationInput = {
  municipalityCode: string;
  themes: string[];
  goals: string[];
  goalsText: string;
  party: string | null;
  meetingModes: string[];
  languages: string[];
  availability: string[];
  mustHaves: MustHaves;
  accessibilityNeeds: string | null;
  answers: Record<string, string>;
  phone: string | null;
  focusGroups: string[];
  /** True only together with `disabilityConsent`. */
  disability: boolean;
  disabilityConsent: boolean;
  source: string | null;
  utm: Record<string, string> | null;
};

/** The validated form as the values `submitApplication` stores. */
export function applicationInput(v: ApplicationFormValues, questions: IntakeQuestion[]): ApplicationInput {
  const party = v.noParty ? null : v.party?.trim() || null;
  const mustHaves: MustHaves = {};
  if (v.onlineOnly) mustHaves.onlineOnly = true;
  if (v.mentorGender) mustHaves.mentorGender = v.mentorGender;
  if (v.sameParty && party) mustHaves.sameParty = true;
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const answer = v.q?.[q.id]?.trim();
    if (answer) answers[q.id] = answer;
  }
  const distinct = (values: string[]) => [...new Set(values)];
  return {
    municipalityCode: v.municipality!,
    themes: distinct(v.themes),
    goals: distinct(v.goals),
    goalsText: v.goalsText?.trim() ?? '',
    party,
    meetingModes: distinct(v.meetingModes),
    languages: distinct(v.languages),
    availability: availabilitySlots.filter((s) => v.availability.includes(s)),
    mustHaves,
    accessibilityNeeds: v.accessibilityNeeds?.trim() || null,
    answers,
    phone: v.phone?.trim() || null,
    focusGroups: distinct(v.focusGroups),
    disability: Boolean(v.disability && v.disabilityConsent),
    disabilityConsent: Boolean(v.disability && v.disabilityConsent),
    ...sourceOf({ get: (name: string) => (v as Record<string, unknown>)[name] }),
  };
}

function isOpenApplicationConflict(error: unknown) {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint, message } = e as {
      code?: string;
      constraint_name?: string;
      constraint?: string;
      message?: string;
    };
    if (code === '23505' && [constraint_name, constraint, message].some((s) => s?.includes('mentee_applications_open_key'))) return true;
    if (e === (e as { cause?: unknown }).cause) break;
  }
  return false;
}

/** The person's open (waiting, proposed or matched) application to the network, if any. */
export async function openApplicationOf(db: Db, userId: string, networkId: string) {
  const [row] = await db
    .select({ id: menteeApplications.id, status: menteeApplications.status })
    .from(menteeApplications)
    .where(
      and(
        eq(menteeApplications.userId, userId),
        eq(menteeApplications.networkId, networkId),
        inArray(menteeApplications.status, ['waiting', 'proposed', 'matched']),
      ),
    );
  return row ?? null;
}

export type SubmitOutcome =
  { status: 'created'; applicationId: string } | { status: 'duplicate'; applicationId: string } | { status: 'closed' };

/**
 * Stores an application with, in the same transaction: the special-category consent (only when
 * disability was self-identified with it; the consent's subject names the application) and the
 * confirmation email. One open application per person per network (the partial unique index
 * `mentee_applications_open_key` holds under concurrency too): a second one is `duplicate`.
 */
export async function submitApplication(
  db: Db,
  person: { id: string; email: string; name: string },
  networkId: string,
  input: ApplicationInput,
  locale: Locale,
): Promise<SubmitOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ network: networks, organisationName: organisations.name })
        .from(networks)
        .innerJoin(organisations, eq(organisations.id, networks.organisationId))
        .where(eq(networks.id, networkId));
      if (!row || !isOpenForApplications(row.network)) return { status: 'closed' as const };
      const existing = await openApplicationOf(tx, person.id, networkId);
      if (existing) return { status: 'duplicate' as const, applicationId: existing.id };
      const at = now();
      const { disability, disabilityConsent, ...fields } = input;
      const [application] = await tx
        .insert(menteeApplications)
        .values({ ...fields, networkId, userId: person.id, status: 'waiting', createdAt: at, updatedAt: at })
        .returning({ id: menteeApplications.id });
      const applicationId = application!.id;
      if (disability && disabilityConsent) {
        const consentId = await giveConsent(tx, person.id, 'special-category', `application:${applicationId}`);
        await tx
          .update(menteeApplications)
          .set({ disability: true, disabilityConsentId: consentId })
          .where(eq(menteeApplications.id, applicationId));
      }
      await enqueueEmail(tx, {
        template: 'application-received',
        to: person.email,
        userId: person.id,
        props: {
          locale,
          name: person.name,
          networkName: row.network.name,
          organisationName: row.organisationName,
          accountUrl: appLink('/account/mentoraat'),
        },
      });
      return { status: 'created' as const, applicationId };
    });
  } catch (error) {
    if (!isOpenApplicationConflict(error)) throw error;
    const existing = await openApplicationOf(db, person.id, networkId);
    if (!existing) throw error;
    return { status: 'duplicate', applicationId: existing.id };
  }
}

// ---------------------------------------------------------------------------------------------
// The person's own applications

/** A person's applications, newest first, with their network and whether the special-category consent is active. */
export async function applicationsOfUser(db: Db, userId: string) {
  const rows = await db
    .select({
      id: menteeApplications.id,
      status: menteeApplications.status,
      createdAt: menteeApplications.createdAt,
      withdrawnAt: menteeApplications.withdrawnAt,
      disability: menteeApplications.disability,
      consentId: menteeApplications.disabilityConsentId,
      networkId: networks.id,
      networkName: networks.name,
      organisationName: organisations.name,
    })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(menteeApplications.userId, userId))
    .orderBy(desc(menteeApplications.createdAt), asc(menteeApplications.id));
  return rows.map(({ disability, consentId, ...r }) => ({
    ...r,
    /** The person shared their disability with consent, and the consent still stands. */
    sharesDisability: disability === true && consentId !== null,
    canWithdraw: r.status === 'waiting',
  }));
}

/**
 * Withdraws a waiting application of the person. Proposed or matched applications end through the
 * match (the mentor is told), not here. Another person's application is `not-found`.
 */
export async function withdrawApplication(db: Db, userId: string, applicationId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: menteeApplications.status })
      .from(menteeApplications)
      .where(and(eq(menteeApplications.id, applicationId), eq(menteeApplications.userId, userId)))
      .for('update');
    if (!row) return { status: 'not-found' as const };
    if (row.status === 'withdrawn') return { status: 'already-withdrawn' as const };
    if (row.status !== 'waiting') return { status: 'not-possible' as const };
    const at = now();
    await tx
      .update(menteeApplications)
      .set({ status: 'withdrawn', withdrawnAt: at, updatedAt: at })
      .where(eq(menteeApplications.id, applicationId));
    return { status: 'withdrawn' as const };
  });
}

/**
 * Withdraws the special-category consent of one of the person's applications: the consent row gets
 * `withdrawnAt` and the disability answer is erased in the same transaction.
 */
export async function withdrawDisabilityConsent(db: Db, userId: string, applicationId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ consentId: menteeApplications.disabilityConsentId })
      .from(menteeApplications)
      .where(and(eq(menteeApplications.id, applicationId), eq(menteeApplications.userId, userId)))
      .for('update');
    if (!row) return { status: 'not-found' as const };
    const at = now();
    await tx
      .update(consents)
      .set({ withdrawnAt: at })
      .where(
        and(
          eq(consents.userId, userId),
          eq(consents.purpose, 'special-category'),
          eq(consents.subject, `application:${applicationId}`),
          isNull(consents.withdrawnAt),
        ),
      );
    await tx
      .update(menteeApplications)
      .set({ disability: null, disabilityConsentId: null, updatedAt: at })
      .where(eq(menteeApplications.id, applicationId));
    return { status: row.consentId ? ('withdrawn' as const) : ('nothing-to-withdraw' as const) };
  });
}

// ---------------------------------------------------------------------------------------------
// Coordinators

export type CoordinatorScope = { organisationIds: string[] };

/** The applications of one network of the coordinator's organisations (no special-category data). */
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type ApplicationListQuery = { search: string; status: ApplicationStatus | null; page: number };

/**
 * One page of a network's applications, newest first, with the count of each status (the summary
 * above the list) and the number that match the search. Every query is bounded by the network (its
 * index on network and status) and the page; a network with 20,000 applications reads 50 rows.
 */
export async function networkApplicationsPage(db: Db, scope: CoordinatorScope, networkId: string, query: ApplicationListQuery) {
  const empty = { rows: [], total: 0, counts: countsOf([]) };
  if (scope.organisationIds.length === 0) return empty;
  const inScope = and(eq(menteeApplications.networkId, networkId), inArray(networks.organisationId, scope.organisationIds));
  const countRows = await db
    .select({ status: menteeApplications.status, n: sql`count(*)`.mapWith(Number) })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .where(inScope)
    .groupBy(menteeApplications.status);
  const counts = countsOf(countRows);
  const conditions = [inScope];
  if (query.status) conditions.push(eq(menteeApplications.status, query.status));
  if (query.search) {
    // The people and places searched for, found once (trigram indexes), not tested row by row.
    conditions.push(
      or(
        sql`${menteeApplications.userId} in ${accountsMatching(query.search)}`,
        sql`${menteeApplications.municipalityCode} in ${municipalitiesMatching(query.search)}`,
      ),
    );
  }
  const rows = await db
    .select({
      id: menteeApplications.id,
      name: users.name,
      municipalityName: municipalities.name,
      status: menteeApplications.status,
      themes: menteeApplications.themes,
      source: menteeApplications.source,
      createdAt: menteeApplications.createdAt,
      // Only a search needs its own count; without one the summary already holds it.
      total: query.search ? sql`count(*) over ()`.mapWith(Number) : sql`0`.mapWith(Number),
    })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .innerJoin(users, eq(users.id, menteeApplications.userId))
    .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .where(and(...conditions))
    .orderBy(desc(menteeApplications.createdAt), asc(menteeApplications.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offsetOf(query.page));
  let total = query.status ? counts[query.status] : counts.all;
  if (query.search) {
    total = rows[0]?.total ?? 0;
    // Past the last page of a search: count it once, so the pager can link back.
    if (rows.length === 0 && query.page > 1) {
      const [row] = await db
        .select({ n: sql`count(*)`.mapWith(Number) })
        .from(menteeApplications)
        .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
        .innerJoin(users, eq(users.id, menteeApplications.userId))
        .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
        .where(and(...conditions));
      total = row?.n ?? 0;
    }
  }
  return { rows: rows.map(({ total: _, ...row }) => row), total, counts };
}

function countsOf(rows: { status: ApplicationStatus; n: number }[]) {
  const counts = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return { ...counts, all: rows.reduce((sum, row) => sum + row.n, 0) };
}

/**
 * One application as a coordinator of its network's organisation may see it, or null for any other
 * application (another organisation's, another network's, unknown). Disability appears only as the
 * person's consented self-identification, and each read of it is recorded in the audit log (on `db`,
 * so pass the transaction when reading inside one). Use this wherever coordinators read an application.
 */
export async function readApplicationForCoordinator(
  db: Db,
  reader: { userId: string; organisationIds: string[] },
  networkId: string,
  applicationId: string,
) {
  if (reader.organisationIds.length === 0) return null;
  const [row] = await db
    .select({
      application: menteeApplications,
      name: users.name,
      email: users.email,
      municipalityName: municipalities.name,
      organisationId: networks.organisationId,
    })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .innerJoin(users, eq(users.id, menteeApplications.userId))
    .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .where(
      and(
        eq(menteeApplications.id, applicationId),
        eq(menteeApplications.networkId, networkId),
        inArray(networks.organisationId, reader.organisationIds),
      ),
    );
  if (!row) return null;
  const { disability, disabilityConsentId, ...application } = row.application;
  const consented = disability === true && disabilityConsentId !== null;
  if (consented && application.userId !== null) {
    await recordAudit(db, {
      actorUserId: reader.userId,
      subjectUserId: application.userId,
      organisationId: row.organisationId,
      action: 'read',
      entity: 'mentee_application.disability',
      entityId: application.id,
      detail: { consentId: disabilityConsentId },
    });
  }
  return {
    ...application,
    name: row.name,
    email: row.email,
    municipalityName: row.municipalityName,
    /** Self-identification: the focus groups, and disability only when consented. */
    selfIdentification: { focusGroups: application.focusGroups, disability: consented },
  };
}

// ---------------------------------------------------------------------------------------------
// Words for pages

const dateOf = (day: string) => new Date(`${day}T12:00:00Z`);

/** Focus group, region and period of a network in the reader's language. */
export function describeNetwork(t: Translate, locale: Locale, n: NetworkSummary) {
  const start = n.periodStart ? formatDate(locale, dateOf(n.periodStart)) : null;
  const end = n.periodEnd ? formatDate(locale, dateOf(n.periodEnd)) : null;
  return {
    focusGroup: t(`applications.focus.${n.focusGroup}`),
    region: n.regionKind === 'national' ? t('applications.region.national') : n.regionNames.join(', '),
    period:
      start && end
        ? t('applications.period.range', { start, end })
        : start
          ? t('applications.period.from', { start })
          : end
            ? t('applications.period.until', { end })
            : t('applications.period.none'),
  };
}

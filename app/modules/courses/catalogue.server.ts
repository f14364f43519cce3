import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  courseFormats,
  courseQuestions,
  courseSessions,
  courses,
  municipalities,
  municipalityNeighbours,
  organisations,
  registrations,
  type CourseFormat,
  type SeatPool,
} from '~db/schema';
import type { Locale, Translate } from '~/i18n';
import { now, SQL_TIME_ZONE } from '../clock.server';
import { courseAvailability, type CourseAvailability } from './availability';
import { loadCourseContext, registrationWindow, type Course, type CourseSession, type RegistrationWindow } from './context.server';
import { dateInAmsterdam } from '../time';
import { totalCapacity } from './pools';
import { publicSeats, seatsHeldByAcademy } from './academy-seats.server';

export const PAGE_SIZE = 20;

export type CatalogueFilters = {
  /** CBS province code (PV20–PV31) or the province's name. */
  province?: string;
  /** CBS municipality code (GM0193). */
  municipality?: string;
  format?: CourseFormat;
  /** YYYY-MM of the first session, in Dutch time. */
  month?: string;
  q?: string;
  page?: number;
};

/** Where a course stands to the chosen municipality: in it, next to it, or online. */
type Nearness = 'in' | 'nearby' | 'online';

type CatalogueItem = {
  id: string;
  title: string;
  organisationName: string;
  municipalityCode: string;
  municipalityName: string;
  province: string;
  locationName: string;
  format: CourseFormat;
  firstSessionStart: Date;
  sessionCount: number;
  capacity: number;
  seatsLeft: number;
  full: boolean;
  costCents: number;
  window: RegistrationWindow;
  /** The same state the course page shows (see availability.ts). */
  availability: CourseAvailability;
  registrationOpensAt: Date | null;
  nearness: Nearness | null;
};

export type Catalogue = { items: CatalogueItem[]; total: number; page: number; pageCount: number; pageSize: number };

const MUNICIPALITY_CODE = /^GM\d{4}$/;
const PROVINCE_CODE = /^PV\d{2}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 10_000;

/**
 * Reads the catalogue's filters from a query string. Values that cannot be right are dropped (the
 * page then shows everything for that filter), so an old or hand-edited URL never causes an error.
 */
export function parseCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  const text = (name: string, max: number) => (params.get(name) ?? '').trim().slice(0, max);
  const filters: CatalogueFilters = {};
  const province = text('province', 60);
  if (province) filters.province = PROVINCE_CODE.test(province.toUpperCase()) ? province.toUpperCase() : province;
  const municipality = text('municipality', 10).toUpperCase();
  if (MUNICIPALITY_CODE.test(municipality)) filters.municipality = municipality;
  const format = text('format', 20);
  if ((courseFormats as readonly string[]).includes(format)) filters.format = format as CourseFormat;
  const month = text('month', 7);
  if (MONTH.test(month)) filters.month = month;
  const q = text('q', 100);
  if (q) filters.q = q;
  const page = Number.parseInt(text('page', 6), 10);
  if (Number.isInteger(page) && page > 1) filters.page = Math.min(page, MAX_PAGE);
  return filters;
}

/** The filters as a query string (without the page), for links that keep them. */
export function catalogueQuery(filters: CatalogueFilters, page?: number) {
  const params = new URLSearchParams();
  for (const key of ['q', 'province', 'municipality', 'format', 'month'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** `%`, `_` and `\` match literally in a LIKE pattern once escaped with a backslash. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Drizzle gives raw timestamps from `sql` expressions as text with postgres.js and PGlite alike. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** The municipalities next to one, as a subquery (pairs are stored once, codeA < codeB). */
function neighboursOf(code: string) {
  return sql`(select ${municipalityNeighbours.codeB} from ${municipalityNeighbours} where ${municipalityNeighbours.codeA} = ${code}
    union all select ${municipalityNeighbours.codeA} from ${municipalityNeighbours} where ${municipalityNeighbours.codeB} = ${code})`;
}

/**
 * The public catalogue: published courses whose last session has not ended, upcoming ones first (by
 * their first session) and courses already running after them. With a municipality: courses there
 * first, then in neighbouring municipalities, then online (and hybrid) courses anywhere; the
 * municipality then takes the place of the province filter.
 *
 * Two queries, so the work follows what is on offer now and not the years of history: the page's
 * courses and their total (found on the index of the last-session end kept on courses, filtered and
 * ordered by the first-session date kept there too), then the sessions and seats of just those
 * twenty courses.
 */
export async function listCatalogue(db: Db, filters: CatalogueFilters, at: Date): Promise<Catalogue> {
  const page = Math.max(1, Math.min(filters.page ?? 1, MAX_PAGE));
  const atText = at.toISOString();
  const conditions: SQL[] = [eq(courses.status, 'published'), gt(courses.lastSessionEndsAt, sql`${atText}::timestamptz`)];
  let nearness: SQL<number> | null = null;
  if (filters.municipality) {
    const code = filters.municipality;
    const neighbours = neighboursOf(code);
    conditions.push(
      or(
        eq(courses.municipalityCode, code),
        sql`${courses.municipalityCode} in ${neighbours}`,
        inArray(courses.format, ['online', 'hybrid']),
      )!,
    );
    // An online-only course is never "in" or "near" a town, whatever municipality its organiser chose.
    nearness = sql<number>`case when ${courses.format} = 'online' then 2 when ${courses.municipalityCode} = ${code} then 0 when ${courses.municipalityCode} in ${neighbours} then 1 else 2 end`;
  } else if (filters.province) {
    conditions.push(
      or(
        eq(municipalities.provinceCode, filters.province.toUpperCase()),
        sql`lower(${municipalities.province}) = lower(${filters.province})`,
      )!,
    );
  }
  if (filters.format) conditions.push(eq(courses.format, filters.format));
  if (filters.month && MONTH.test(filters.month)) {
    const [year, month] = filters.month.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    conditions.push(
      sql`${courses.firstSessionAt} >= (${`${filters.month}-01`}::timestamp at time zone ${SQL_TIME_ZONE})`,
      sql`${courses.firstSessionAt} < (${`${next}-01`}::timestamp at time zone ${SQL_TIME_ZONE})`,
    );
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(
      or(
        sql`${courses.title} ilike ${pattern}`,
        sql`${courses.locationName} ilike ${pattern}`,
        sql`${courses.address} ilike ${pattern}`,
        sql`${municipalities.name} ilike ${pattern}`,
      )!,
    );
  }

  const started = sql<number>`case when ${courses.firstSessionAt} <= ${atText}::timestamptz then 1 else 0 end`;
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      organisationName: organisations.name,
      municipalityCode: courses.municipalityCode,
      municipalityName: municipalities.name,
      province: municipalities.province,
      locationName: courses.locationName,
      format: courses.format,
      status: courses.status,
      registrationOpensAt: courses.registrationOpensAt,
      registrationClosesAt: courses.registrationClosesAt,
      capacity: courses.capacity,
      onlineCapacity: courses.onlineCapacity,
      academyId: courses.academyId,
      costCents: courses.costCents,
      nearness: nearness ?? sql<number>`-1`,
      total: sql<number>`count(*) over ()`,
    })
    .from(courses)
    .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode))
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .where(and(...conditions))
    .orderBy(...(nearness ? [asc(nearness)] : []), asc(started), asc(courses.firstSessionAt), asc(courses.title), asc(courses.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);

  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: the count still tells how many there are.
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(courses)
      .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode))
      .where(and(...conditions));
    total = Number(row?.n ?? 0);
  }

  // Sessions and seats of the page's courses only (the session index on course_id serves both).
  const ids = rows.map((r) => r.id);
  const [statRows, seatRows] = ids.length
    ? await Promise.all([
        db
          .select({
            courseId: courseSessions.courseId,
            firstStart: sql<string>`min(${courseSessions.startsAt})`,
            lastEnd: sql<string>`max(${courseSessions.endsAt})`,
            sessionCount: sql<number>`count(*)::int`,
          })
          .from(courseSessions)
          .where(inArray(courseSessions.courseId, ids))
          .groupBy(courseSessions.courseId),
        db
          .select({ courseId: registrations.courseId, pool: registrations.pool, taken: sql<number>`count(*)::int` })
          .from(registrations)
          .where(and(inArray(registrations.courseId, ids), inArray(registrations.status, ['confirmed', 'offered'])))
          .groupBy(registrations.courseId, registrations.pool),
      ])
    : [[], []];
  const statsOf = new Map(statRows.map((r) => [r.courseId, r]));
  const takenOf = new Map(seatRows.map((r) => [`${r.courseId}:${r.pool}`, Number(r.taken)]));
  // Seats an academy keeps for its cohort are not the public's (academy-seats.server.ts).
  const heldFor = await seatsHeldByAcademy(
    db,
    rows.flatMap((r) => (r.academyId ? [r.academyId] : [])),
  );

  const labels: Nearness[] = ['in', 'nearby', 'online'];
  const items = rows.map((row): CatalogueItem => {
    const stats = statsOf.get(row.id)!;
    const firstSessionStart = toDate(stats.firstStart);
    const { seatsLeft } = publicSeats(row, (pool) => takenOf.get(`${row.id}:${pool}`) ?? 0, heldFor.get(row.academyId ?? '') ?? 0);
    const window = windowOf(row, firstSessionStart, at);
    return {
      id: row.id,
      title: row.title,
      organisationName: row.organisationName,
      municipalityCode: row.municipalityCode,
      municipalityName: row.municipalityName,
      province: row.province,
      locationName: row.locationName,
      format: row.format,
      firstSessionStart,
      sessionCount: Number(stats.sessionCount),
      capacity: totalCapacity(row),
      seatsLeft,
      full: seatsLeft === 0,
      costCents: row.costCents,
      window,
      availability: courseAvailability({ window, seatsLeft, lastEnd: toDate(stats.lastEnd), at }),
      registrationOpensAt: row.registrationOpensAt,
      nearness: nearness ? (labels[Number(row.nearness)] ?? null) : null,
    };
  });
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageSize: PAGE_SIZE };
}

/** registrationWindow() for a catalogue row, which carries only the fields that rule reads. */
function windowOf(
  row: Pick<Course, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>,
  firstSessionStart: Date,
  at: Date,
): RegistrationWindow {
  return registrationWindow(row as Course, [{ startsAt: firstSessionStart } as CourseSession], at);
}

export type MunicipalityOption = { code: string; name: string; province: string; provinceCode: string };
export type ProvinceOption = { code: string; name: string };

const collator = new Intl.Collator('nl', { sensitivity: 'base', ignorePunctuation: true });

/** All municipalities (342 in 2025), by name, for the filter and the sign-up form. */
export async function listMunicipalities(db: Db): Promise<MunicipalityOption[]> {
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      province: municipalities.province,
      provinceCode: municipalities.provinceCode,
    })
    .from(municipalities);
  return rows.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

/** The twelve provinces, by name. */
export async function listProvinces(db: Db): Promise<ProvinceOption[]> {
  const rows = await db.selectDistinct({ code: municipalities.provinceCode, name: municipalities.province }).from(municipalities);
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

// The municipality codes change only with a new data file (loaded at start-up), so each process
// reads them once.
let knownCodes: Promise<Set<string>> | undefined;

export async function municipalityExists(db: Db, code: string) {
  if (!MUNICIPALITY_CODE.test(code)) return false;
  knownCodes ??= db
    .select({ code: municipalities.code })
    .from(municipalities)
    .then((rows) => new Set(rows.map((r) => r.code)))
    .catch((error: unknown) => {
      knownCodes = undefined;
      throw error;
    });
  return (await knownCodes).has(code);
}

function courseQuestionsOf(db: Db, courseId: string) {
  return db
    .select({
      id: courseQuestions.id,
      kind: courseQuestions.kind,
      label: courseQuestions.label,
      options: courseQuestions.options,
      required: courseQuestions.required,
    })
    .from(courseQuestions)
    .where(eq(courseQuestions.courseId, courseId))
    .orderBy(asc(courseQuestions.position), asc(courseQuestions.id));
}

/**
 * What a sign-up needs and nothing more (the form's action): the course context and its questions,
 * read at once. Null for drafts, unknown and malformed ids.
 */
export async function getSignUpCourse(db: Db, id: string) {
  if (!UUID.test(id)) return null;
  const [ctx, questions] = await Promise.all([loadCourseContext(db, id), courseQuestionsOf(db, id)]);
  if (!ctx || ctx.course.status === 'draft') return null;
  return { ctx, questions };
}

/**
 * A course as anyone may see it: published or cancelled (drafts and unknown ids are null, as is an
 * id that is not a UUID). The online link is left out: only confirmed people get it, by email.
 */
export async function getPublicCourse(db: Db, id: string, at: Date = now()) {
  if (!UUID.test(id)) return null;
  const ctx = await loadCourseContext(db, id);
  if (!ctx || ctx.course.status === 'draft') return null;
  const { course, sessions } = ctx;
  const [seats, questions, [municipality]] = await Promise.all([
    db
      .select({ pool: registrations.pool, taken: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.courseId, id), inArray(registrations.status, ['confirmed', 'offered'])))
      .groupBy(registrations.pool),
    courseQuestionsOf(db, id),
    db
      .select({ name: municipalities.name, province: municipalities.province })
      .from(municipalities)
      .where(eq(municipalities.code, course.municipalityCode)),
  ]);
  const takenIn = (pool: SeatPool) => Number(seats.find((s) => s.pool === pool)?.taken ?? 0);
  const held = course.academyId ? ((await seatsHeldByAcademy(db, [course.academyId])).get(course.academyId) ?? 0) : 0;
  // Each pool with its seats (what the sign-up form and the course page show per pool), less those held for an academy's cohort.
  const { pools: poolSeats, seatsLeft } = publicSeats(course, takenIn, held);
  const pools = poolSeats.map(({ pool, capacity, seatsLeft: left }) => ({ pool, capacity, seatsLeft: left }));
  const window = registrationWindow(course, sessions, at);
  const availability = courseAvailability({ window, seatsLeft, lastEnd: sessions.at(-1)?.endsAt, at });
  const publicCourse = {
    id: course.id,
    title: course.title,
    description: course.description,
    organisationName: ctx.organisationName,
    municipalityCode: course.municipalityCode,
    municipalityName: municipality?.name ?? '',
    province: municipality?.province ?? '',
    format: course.format,
    locationName: course.locationName,
    address: course.address,
    accessibilityInfo: course.accessibilityInfo,
    language: course.language,
    costCents: course.costCents,
    capacity: totalCapacity(course),
    seatsLeft,
    pools,
    full: seatsLeft === 0,
    registrationOpensAt: course.registrationOpensAt,
    registrationClosesAt: course.registrationClosesAt,
    registrationDeadline: course.registrationClosesAt ?? sessions[0]?.startsAt ?? null,
    cancellationDeadline: course.cancellationDeadline ?? sessions[0]?.startsAt ?? null,
    status: course.status,
    rescheduledAt: course.rescheduledAt,
    updatedAt: course.updatedAt,
    window,
    availability,
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, location: s.location })),
    questions,
  };
  return publicCourse;
}

/** "Gratis" or "€ 25,00", in the reader's language. */
export function costText(t: Translate, locale: Locale, cents: number) {
  if (cents <= 0) return t('courses.cost.free');
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Where a course takes place, in a few words: "Stadhuis, Zwolle" or "Online". */
export function placeText(t: Translate, course: { format: CourseFormat; locationName: string; municipalityName: string }) {
  if (course.format === 'online') return t('courses.format.online');
  return [course.locationName, course.municipalityName].filter(Boolean).join(', ');
}

/** The next twelve months (from this one, in Dutch time) as filter options. */
export function upcomingMonths(locale: Locale, at: Date, count = 12) {
  const [year, month] = dateInAmsterdam(at).slice(0, 7).split('-').map(Number) as [number, number];
  const label = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 + i, 15));
    const value = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    return { value, label: label.format(date) };
  });
}

export function monthLabel(locale: Locale, month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 15)),
  );
}

import { and, asc, count, eq, ilike, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import { academies, courses, networks, organisations } from '~db/schema';
import type { Translate } from '~/i18n';
import { now } from '../clock.server';
import { LIST_PAGE_SIZE, likePattern, offsetOf, type ListQuery } from '../lists/paging';
import { isUuid } from '../http.server';

// Academies (programmes) group an organisation's courses and networks for a period, so reports can be
// made per academy. Every function takes the organisation id (or the coordinator's ids): only the same
// organisation's courses and networks can ever be attached.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateField = (t: Translate) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), t('admin.academies.errors.date'))
    .transform((v) => v || null);

/** Checkbox lists arrive as one value or several; ids are checked against the organisation later. */
const idList = (t: Translate) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : [v].flat())])
    .refine((ids) => ids.every(isUuid), t('admin.academies.errors.unknown'));

export function academySchema(t: Translate) {
  return z
    .object({
      name: z
        .string({ error: t('admin.academies.errors.name') })
        .trim()
        .min(1, t('admin.academies.errors.name'))
        .max(120, t('admin.academies.errors.nameTooLong')),
      description: z
        .string()
        .trim()
        .max(4000, t('form.errors.tooLong'))
        .optional()
        .transform((v) => v ?? ''),
      periodStart: dateField(t),
      periodEnd: dateField(t),
      courseIds: idList(t),
      // The courses the form showed (one page of them): only those can be detached by unticking.
      // Absent (a form from before the course list was paged): every unticked course is detached.
      shownCourseIds: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? null : [...new Set([v].flat())]))
        .refine((ids) => ids === null || ids.every(isUuid), t('admin.academies.errors.unknown')),
      networkIds: idList(t),
    })
    .refine((v) => !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart, {
      path: ['periodEnd'],
      message: t('admin.academies.errors.period'),
    });
}
export type AcademyInput = z.output<ReturnType<typeof academySchema>>;

/** The academies of some organisations, with how many courses and networks each holds. */
export async function listAcademies(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: academies.id,
      name: academies.name,
      organisationId: academies.organisationId,
      organisationName: organisations.name,
      periodStart: academies.periodStart,
      periodEnd: academies.periodEnd,
      courses: sql`(select count(*) from ${courses} where ${courses.academyId} = ${academies.id})`.mapWith(Number),
      networks: sql`(select count(*) from ${networks} where ${networks.academyId} = ${academies.id})`.mapWith(Number),
    })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(inArray(academies.organisationId, organisationIds))
    .orderBy(asc(organisations.name), sql`${academies.periodStart} desc nulls last`, asc(academies.name));
}

/** One academy, when it belongs to one of the organisations; null for every other id. */
export async function academyOf(db: Db, organisationIds: string[], academyId: string) {
  if (!isUuid(academyId) || organisationIds.length === 0) return null;
  const [row] = await db
    .select()
    .from(academies)
    .where(and(eq(academies.id, academyId), inArray(academies.organisationId, organisationIds)));
  return row ?? null;
}

/**
 * The courses and networks of the organisation that can be put in an academy, with the academy each
 * is in now. Courses are one page of a search (an organisation holds thousands over the years): the
 * academy's own courses first, then by title. Networks are few per organisation and all listed.
 */
export async function attachable(db: Db, organisationId: string, academyId: string | null = null, query?: ListQuery) {
  const search = query?.search ? ilike(courses.title, likePattern(query.search)) : undefined;
  const where = and(eq(courses.organisationId, organisationId), search);
  const [courseRows, [total], [inAcademy], networkRows] = await Promise.all([
    db
      .select({ id: courses.id, name: courses.title, academyId: courses.academyId, academyName: academies.name })
      .from(courses)
      .leftJoin(academies, eq(academies.id, courses.academyId))
      .where(where)
      .orderBy(
        ...(academyId ? [sql`(${courses.academyId} is not distinct from ${academyId}) desc`] : []),
        asc(courses.title),
        asc(courses.id),
      )
      .limit(LIST_PAGE_SIZE)
      .offset(offsetOf(query?.page ?? 1)),
    db.select({ n: count() }).from(courses).where(where),
    academyId
      ? db
          .select({ n: count() })
          .from(courses)
          .where(and(eq(courses.organisationId, organisationId), eq(courses.academyId, academyId)))
      : Promise.resolve([{ n: 0 }]),
    db
      .select({ id: networks.id, name: networks.name, academyId: networks.academyId, academyName: academies.name })
      .from(networks)
      .leftJoin(academies, eq(academies.id, networks.academyId))
      .where(eq(networks.organisationId, organisationId))
      .orderBy(asc(networks.name)),
  ]);
  return { courses: courseRows, courseTotal: total?.n ?? 0, coursesInAcademy: inAcademy?.n ?? 0, networks: networkRows };
}

export type SaveAcademyResult = { status: 'saved'; id: string } | { status: 'foreign-ids' } | { status: 'not-found' };

/**
 * Creates (academyId null) or updates an academy and sets which courses and networks it holds. Ids
 * that are not the organisation's own courses or networks refuse the whole save, so nothing is
 * half-written and nothing of another organisation is ever attached.
 */
export async function saveAcademy(
  db: Db,
  organisationId: string,
  academyId: string | null,
  input: AcademyInput,
): Promise<SaveAcademyResult> {
  return db.transaction(async (tx) => {
    if (input.courseIds.length > 0) {
      const own = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(and(inArray(courses.id, input.courseIds), eq(courses.organisationId, organisationId)));
      if (own.length !== input.courseIds.length) return { status: 'foreign-ids' } as const;
    }
    if (input.networkIds.length > 0) {
      const own = await tx
        .select({ id: networks.id })
        .from(networks)
        .where(and(inArray(networks.id, input.networkIds), eq(networks.organisationId, organisationId)));
      if (own.length !== input.networkIds.length) return { status: 'foreign-ids' } as const;
    }
    const fields = { name: input.name, description: input.description, periodStart: input.periodStart, periodEnd: input.periodEnd };
    let id: string;
    if (academyId) {
      const [row] = await tx
        .update(academies)
        .set(fields)
        .where(and(eq(academies.id, academyId), eq(academies.organisationId, organisationId)))
        .returning({ id: academies.id });
      if (!row) return { status: 'not-found' } as const;
      id = row.id;
    } else {
      const [row] = await tx
        .insert(academies)
        .values({ ...fields, organisationId, createdAt: now() })
        .returning({ id: academies.id });
      id = row!.id;
    }
    // Detach what was unticked (of the courses the form showed), attach what was ticked (only the
    // organisation's own rows).
    if (input.shownCourseIds === null || input.shownCourseIds.length > 0) {
      await tx
        .update(courses)
        .set({ academyId: null })
        .where(
          and(
            eq(courses.academyId, id),
            input.shownCourseIds === null ? undefined : inArray(courses.id, input.shownCourseIds),
            input.courseIds.length > 0 ? notInArray(courses.id, input.courseIds) : isNotNull(courses.academyId),
          ),
        );
    }
    if (input.courseIds.length > 0) {
      await tx
        .update(courses)
        .set({ academyId: id })
        .where(and(inArray(courses.id, input.courseIds), eq(courses.organisationId, organisationId)));
    }
    await tx
      .update(networks)
      .set({ academyId: null })
      .where(
        and(
          eq(networks.academyId, id),
          input.networkIds.length > 0 ? notInArray(networks.id, input.networkIds) : isNotNull(networks.academyId),
        ),
      );
    if (input.networkIds.length > 0) {
      await tx
        .update(networks)
        .set({ academyId: id })
        .where(and(inArray(networks.id, input.networkIds), eq(networks.organisationId, organisationId)));
    }
    return { status: 'saved', id } as const;
  });
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseQuestions, courseSessions, courses } from '~db/schema/courses';
import { now } from '../clock.server';
import { isUuid } from '~/modules/http.server';
import { fromAmsterdam, toLocalInputs } from '~/modules/time';
import type { Scope } from '~/modules/courses/manage/scope';

// Copying a course to run it again (issue 16, item 8): a draft with the course's texts, venue,
// capacity, organisation, academy and questions, and its sessions moved to new dates. People are
// not copied: no registrations, waitlist or attendance, and nothing that says the old course was
// published, cancelled, moved or closed. The form's schema (copyCourseSchema) is in manage/schemas.ts.

/** Whole days from one calendar date ("2027-01-12") to another; the clock time plays no part. */
export function daysBetween(from: string, to: string) {
  const [a, b] = [from, to].map((d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)));
  return Math.round((b! - a!) / 86_400_000);
}

function addDays(date: string, days: number) {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}

/**
 * A moment moved by whole days on the Dutch calendar, at the same Dutch clock time: a session at
 * 19:30 in winter is at 19:30 in summer too, not an hour off.
 */
export function shiftByDays(moment: Date, days: number) {
  const local = toLocalInputs(moment);
  return fromAmsterdam(addDays(local.date, days), local.time) ?? new Date(moment.getTime() + days * 86_400_000);
}

export type CopyCourseInput = { title: string; firstDate?: string };

/** What the copy form shows: the course's title and its sessions' dates, or null when not in scope. */
export async function copySource(db: Db, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return null;
  const [course] = await db
    .select({ id: courses.id, title: courses.title, organisationId: courses.organisationId })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course || !scope.organisationIds.includes(course.organisationId)) return null;
  const sessions = await db
    .select({ startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt })
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(asc(courseSessions.startsAt));
  return { id: course.id, title: course.title, sessions };
}

/**
 * Copies a course of the scope as a draft, its sessions moved so that the first falls on
 * `firstDate` (the others keep their distance to it, in days, at their own clock times); the
 * registration window and cancellation deadline move with them. Returns the copy's id, or null when
 * the course is not the scope's.
 */
export async function copyCourse(db: Db, scope: Scope, courseId: string, createdBy: string, input: CopyCourseInput) {
  if (!isUuid(courseId)) return null;
  return db.transaction(async (tx) => {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
    if (!course || !scope.organisationIds.includes(course.organisationId)) return null;
    const sessions = await tx
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.courseId, courseId))
      .orderBy(asc(courseSessions.startsAt));
    const questions = await tx
      .select()
      .from(courseQuestions)
      .where(eq(courseQuestions.courseId, courseId))
      .orderBy(asc(courseQuestions.position));
    const first = sessions[0];
    const days = first && input.firstDate ? daysBetween(toLocalInputs(first.startsAt).date, input.firstDate) : 0;
    const move = (moment: Date | null) => (moment ? shiftByDays(moment, days) : null);
    const t = now();
    const [copy] = await tx
      .insert(courses)
      .values({
        // Named one by one, so that a new column of courses is a choice here, not copied by accident.
        organisationId: course.organisationId,
        academyId: course.academyId,
        title: input.title,
        description: course.description,
        municipalityCode: course.municipalityCode,
        format: course.format,
        locationName: course.locationName,
        address: course.address,
        accessibilityInfo: course.accessibilityInfo,
        onlineUrl: course.onlineUrl,
        language: course.language,
        costCents: course.costCents,
        capacity: course.capacity,
        onlineCapacity: course.onlineCapacity,
        registrationOpensAt: move(course.registrationOpensAt),
        registrationClosesAt: move(course.registrationClosesAt),
        cancellationDeadline: move(course.cancellationDeadline),
        claimWindowHours: course.claimWindowHours,
        reminderDaysBefore: course.reminderDaysBefore,
        completionThreshold: course.completionThreshold,
        status: 'draft',
        createdBy,
        createdAt: t,
        updatedAt: t,
      })
      .returning({ id: courses.id });
    const copyId = copy!.id;
    if (sessions.length) {
      await tx.insert(courseSessions).values(
        sessions.map((s) => ({
          courseId: copyId,
          startsAt: shiftByDays(s.startsAt, days),
          endsAt: shiftByDays(s.endsAt, days),
          location: s.location,
        })),
      );
    }
    if (questions.length) {
      await tx.insert(courseQuestions).values(
        questions.map((q) => ({
          courseId: copyId,
          position: q.position,
          kind: q.kind,
          label: q.label,
          options: q.options,
          required: q.required,
        })),
      );
    }
    return copyId;
  });
}

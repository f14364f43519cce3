import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academies } from '~db/schema/organisations';
import { courseQuestions, courseSessions, courses, registrations, sessionAttendance } from '~db/schema/courses';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, person } from '../../../test/courses';
import { now } from '../clock.server';
import { signUp } from './registrations.server';
import { copyCourse, daysBetween, shiftByDays } from './copy.server';
import { copyCourseSchema } from './manage/schemas';
import { fromAmsterdam, toLocalInputs } from '~/modules/time';

const t = setupTestDatabase();
const db = () => t.handle.db;
const scopeOf = (organisation: { id: string }) => ({ organisationIds: [organisation.id] });

describe('shifting dates', () => {
  it('counts whole calendar days and keeps the Dutch clock time across summer time', () => {
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-01')).toBe(-30);
    // 19:30 in winter (UTC+1) moved 4 weeks into summer time (UTC+2) is 19:30 again, 17:30 UTC.
    const winter = fromAmsterdam('2027-03-09', '19:30')!;
    expect(winter.toISOString()).toBe('2027-03-09T18:30:00.000Z');
    const summer = shiftByDays(winter, 28);
    expect(summer.toISOString()).toBe('2027-04-06T17:30:00.000Z');
    expect(toLocalInputs(summer)).toMatchObject({ date: '2027-04-06', time: '19:30' });
  });
});

describe('copyCourse', () => {
  it('copies texts, venue, seats, organisation, academy and questions as a draft, with the sessions moved', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 3 });
    const [academy] = await db().insert(academies).values({ organisationId: organisation.id, name: 'Academie Zwolle' }).returning();
    const deadline = new Date(sessions[0]!.startsAt.getTime() - 2 * 86_400_000);
    await db()
      .update(courses)
      .set({
        academyId: academy!.id,
        accessibilityInfo: 'Lift aanwezig',
        costCents: 1500,
        cancellationDeadline: deadline,
        followUpSentAt: now(),
        rescheduledAt: now(),
      })
      .where(eq(courses.id, course.id));
    await db()
      .insert(courseQuestions)
      .values([
        { courseId: course.id, position: 0, kind: 'choice', label: 'Welke avond?', options: ['di', 'do'], required: true },
        { courseId: course.id, position: 1, kind: 'text', label: 'Waarom?' },
      ]);
    const signed = (await signUp(db(), course.id, person('copy-1'))) as { registrationId: string };
    await db().insert(sessionAttendance).values({ registrationId: signed.registrationId, sessionId: sessions[0]!.id, attended: true });

    const firstLocal = toLocalInputs(sessions[0]!.startsAt);
    const newFirst = new Date(Date.UTC(+firstLocal.date.slice(0, 4), +firstLocal.date.slice(5, 7) - 1, +firstLocal.date.slice(8, 10) + 365))
      .toISOString()
      .slice(0, 10);
    const copyId = (await copyCourse(db(), scopeOf(organisation), course.id, null as unknown as string, {
      title: 'Politiek Actief Zwolle 2028',
      firstDate: newFirst,
    }))!;
    expect(copyId).not.toBe(course.id);

    const [copy] = await db().select().from(courses).where(eq(courses.id, copyId));
    expect(copy).toMatchObject({
      title: 'Politiek Actief Zwolle 2028',
      status: 'draft',
      organisationId: organisation.id,
      academyId: academy!.id,
      description: course.description,
      municipalityCode: course.municipalityCode,
      format: course.format,
      locationName: course.locationName,
      address: course.address,
      accessibilityInfo: 'Lift aanwezig',
      costCents: 1500,
      capacity: course.capacity,
      publishedAt: null,
      cancelledAt: null,
      followUpSentAt: null,
      rescheduledAt: null,
    });
    expect(copy!.cancellationDeadline).toEqual(shiftByDays(deadline, 365));

    const copied = await db().select().from(courseSessions).where(eq(courseSessions.courseId, copyId)).orderBy(courseSessions.startsAt);
    expect(copied).toHaveLength(3);
    expect(toLocalInputs(copied[0]!.startsAt).date).toBe(newFirst);
    // Every session moved by the same number of days, at its own Dutch clock time.
    for (const [i, s] of copied.entries()) {
      const before = sessions[i]!;
      expect(daysBetween(toLocalInputs(before.startsAt).date, toLocalInputs(s.startsAt).date)).toBe(365);
      expect(toLocalInputs(s.startsAt).time).toBe(toLocalInputs(before.startsAt).time);
      expect(toLocalInputs(s.endsAt).time).toBe(toLocalInputs(before.endsAt).time);
      expect(s.sequence).toBe(0);
    }
    const questions = await db()
      .select()
      .from(courseQuestions)
      .where(eq(courseQuestions.courseId, copyId))
      .orderBy(courseQuestions.position);
    expect(questions.map((q) => [q.label, q.kind, q.options, q.required])).toEqual([
      ['Welke avond?', 'choice', ['di', 'do'], true],
      ['Waarom?', 'text', [], false],
    ]);
    // People are not copied: no registrations (so no waitlist), no attendance.
    expect(await db().select().from(registrations).where(eq(registrations.courseId, copyId))).toHaveLength(0);
    const copiedAttendance = await db()
      .select()
      .from(sessionAttendance)
      .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
      .where(eq(courseSessions.courseId, copyId));
    expect(copiedAttendance).toHaveLength(0);
    // The original is untouched.
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(1);
  });

  it('copies nothing for a coordinator of another organisation', async () => {
    const { course } = await createCourse(db());
    const other = await createCourse(db());
    const before = await db().select({ id: courses.id }).from(courses);
    expect(
      await copyCourse(db(), scopeOf(other.organisation), course.id, null as unknown as string, { title: 'x', firstDate: '2099-01-01' }),
    ).toBeNull();
    expect(await db().select({ id: courses.id }).from(courses)).toHaveLength(before.length);
  });
});

describe('copyCourseSchema', () => {
  const nl = translator('nl');
  it('asks for a first date from today on, only when the course has sessions', () => {
    const schema = copyCourseSchema(nl, { needsDate: true, today: '2027-05-01' });
    expect(schema.safeParse({ title: 'A', firstDate: '2027-05-01' }).success).toBe(true);
    expect(schema.safeParse({ title: 'A', firstDate: '2027-04-30' }).error?.issues[0]?.message).toBe('Kies een datum vanaf vandaag');
    expect(schema.safeParse({ title: 'A', firstDate: '2027-02-30' }).error?.issues[0]?.message).toMatch(/bestaande datum/);
    expect(schema.safeParse({ title: 'A' }).error?.issues[0]?.message).toBe('Kies de datum van de eerste bijeenkomst');
    expect(copyCourseSchema(nl, { needsDate: false, today: '2027-05-01' }).safeParse({ title: 'A' }).success).toBe(true);
  });
});

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../test/database';
import { runDueCourseWork } from '../app/modules/courses/lifecycle.server';
import { amsterdamInstant, eveningSession, largestPerProvince, planDemoCourses, seedMunicipalities } from './seed-courses';
import { seedDemoData } from './seed.server';
import {
  courseQuestions,
  courseSessions,
  courses,
  emailMessages,
  municipalities,
  organisations,
  registrations,
  sessionAttendance,
} from './schema';

const t = setupTestDatabase();
const db = () => t.handle.db;

async function count(table: PgTable) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(table);
  return Number(row?.n);
}

async function counts() {
  return {
    courses: await count(courses),
    sessions: await count(courseSessions),
    questions: await count(courseQuestions),
    registrations: await count(registrations),
    attendance: await count(sessionAttendance),
  };
}

/** Per course: status, capacity, seat-holders, waitlist, first start and last end. */
async function overview() {
  const rows = await db()
    .select({
      id: courses.id,
      status: courses.status,
      capacity: courses.capacity,
      format: courses.format,
      costCents: courses.costCents,
      province: municipalities.province,
      seats: sql<number>`(select count(*)::int from ${registrations} r where r.course_id = ${courses.id} and r.status in ('confirmed', 'offered'))`,
      confirmed: sql<number>`(select count(*)::int from ${registrations} r where r.course_id = ${courses.id} and r.status = 'confirmed')`,
      waitlisted: sql<number>`(select count(*)::int from ${registrations} r where r.course_id = ${courses.id} and r.status = 'waitlisted')`,
      sessions: sql<number>`(select count(*)::int from ${courseSessions} s where s.course_id = ${courses.id})`,
      firstStart: sql<string>`(select min(s.starts_at) from ${courseSessions} s where s.course_id = ${courses.id})`,
      lastEnd: sql<string>`(select max(s.ends_at) from ${courseSessions} s where s.course_id = ${courses.id})`,
    })
    .from(courses)
    .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode));
  return rows.map((r) => ({
    ...r,
    seats: Number(r.seats),
    confirmed: Number(r.confirmed),
    waitlisted: Number(r.waitlisted),
    sessions: Number(r.sessions),
    firstStart: new Date(r.firstStart),
    lastEnd: new Date(r.lastEnd),
  }));
}

describe('demo seed', () => {
  it('seeds quickly, and the same catalogue again when re-seeded; onlyIfEmpty leaves it alone', async () => {
    const started = performance.now();
    expect(await seedDemoData(db(), { onlyIfEmpty: false })).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    console.log(`demo seed took ${seconds.toFixed(2)} s on ${t.handle.kind}`);
    expect(seconds).toBeLessThan(10); // about 1 s; generous for slow CI machines
    const first = await counts();
    expect(await seedDemoData(db(), { onlyIfEmpty: false })).toBe(true);
    expect(await counts()).toEqual(first);
    expect(await seedDemoData(db(), { onlyIfEmpty: true })).toBe(false);
    expect(await counts()).toEqual(first);
    expect(first.courses).toBeGreaterThanOrEqual(44);
  });

  it('publishes at least 40 courses across all 12 provinces, by the four demo organisations', async () => {
    const all = await overview();
    const published = all.filter((c) => c.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(40);
    expect(new Set(published.map((c) => c.province)).size).toBe(12);
    expect(all.filter((c) => c.status === 'draft').length).toBeGreaterThanOrEqual(2);
    expect(all.filter((c) => c.status === 'cancelled')).toHaveLength(1);
    const owners = await db()
      .selectDistinct({ slug: organisations.slug })
      .from(courses)
      .innerJoin(organisations, eq(organisations.id, courses.organisationId));
    expect(owners.map((o) => o.slug).sort()).toEqual(['klpp', 'ngb', 'nvr', 'wethoudersvereniging']);
    expect(new Set(all.map((c) => c.format))).toEqual(new Set(['in-person', 'online', 'hybrid']));
    expect(new Set(all.map((c) => c.costCents))).toEqual(new Set([0, 1500]));
    for (const c of all) {
      expect(c.capacity).toBeGreaterThanOrEqual(12);
      expect(c.capacity).toBeLessThanOrEqual(30);
      expect(c.sessions).toBeGreaterThanOrEqual(1);
      expect(c.sessions).toBeLessThanOrEqual(4);
    }
  });

  it('has past, running and upcoming courses, with upcoming ones over the next six months', async () => {
    const at = Date.now();
    const published = (await overview()).filter((c) => c.status === 'published');
    const past = published.filter((c) => c.lastEnd.getTime() < at);
    const running = published.filter((c) => c.firstStart.getTime() < at && c.lastEnd.getTime() > at);
    const upcoming = published.filter((c) => c.firstStart.getTime() > at);
    expect(past.length).toBeGreaterThanOrEqual(3);
    expect(running.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.length).toBeGreaterThan(published.length / 2);
    for (const c of upcoming) expect(c.firstStart.getTime()).toBeLessThan(at + 183 * 24 * 3600_000);
  });

  it('never holds more seats than capacity; at least 3 upcoming courses are full with a waitlist in sign-up order', async () => {
    const all = await overview();
    for (const c of all) expect(c.seats).toBeLessThanOrEqual(c.capacity);
    const full = all.filter(
      (c) => c.status === 'published' && c.confirmed === c.capacity && c.waitlisted > 0 && c.firstStart.getTime() > Date.now(),
    );
    expect(full.length).toBeGreaterThanOrEqual(3);
    // Nobody waits on a course with a free seat.
    for (const c of all) if (c.waitlisted > 0) expect(c.seats).toBe(c.capacity);
    for (const c of full) {
      const people = await db()
        .select({ status: registrations.status, seq: registrations.waitlistSeq, createdAt: registrations.createdAt })
        .from(registrations)
        .where(eq(registrations.courseId, c.id))
        .orderBy(registrations.waitlistSeq);
      const byTime = [...people].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(byTime.map((p) => p.seq)).toEqual(people.map((p) => p.seq));
      // The waitlist is the tail: everyone waiting signed up after every confirmed person.
      const firstWaiting = people.findIndex((p) => p.status === 'waitlisted');
      expect(people.slice(firstWaiting).every((p) => p.status === 'waitlisted')).toBe(true);
    }
  });

  it('has custom questions of every kind, answered by the registrations', async () => {
    const questions = await db().select().from(courseQuestions);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['text', 'choice', 'yes-no']));
    for (const q of questions.filter((q) => q.kind === 'choice')) expect(q.options.length).toBeGreaterThanOrEqual(2);
    const required = questions.filter((q) => q.required);
    const answered = await db()
      .select({ answers: registrations.answers, courseId: registrations.courseId })
      .from(registrations)
      .where(inArray(registrations.courseId, [...new Set(required.map((q) => q.courseId))]));
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) {
      for (const q of required.filter((q) => q.courseId === r.courseId)) expect(r.answers[q.id]).toBeTruthy();
    }
  });

  it('uses fictitious people, evening sessions in Dutch time, accessibility texts, and queues no email', async () => {
    const people = await db().select({ email: registrations.email, userId: registrations.userId }).from(registrations);
    expect(people.filter((p) => !p.userId).every((p) => p.email.endsWith('@example.nl'))).toBe(true);
    const time = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
    const sessions = await db().select().from(courseSessions);
    for (const s of sessions) {
      expect(time.format(s.startsAt)).toBe('19:30');
      expect(time.format(s.endsAt)).toBe('21:30');
    }
    const venues = await db().select({ info: courses.accessibilityInfo }).from(courses);
    expect(venues.every((v) => v.info.length > 20)).toBe(true);
    expect(await count(emailMessages)).toBe(0);
    // Nor does the scheduler find anything to send about them right after seeding.
    expect(await runDueCourseWork(db())).toEqual({ expired: 0, reminders: 0, followUps: 0 });
    expect(await count(emailMessages)).toBe(0);
  });

  it('the cancelled course has nobody left on it', async () => {
    const [cancelled] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, 'cancelled'));
    const active = await db()
      .select()
      .from(registrations)
      .where(and(eq(registrations.courseId, cancelled!.id), sql`${registrations.status} <> 'cancelled'`));
    expect(active).toHaveLength(0);
  });
});

describe('seed course planning', () => {
  it('picks the largest municipality of each province from the data, and plans deterministically', () => {
    const all = seedMunicipalities();
    const anchors = largestPerProvince(all);
    expect(anchors).toHaveLength(12);
    expect(anchors.find((m) => m.province === 'Overijssel')?.name).toBeDefined();
    const at = new Date('2026-03-10T12:00:00Z');
    const organisations = ['nvr', 'wethoudersvereniging', 'ngb', 'klpp'].map((slug) => ({ id: slug, slug }));
    const a = planDemoCourses({ at, organisations }).map((p) => [p.course.title, p.course.municipalityCode, p.sessions.length]);
    const b = planDemoCourses({ at, organisations }).map((p) => [p.course.title, p.course.municipalityCode, p.sessions.length]);
    expect(a).toEqual(b);
    for (const anchor of anchors) expect(a.some(([, code]) => code === anchor.code)).toBe(true);
  });

  it('places evenings at 19:30 Amsterdam time in winter and in summer', () => {
    expect(amsterdamInstant(2026, 1, 15, 19, 30).toISOString()).toBe('2026-01-15T18:30:00.000Z');
    expect(amsterdamInstant(2026, 7, 15, 19, 30).toISOString()).toBe('2026-07-15T17:30:00.000Z');
    // Across the change to summer time (29 March 2026), a weekly course keeps its local time.
    const base = new Date('2026-03-24T10:00:00Z');
    expect(eveningSession(base, 0).startsAt.toISOString()).toBe('2026-03-24T18:30:00.000Z');
    expect(eveningSession(base, 7).startsAt.toISOString()).toBe('2026-03-31T17:30:00.000Z');
  });
});

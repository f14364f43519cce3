import { and, eq, ne } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  academies,
  academyApplications,
  academyCompletions,
  courses,
  emailMessages,
  organisations,
  placementHosts,
  placements,
  placementSlots,
  registrations,
} from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, person } from '../../../test/courses';
import { createUser } from '../../../test/mentoring';
import { pdfText } from '../../../test/pdf';
import { DAY, now, setClock } from '../clock.server';
import { dateInAmsterdam } from '../time';
import { signUp } from '../courses/registrations.server';
import { saveAttendance } from '../courses/manage/attendance.server';
import { saveAcademy } from '../organisations/academies.server';
import { cohortMembers, enrolCohortLocked, leaveAcademy, moduleProgress } from './cohort.server';
import { programmeCertificateOf, recordCompletions, saveCompletionRule, verifyProgrammeCertificate } from './completion.server';
import { respondToOffer } from './selection.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
afterEach(() => setClock(undefined));

let n = 0;
/**
 * An academy whose decisions are released, with `offered` people holding an offer (seats = offered),
 * and `modules` published module courses of `capacity` seats each, starting in 10 days.
 */
async function releasedAcademy(options: { offered: number; modules?: number; capacity?: number; seats?: number }) {
  n++;
  const [organisation] = await db()
    .insert(organisations)
    .values({ name: `Cohortvereniging ${n}`, slug: `cohort-${n}-${Date.now()}`, kind: 'association' })
    .returning();
  const [academy] = await db()
    .insert(academies)
    .values({
      organisationId: organisation!.id,
      name: `Raadsledenacademie ${n}`,
      seats: options.seats ?? options.offered,
      decisionsReleasedAt: now(),
      callPublished: true,
      applicationsOpenAt: new Date(now().getTime() - 20 * DAY),
      applicationsCloseAt: new Date(now().getTime() - 10 * DAY),
    })
    .returning();
  const modules = [];
  for (let i = 0; i < (options.modules ?? 2); i++) {
    const module = await createCourse(db(), {
      capacity: options.capacity ?? 20,
      sessionCount: 1,
      startsInDays: 10 + i * 7,
      title: `Module ${i + 1}`,
    });
    await db().update(courses).set({ academyId: academy!.id, organisationId: organisation!.id }).where(eq(courses.id, module.course.id));
    modules.push(module);
  }
  const people = [];
  for (let i = 0; i < options.offered; i++) {
    const user = await createUser(db());
    const [application] = await db()
      .insert(academyApplications)
      .values({
        academyId: academy!.id,
        userId: user.id,
        motivation: 'Graag',
        status: 'offered',
        decision: 'admit',
        offerExpiresAt: new Date(now().getTime() + 7 * DAY),
      })
      .returning();
    people.push({ user, application: application! });
  }
  return { organisation: organisation!, academy: academy!, modules, people };
}

const activeOn = (courseId: string) =>
  db()
    .select()
    .from(registrations)
    .where(and(eq(registrations.courseId, courseId), ne(registrations.status, 'cancelled')));

describe('the cohort through its modules', () => {
  it('enrols an accepted participant in every module, with the confirmation and calendar file, and keeps the cohort’s seats from the public', async () => {
    const { academy, modules, people } = await releasedAcademy({ offered: 2, capacity: 3 });
    const [first, second] = people;
    expect(await respondToOffer(db(), first!.user.id, first!.application.id, true)).toBe('accepted');
    for (const module of modules) {
      const rows = await activeOn(module.course.id);
      expect(rows).toEqual([
        expect.objectContaining({
          userId: first!.user.id,
          status: 'confirmed',
          source: 'academy',
          academyApplicationId: first!.application.id,
        }),
      ]);
    }
    const confirmations = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, first!.user.email), eq(emailMessages.template, 'registration-confirmed')));
    expect(confirmations).toHaveLength(2);
    expect(confirmations[0]!.attachments?.[0]?.contentType).toContain('text/calendar');

    // 3 seats: 1 taken by the first participant, 1 still held for the second (offered): the public gets 1.
    const module = modules[0]!.course.id;
    expect((await signUp(db(), module, person(`pub-${n}-1`))).status).toBe('confirmed');
    expect((await signUp(db(), module, person(`pub-${n}-2`))).status).toBe('waitlisted');
    // The second participant still gets their seat.
    expect(await respondToOffer(db(), second!.user.id, second!.application.id, true)).toBe('accepted');
    const rows = await activeOn(module);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(rows.find((r) => r.userId === second!.user.id)?.status).toBe('confirmed');
    expect((await cohortMembers(db(), academy.id)).map((m) => m.applicationId).sort()).toEqual(
      [first!.application.id, second!.application.id].sort(),
    );

    // A course put in the academy later enrols the cohort that exists.
    const later = await createCourse(db(), { sessionCount: 1, startsInDays: 30, title: 'Module later' });
    await db().update(courses).set({ organisationId: academy.organisationId }).where(eq(courses.id, later.course.id));
    const saved = await saveAcademy(db(), academy.organisationId, academy.id, {
      name: academy.name,
      description: '',
      periodStart: null,
      periodEnd: null,
      courseIds: [...modules.map((m) => m.course.id), later.course.id],
      shownCourseIds: null,
      networkIds: [],
    });
    expect(saved.status).toBe('saved');
    // What the academy page does after saving (and the minute sweep, for modules published later).
    await enrolCohortLocked(db(), academy.id);
    expect((await activeOn(later.course.id)).map((r) => r.userId).sort()).toEqual([first!.user.id, second!.user.id].sort());
  });

  it('leaving the academy cancels the module registrations and gives the seat to the waitlist', async () => {
    const { modules, people } = await releasedAcademy({ offered: 1, capacity: 1 });
    const [only] = people;
    await respondToOffer(db(), only!.user.id, only!.application.id, true);
    const module = modules[0]!.course.id;
    const waiting = await signUp(db(), module, person(`wacht-${n}`));
    expect(waiting.status).toBe('waitlisted');
    expect(await leaveAcademy(db(), createdElse(), only!.application.id)).toBe('not-found');
    expect(await leaveAcademy(db(), only!.user.id, only!.application.id)).toBe('left');
    const [application] = await db().select().from(academyApplications).where(eq(academyApplications.id, only!.application.id));
    expect(application!.status).toBe('left');
    for (const m of modules) expect((await activeOn(m.course.id)).some((r) => r.userId === only!.user.id)).toBe(false);
    // The freed seat went to the first on the waitlist (an offer with a claim window, as a cancellation does).
    const [next] = await db()
      .select()
      .from(registrations)
      .where(eq(registrations.email, `deelnemer-wacht-${n}@example.nl`));
    expect(next!.status).toBe('offered');
    expect(await leaveAcademy(db(), only!.user.id, only!.application.id)).toBe('not-possible');
  });

  it.each([1, 2])('parallel accepts never overbook a module (capacity below the cohort, round %i)', async () => {
    const { modules, people } = await releasedAcademy({ offered: 6, capacity: 4, modules: 2 });
    // The public tries at the same time.
    const outcomes = await Promise.all([
      ...people.map((p) => respondToOffer(db(), p.user.id, p.application.id, true)),
      ...[1, 2, 3].map((i) => signUp(db(), modules[0]!.course.id, person(`race-${n}-${i}`)).then((r) => r.status)),
    ]);
    expect(outcomes.slice(0, 6)).toEqual(Array(6).fill('accepted'));
    for (const m of modules) {
      const rows = await activeOn(m.course.id);
      expect(rows.filter((r) => r.status === 'confirmed').length).toBe(4);
      // Every participant is on the module: a seat or the waitlist, never lost; the public got no seat.
      expect(rows.filter((r) => r.source === 'academy')).toHaveLength(6);
      expect(rows.filter((r) => r.status === 'confirmed' && r.source !== 'academy')).toHaveLength(0);
    }
  });
});

let other = '';
function createdElse() {
  // A user id that is not the participant's (any uuid will do: nothing of theirs).
  other ||= '00000000-0000-4000-8000-000000000000';
  return other;
}

describe('completion', () => {
  it('records the completion once when attendance meets the rule, emails the certificate, and verifies its code', async () => {
    const { academy, organisation, modules, people } = await releasedAcademy({ offered: 2, modules: 3 });
    for (const p of people) await respondToOffer(db(), p.user.id, p.application.id, true);
    await saveCompletionRule(db(), academy.id, { minModules: 2, placementRequired: false });
    const [first, second] = people;
    const scope = { organisationIds: [organisation.id] };
    // After the modules took place, the coordinator registers attendance: the first attends two modules.
    setClock(new Date(now().getTime() + 40 * DAY));
    const regOf = async (courseId: string, userId: string) => (await activeOn(courseId)).find((r) => r.userId === userId)!.id;
    await saveAttendance(db(), scope, modules[0]!.course.id, modules[0]!.sessions[0]!.id, [
      await regOf(modules[0]!.course.id, first!.user.id),
      await regOf(modules[0]!.course.id, second!.user.id),
    ]);
    expect(await recordCompletions(db(), academy.id)).toBe(0);
    await saveAttendance(db(), scope, modules[1]!.course.id, modules[1]!.sessions[0]!.id, [
      await regOf(modules[1]!.course.id, first!.user.id),
    ]);

    const { progressOf } = await moduleProgress(db(), academy.id, [first!.application.id, second!.application.id]);
    expect(progressOf(first!.application.id).map((m) => m.state)).toEqual(['attended', 'attended', 'missed']);
    expect(progressOf(second!.application.id).map((m) => m.state)).toEqual(['attended', 'missed', 'missed']);

    // The page and the sweep at once: one row, one email.
    const recorded = await Promise.all([recordCompletions(db(), academy.id), recordCompletions(db(), academy.id)]);
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await recordCompletions(db(), academy.id)).toBe(0);
    const rows = await db().select().from(academyCompletions).where(eq(academyCompletions.academyId, academy.id));
    expect(rows).toEqual([expect.objectContaining({ applicationId: first!.application.id, modulesAttended: 2 })]);
    const mails = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, first!.user.email), eq(emailMessages.template, 'academy-completed')));
    expect(mails).toHaveLength(1);
    const attached = mails[0]!.attachments![0]!;
    expect(attached.contentType).toBe('application/pdf');
    const mailed = await pdfText(Buffer.from(attached.content, 'base64'));
    expect(mailed).toContain(first!.user.name);
    expect(mailed).toContain(academy.name);
    expect(mailed).toContain('heeft het programma afgerond');

    // The download is the holder's only; the code verifies with the academy and initials.
    const file = await programmeCertificateOf(db(), first!.user.id, first!.application.id);
    expect(await pdfText(file!.bytes)).toContain(rows[0]!.code);
    expect(await programmeCertificateOf(db(), second!.user.id, first!.application.id)).toBeNull();
    const verified = await verifyProgrammeCertificate(db(), rows[0]!.code, 'nl');
    expect(verified).toMatchObject({ status: 'valid', courseTitle: academy.name, organisationName: organisation.name, kind: 'programme' });
    expect((await verifyProgrammeCertificate(db(), 'a'.repeat(32), 'nl')).status).toBe('unknown');
  });

  it('with a placement required, a participant completes once an accepted placement has ended', async () => {
    const { academy, organisation, modules, people } = await releasedAcademy({ offered: 1, modules: 1 });
    const [only] = people;
    await respondToOffer(db(), only!.user.id, only!.application.id, true);
    await saveCompletionRule(db(), academy.id, { minModules: null, placementRequired: true });
    setClock(new Date(now().getTime() + 20 * DAY));
    const [registration] = await activeOn(modules[0]!.course.id);
    await saveAttendance(db(), { organisationIds: [organisation.id] }, modules[0]!.course.id, modules[0]!.sessions[0]!.id, [
      registration!.id,
    ]);
    // Attended, but no placement held: not completed.
    expect(await recordCompletions(db(), academy.id)).toBe(0);
    // A placement accepted by its host, still running today: not yet held.
    const host = await createUser(db(), {});
    const [profile] = await db().insert(placementHosts).values({ userId: host.id, name: 'Anne Jansen', office: 'mayor' }).returning();
    const today = dateInAmsterdam(now());
    const [slot] = await db()
      .insert(placementSlots)
      .values({ academyId: academy.id, hostId: profile!.id, startsOn: today, endsOn: today, municipalityCode: 'GM0193' })
      .returning();
    await db()
      .insert(placements)
      .values({ academyId: academy.id, slotId: slot!.id, applicationId: only!.application.id, status: 'accepted' });
    expect(await recordCompletions(db(), academy.id)).toBe(0);
    // The day after its last day, the placement is held and the rule is met.
    setClock(new Date(now().getTime() + DAY));
    expect(await recordCompletions(db(), academy.id)).toBe(1);
  });
});

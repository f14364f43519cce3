import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { academies, academyApplications, courses } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, person } from '../../../test/courses';
import { createUser } from '../../../test/mentoring';
import { DAY, now, setClock } from '../clock.server';
import { respondToOffer } from '../academies/selection.server';
import { getPublicCourse, listCatalogue } from './catalogue.server';
import { listCoordinatorCourses } from './coordinator-list.server';
import { signUp } from './registrations.server';

// Seats held for an academy's cohort (ADR 018) are not the public's: every place that shows or checks
// "seats left" (catalogue, course page and sign-up form, sign-up, coordinator list) counts them the
// same way, with academy-seats.server.ts's `publicSeats`.

const t = setupTestDatabase();
const db = () => t.handle.db;
afterEach(() => setClock(undefined));

async function moduleOfReleasedAcademy(capacity: number, offered: number) {
  const { course } = await createCourse(db(), { capacity, sessionCount: 1, startsInDays: 10, title: `Module ${Date.now()}` });
  const [academy] = await db()
    .insert(academies)
    .values({ organisationId: course.organisationId, name: 'Academie', seats: offered, decisionsReleasedAt: now() })
    .returning();
  await db().update(courses).set({ academyId: academy!.id }).where(eq(courses.id, course.id));
  const people = [];
  for (let i = 0; i < offered; i++) {
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
  return { course, academy: academy!, people };
}

/** Seats left as the catalogue, the course page (and its sign-up form) and the coordinator's list tell them. */
async function shown(course: { id: string; title: string; organisationId: string }) {
  const catalogue = await listCatalogue(db(), { q: course.title }, now());
  const item = catalogue.items.find((i) => i.id === course.id)!;
  const page = (await getPublicCourse(db(), course.id))!;
  const list = await listCoordinatorCourses(db(), [course.organisationId], { filter: null, q: course.title, page: 1 }, now());
  const row = list.courses.find((c) => c.id === course.id)!;
  return {
    catalogue: item.seatsLeft,
    catalogueFull: item.full,
    page: page.seatsLeft,
    pagePools: page.pools.map((p) => p.seatsLeft),
    held: row.heldForCohort,
  };
}

describe('seats held for an academy cohort', () => {
  it('are left out of "seats left" in the catalogue, on the course page and by the sign-up, and shown in the coordinator list', async () => {
    setClock(new Date('2027-02-01T10:00:00Z'));
    // 5 seats; 2 offered places of the academy may still claim theirs: the public can get 3.
    const { course, people } = await moduleOfReleasedAcademy(5, 2);
    expect(await shown(course)).toEqual({ catalogue: 3, catalogueFull: false, page: 3, pagePools: [3], held: 2 });

    expect((await signUp(db(), course.id, person('seat-1'))).status).toBe('confirmed');
    expect((await signUp(db(), course.id, person('seat-2'))).status).toBe('confirmed');
    expect(await shown(course)).toEqual({ catalogue: 1, catalogueFull: false, page: 1, pagePools: [1], held: 2 });
    expect((await signUp(db(), course.id, person('seat-3'))).status).toBe('confirmed');
    // Full for the public, though two seats are still empty: they are the cohort's.
    expect(await shown(course)).toEqual({ catalogue: 0, catalogueFull: true, page: 0, pagePools: [0], held: 2 });
    expect((await signUp(db(), course.id, person('seat-4'))).status).toBe('waitlisted');

    // A participant who accepts takes a held seat: nothing changes for the public.
    expect(await respondToOffer(db(), people[0]!.user.id, people[0]!.application.id, true)).toBe('accepted');
    expect(await shown(course)).toEqual({ catalogue: 0, catalogueFull: true, page: 0, pagePools: [0], held: 1 });
  });
});

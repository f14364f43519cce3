import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { call, cookieFor, get, locationOf, post, run, statusOf } from '../../test/routes';
import { signUp } from '~/modules/courses/registrations.server';
import { action, loader } from './account';

const t = setupTestDatabase();

async function member(email: string, verified: boolean) {
  const [user] = await t.handle.db
    .insert(users)
    .values({ email, name: 'Noor', passwordHash: null, emailVerifiedAt: verified ? new Date() : null })
    .returning();
  return { user: user!, cookie: await cookieFor(t.handle.db, user!.id) };
}

describe('registrations on the account page', () => {
  it('lists sign-ups made with the verified address, and lets the person cancel them', async () => {
    const { cookie } = await member('deelnemer-noor@example.nl', true);
    const { course } = await createCourse(t.handle.db, { capacity: 1 });
    await signUp(t.handle.db, course.id, person('noor'));
    await signUp(t.handle.db, course.id, person('next'));
    const page = await run(loader, get('/account', cookie));
    expect(page.registrations).toHaveLength(1);
    expect(page.registrations[0]).toMatchObject({ courseTitle: course.title, status: 'confirmed', canCancel: true });
    const registrationId = page.registrations[0]!.id;
    // One click without confirm=yes changes nothing: it opens the confirmation step.
    const asked = await call(action, post('/account', { intent: 'cancel-registration', registrationId }, cookie));
    expect(statusOf(asked)).toBe(303);
    expect(locationOf(asked)).toBe(`/account?afmelden=${registrationId}#afmelden`);
    const [untouched] = await t.handle.db.select().from(registrations).where(eq(registrations.id, registrationId));
    expect(untouched!.status).toBe('confirmed');

    const result = await call(action, post('/account', { intent: 'cancel-registration', registrationId, confirm: 'yes' }, cookie));
    expect(statusOf(result)).toBe(303);
    expect(locationOf(result)).toBe('/account?notice=registration.cancelled#notice');
    const rows = await t.handle.db
      .select()
      .from(registrations)
      .where(eq(registrations.courseId, course.id))
      .orderBy(registrations.waitlistSeq);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'offered']);
  });

  it('shows nothing of an unverified address, and refuses to cancel someone else’s registration', async () => {
    const { cookie } = await member('deelnemer-onbevestigd@example.nl', false);
    const { course } = await createCourse(t.handle.db);
    const other = await signUp(t.handle.db, course.id, person('onbevestigd'));
    expect((await run(loader, get('/account', cookie))).registrations).toHaveLength(0);
    const refused = await call(
      action,
      post('/account', { intent: 'cancel-registration', registrationId: (other as { registrationId: string }).registrationId }, cookie),
    );
    expect(statusOf(refused)).toBe(404);
    const refusedConfirmed = await call(
      action,
      post(
        '/account',
        { intent: 'cancel-registration', registrationId: (other as { registrationId: string }).registrationId, confirm: 'yes' },
        cookie,
      ),
    );
    expect(statusOf(refusedConfirmed)).toBe(404);
    const [row] = await t.handle.db.select().from(registrations).where(eq(registrations.courseId, course.id));
    expect(row!.status).toBe('confirmed');
  });
});

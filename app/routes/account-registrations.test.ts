import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { createSession } from '~/modules/auth/session.server';
import { signUp } from '~/modules/courses/registrations.server';
import { action, loader } from './account';

const t = setupTestDatabase();

async function member(email: string, verified: boolean) {
  const [user] = await t.handle.db
    .insert(users)
    .values({ email, name: 'Noor', passwordHash: null, emailVerifiedAt: verified ? new Date() : null })
    .returning();
  const { token } = await createSession(t.handle.db, user!.id);
  return { user: user!, cookie: `pa_session=${token}` };
}
const get = (cookie: string) => ({
  request: new Request('http://localhost/account', { headers: { Cookie: cookie } }),
  params: {},
  context: {},
});
const post = (cookie: string, fields: Record<string, string>) => ({
  request: new Request('http://localhost/account', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
  }),
  params: {},
  context: {},
});

describe('registrations on the account page', () => {
  it('lists sign-ups made with the verified address, and lets the person cancel them', async () => {
    const { cookie } = await member('deelnemer-noor@example.nl', true);
    const { course } = await createCourse(t.handle.db, { capacity: 1 });
    await signUp(t.handle.db, course.id, person('noor'));
    await signUp(t.handle.db, course.id, person('next'));
    const page = await loader(get(cookie));
    expect(page.registrations).toHaveLength(1);
    expect(page.registrations[0]).toMatchObject({ courseTitle: course.title, status: 'confirmed', canCancel: true });
    const result = (await action(post(cookie, { intent: 'cancel-registration', registrationId: page.registrations[0]!.id }))) as Response;
    expect(result.status).toBe(303);
    expect(result.headers.get('Location')).toBe('/account?notice=registration.cancelled#notice');
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
    expect((await loader(get(cookie))).registrations).toHaveLength(0);
    const refused = await action(
      post(cookie, { intent: 'cancel-registration', registrationId: (other as { registrationId: string }).registrationId }),
    ).catch((r: Response) => r);
    expect((refused as Response).status).toBe(404);
    const [row] = await t.handle.db.select().from(registrations).where(eq(registrations.courseId, course.id));
    expect(row!.status).toBe('confirmed');
  });
});

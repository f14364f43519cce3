import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseQuestions, registrations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { call, dataOf, get, locationOf, post, statusOf } from '../../test/routes';
import { setClock } from '~/modules/clock.server';
import { signUp } from '~/modules/courses/registrations.server';
import { action, loader } from './aanmelding.$token';

// The registration's page repeats the answers and needs and changes them until the course starts
// (issue 16, item 7), with Conform's reply on a refused form.

const t = setupTestDatabase();
const db = () => t.handle.db;

type Page = { answers: { given: Record<string, string>; aids: string[]; needs: string; canChange: boolean; questions: { id: string }[] } };

describe('answers on the registration’s page', () => {
  it('shows them, refuses a bad form with its messages and keeps the values, saves a good one', async () => {
    const { course, sessions } = await createCourse(db());
    const [question] = await db()
      .insert(courseQuestions)
      .values({ courseId: course.id, kind: 'yes-no', label: 'Eerder in de raad geweest?', required: true })
      .returning();
    const q = question!.id;
    const result = (await signUp(
      db(),
      course.id,
      person('ra', { answers: { [q]: 'no' }, accessibilityAids: ['ngt-interpreter'], accessibilityNeeds: 'Lift' }),
    )) as { registrationId: string; manageToken: string };
    const token = result.manageToken;
    const path = `/aanmelding/${token}`;

    const page = dataOf<Page>(await call(loader as never, get(path), { token }));
    expect(page.answers).toMatchObject({ given: { [q]: 'no' }, aids: ['ngt-interpreter'], needs: 'Lift', canChange: true });

    const refused = await call(
      action as never,
      post(path, { intent: 'answers', [`q.${q}`]: 'misschien', accessibilityAids: 'taxi', accessibilityNeeds: 'x'.repeat(1001) }),
      { token },
    );
    expect(statusOf(refused)).toBe(400);
    const reply = dataOf<{ intent: string; result: { error: Record<string, string[]> } }>(refused);
    expect(reply.intent).toBe('answers');
    expect(Object.keys(reply.result.error).sort()).toEqual([`accessibilityAids[0]`, 'accessibilityNeeds', `q.${q}`].sort());

    const saved = await call(
      action as never,
      post(path, { intent: 'answers', [`q.${q}`]: 'yes', accessibilityAids: ['wheelchair', 'hearing-loop'], accessibilityNeeds: '' }),
      { token },
    );
    expect(statusOf(saved)).toBe(303);
    expect(locationOf(saved)).toBe(`${path}?notice=signUp.answersSaved#notice`);
    const [row] = await db().select().from(registrations).where(eq(registrations.id, result.registrationId));
    expect(row).toMatchObject({ answers: { [q]: 'yes' }, accessibilityAids: ['wheelchair', 'hearing-loop'], accessibilityNeeds: null });

    // Once the course has started the form is gone and a late post changes nothing.
    setClock(new Date(sessions[0]!.startsAt.getTime() + 1000));
    try {
      expect(dataOf<Page>(await call(loader as never, get(path), { token })).answers.canChange).toBe(false);
      const late = await call(action as never, post(path, { intent: 'answers', [`q.${q}`]: 'no' }), { token });
      expect(statusOf(late)).toBe(409);
    } finally {
      setClock(undefined);
    }
    const [kept] = await db().select().from(registrations).where(eq(registrations.id, result.registrationId));
    expect(kept!.answers).toEqual({ [q]: 'yes' });
  });
});

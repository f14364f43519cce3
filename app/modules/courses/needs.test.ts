import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseQuestions, registrations } from '~db/schema/courses';
import { users } from '~db/schema/accounts';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, person } from '../../../test/courses';
import { DAY, setClock } from '../clock.server';
import { anonymiseRegistrations } from '../privacy/deletion.server';
import { exportPersonalData } from '../privacy/export.server';
import { needsText } from './aids';
import { loadCourseContext } from './context.server';
import { registrationsCsv } from '~/modules/courses/manage/export.server';
import { courseRegistrations } from '~/modules/courses/manage/reading.server';
import { canChangeAnswers, changeAnswers, needsSummary } from './needs.server';
import { answersSchema } from './sign-up-schema';
import { cancelRegistration, signUp } from './registrations.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');
const en = translator('en');

async function signed(courseId: string, n: string, extra: Parameters<typeof person>[1] = {}) {
  return ((await signUp(db(), courseId, person(n, extra))) as { registrationId: string }).registrationId;
}

describe('needsSummary', () => {
  it('counts each aid and the free-text needs of the people with a seat, in plural forms', async () => {
    const { course } = await createCourse(db(), { capacity: 3 });
    await signed(course.id, 'n1', { accessibilityAids: ['ngt-interpreter', 'wheelchair'] });
    await signed(course.id, 'n2', { accessibilityAids: ['ngt-interpreter'], accessibilityNeeds: 'Graag vooraan' });
    const gone = await signed(course.id, 'n3', { accessibilityAids: ['hearing-loop'] });
    // The waitlist does not count yet; a cancelled person no longer does.
    await signed(course.id, 'n4', { accessibilityAids: ['speech-to-text-interpreter'] });
    await cancelRegistration(db(), gone, 'participant');
    const waiting = await db().select().from(registrations).where(eq(registrations.email, 'deelnemer-n4@example.nl'));
    // The cancellation offered n4 the seat: offered people count, as they hold the seat.
    expect(waiting[0]!.status).toBe('offered');
    const summary = await needsSummary(db(), course.id);
    expect(summary).toEqual({
      aids: [
        { aid: 'ngt-interpreter', count: 2 },
        { aid: 'speech-to-text-interpreter', count: 1 },
        { aid: 'wheelchair', count: 1 },
      ],
      otherNeeds: 1,
    });
    expect(nl('needs.sum.ngt-interpreter', { count: 2 })).toBe('2 hebben een NGT-tolk nodig');
    expect(en('needs.sum.ngt-interpreter', { count: 2 })).toBe('2 need an NGT interpreter');
    expect(en('needs.sum.ngt-interpreter', { count: 1 })).toBe('1 needs an NGT interpreter');
    expect(await needsSummary(db(), (await createCourse(db())).course.id)).toEqual({ aids: [], otherNeeds: 0 });
  });
});

describe('answersSchema', () => {
  it('takes no, one or several aids from the list and refuses others', async () => {
    const schema = answersSchema(nl, []);
    expect(schema.parse({}).accessibilityAids).toEqual([]);
    expect(schema.parse({ accessibilityAids: ['wheelchair', 'ngt-interpreter'] }).accessibilityAids).toEqual([
      'ngt-interpreter',
      'wheelchair',
    ]);
    expect(schema.safeParse({ accessibilityAids: ['taxi'] }).success).toBe(false);
  });
});

describe('changeAnswers', () => {
  it('changes answers and needs until the course starts, drops answers to questions no longer asked', async () => {
    const { course, sessions } = await createCourse(db(), { startsInDays: 3 });
    const [question] = await db()
      .insert(courseQuestions)
      .values({ courseId: course.id, kind: 'choice', label: 'Welke avond?', options: ['di', 'do'], required: true })
      .returning();
    const id = await signed(course.id, 'c1', { answers: { [question!.id]: 'di' }, accessibilityNeeds: 'Lift' });
    const input = {
      q: { [question!.id]: 'do', 'not-a-question': 'x' },
      accessibilityAids: ['speech-to-text-interpreter' as const],
      accessibilityNeeds: '',
    };
    expect(await changeAnswers(db(), id, input)).toBe('saved');
    const [after] = await db().select().from(registrations).where(eq(registrations.id, id));
    expect(after).toMatchObject({
      answers: { [question!.id]: 'do' },
      accessibilityAids: ['speech-to-text-interpreter'],
      accessibilityNeeds: null,
    });

    const ctx = (await loadCourseContext(db(), course.id))!;
    expect(canChangeAnswers(ctx, after!, sessions[0]!.startsAt)).toBe(false);
    expect(canChangeAnswers(ctx, { status: 'cancelled' })).toBe(false);
    expect(canChangeAnswers(ctx, after!)).toBe(true);
    setClock(sessions[0]!.startsAt);
    try {
      expect(await changeAnswers(db(), id, { ...input, accessibilityAids: [] })).toBe('closed');
    } finally {
      setClock(undefined);
    }
    const [kept] = await db().select().from(registrations).where(eq(registrations.id, id));
    expect(kept!.accessibilityAids).toEqual(['speech-to-text-interpreter']);
    await cancelRegistration(db(), id, 'participant');
    expect(await changeAnswers(db(), id, input)).toBe('closed');
  });
});

describe('where needs go', () => {
  it('the participants CSV and list, the person’s export; deleting the person blanks them', async () => {
    const { course, organisation } = await createCourse(db());
    const [user] = await db()
      .insert(users)
      .values({ email: 'deelnemer-w1@example.nl', name: 'W', emailVerifiedAt: new Date() })
      .returning();
    const id = await signed(course.id, 'w1', { userId: user!.id, accessibilityAids: ['ngt-interpreter'], accessibilityNeeds: 'Hulphond' });
    const found = (await courseRegistrations(db(), { organisationIds: [organisation.id] }, course.id))!;
    const person = found.people.find((p) => p.id === id)!;
    expect(needsText(nl, person)).toBe('Een tolk Nederlandse Gebarentaal (NGT-tolk); Hulphond');
    expect(registrationsCsv(found, nl)).toContain('Een tolk Nederlandse Gebarentaal (NGT-tolk); Hulphond');
    const exported = (await exportPersonalData(db(), user!.id))!;
    expect(exported.registrations[0]).toMatchObject({ accessibilityAids: ['ngt-interpreter'], accessibilityNeeds: 'Hulphond' });
    await anonymiseRegistrations(db(), eq(registrations.id, id), new Date(Date.now() + DAY));
    const [after] = await db().select().from(registrations).where(eq(registrations.id, id));
    expect(after).toMatchObject({ accessibilityAids: [], accessibilityNeeds: null });
  });
});

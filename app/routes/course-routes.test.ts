import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseQuestions, courses, registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, emailsTo, person } from '../../test/courses';
import { signUp } from '~/modules/courses/registrations.server';
import { privacyVersion } from '~/content/privacy';
import { createSession } from '~/modules/auth/session.server';
import { DAY, HOUR, now } from '~/modules/clock.server';
import { hit, rules } from '~/modules/security/rate-limit.server';
import { loader as catalogueLoader } from './cursussen._index';
import { loader as courseLoader } from './cursussen.$id';
import { action as signUpAction, loader as signUpLoader } from './cursussen.$id_.aanmelden';
import { action as manageAction, loader as manageLoader } from './aanmelding.$token';

const t = setupTestDatabase();
const db = () => t.handle.db;

function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}
function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  });
}
const args = (request: Request, params: Record<string, string> = {}, ip = '203.0.113.7') => ({ request, params, context: { ip } });

type Reply = {
  status?: string;
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
};
function asData<T = Reply>(result: unknown): { status: number; data: T } {
  const r = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (r && r.type === 'DataWithResponseInit') return { status: r.init?.status ?? 200, data: r.data as T };
  return { status: 200, data: result as T };
}
async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Response;
  }
  throw new Error('expected a thrown response');
}

const validFields = (n: string, extra: Record<string, string> = {}) => ({
  name: `Deelnemer ${n}`,
  email: `route-${n}@example.nl`,
  municipality: 'GM0193',
  consent: 'on',
  ...extra,
});

async function signUpVia(courseId: string, fields: Record<string, string>, ip?: string, cookie?: string) {
  return signUpAction(args(post(`/cursussen/${courseId}/aanmelden`, fields, cookie), { id: courseId }, ip));
}
const tokenOf = (response: Response) => /^\/aanmelding\/([a-z2-7]{32})\?nieuw=1$/.exec(response.headers.get('Location') ?? '')?.[1];

describe('catalogue and course page', () => {
  it('the catalogue lists published courses with the filters and all municipalities', async () => {
    const { course } = await createCourse(db(), { title: 'Catalogus Zwolle' });
    const result = await catalogueLoader(args(get('/cursussen?municipality=GM0193&format=bogus')));
    expect(result.items.map((i) => i.id)).toContain(course.id);
    expect(result.filters).toMatchObject({ municipality: 'GM0193', format: '' });
    expect(result.municipalities).toHaveLength(342);
    expect(result.months).toHaveLength(12);
    const item = result.items.find((i) => i.id === course.id)!;
    expect(item.nearness).toBe('In Zwolle');
    expect(item.availability).toBe('Nog 20 plekken vrij');
  });

  it('a card shows the same sign-up state as its course page, for every state', async () => {
    const opensAt = new Date(now().getTime() + 10 * DAY);
    const cases = [
      { fields: { title: 'Staat nog niet open', registrationOpensAt: opensAt }, expected: /^Aanmelden kan vanaf \d/ },
      { fields: { title: 'Staat open', capacity: 26 }, expected: /^Nog 26 plekken vrij$/ },
      { fields: { title: 'Staat vol', capacity: 0 }, expected: /^Vol — wachtlijst$/ },
      {
        fields: { title: 'Staat gesloten', registrationClosesAt: new Date(now().getTime() - HOUR) },
        expected: /^De aanmeldtermijn is voorbij$/,
      },
    ];
    for (const { fields, expected } of cases) {
      const { course } = await createCourse(db(), { ...fields, capacity: fields.capacity ?? 26 });
      const catalogue = await catalogueLoader(args(get(`/cursussen?q=${encodeURIComponent(fields.title)}`)));
      const card = catalogue.items.find((i) => i.id === course.id)!;
      const page = await courseLoader(args(get(`/cursussen/${course.id}`), { id: course.id }));
      expect(card.availability).toMatch(expected);
      expect(page.course.availabilityText).toBe(card.availability);
    }
    // The case from the issue: a course that opens later offers no seats yet, on the card or the page.
    const later = await createCourse(db(), { title: 'Coevorden later', registrationOpensAt: opensAt, capacity: 26 });
    const catalogue = await catalogueLoader(args(get('/cursussen?q=Coevorden%20later')));
    expect(catalogue.items.find((i) => i.id === later.course.id)!.availability).not.toContain('plekken vrij');
  });

  it('answers 404 for unknown, draft and malformed course ids, never 500', async () => {
    const draft = await createCourse(db(), { status: 'draft', publishedAt: null });
    for (const id of [draft.course.id, '00000000-0000-4000-8000-000000000000', 'abc', "1'; drop table courses; --", '%00']) {
      const response = await thrown(courseLoader(args(get(`/cursussen/${encodeURIComponent(id)}`), { id })));
      expect(response.status).toBe(404);
      const signUp = await thrown(signUpLoader(args(get(`/cursussen/${id}/aanmelden`), { id })));
      expect(signUp.status).toBe(404);
      const posted = await thrown(signUpVia(id, validFields('x')));
      expect(posted.status).toBe(404);
    }
  });

  it('shows a published course without its online link', async () => {
    const { course } = await createCourse(db(), { format: 'hybrid', onlineUrl: 'https://meet.example/geheim', costCents: 2500 });
    const result = await courseLoader(args(get(`/cursussen/${course.id}?utm_source=krant`), { id: course.id }));
    expect(result.course.sessions).toHaveLength(3);
    expect(result.course.cost).toMatch(/25,00/);
    expect(result.signUpHref).toBe(`/cursussen/${course.id}/aanmelden?utm_source=krant`);
    expect(JSON.stringify(result)).not.toContain('meet.example');
  });
});

describe('sign-up form', () => {
  it('answers bad input with 400, a message per field, and keeps what was typed', async () => {
    const { course } = await createCourse(db());
    const { status, data } = asData(
      await signUpVia(course.id, {
        name: '',
        email: 'geen-adres',
        municipality: 'GM0193',
        phone: 'bel me',
        accessibilityNeeds: 'Rolstoelplek',
        source: 'friend-family',
      }),
    );
    expect(status).toBe(400);
    expect(data.error?.name?.[0]).toMatch(/naam/);
    expect(data.error?.email?.[0]).toMatch(/geldig e-mailadres/);
    expect(data.error?.phone?.[0]).toMatch(/telefoonnummer/);
    expect(data.error?.consent?.[0]).toMatch(/toestemming/);
    expect(data.error?.municipality).toBeUndefined();
    expect(data.initialValue).toMatchObject({
      email: 'geen-adres',
      municipality: 'GM0193',
      phone: 'bel me',
      accessibilityNeeds: 'Rolstoelplek',
      source: 'friend-family',
    });
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
  });

  it('refuses a municipality that does not exist, and texts over 1000 characters', async () => {
    const { course } = await createCourse(db());
    for (const municipality of ['GM9999', 'Zwolle', '']) {
      const { status, data } = asData(await signUpVia(course.id, validFields('m', { municipality })));
      expect(status).toBe(400);
      expect(data.error?.municipality?.[0]).toMatch(/gemeente/i);
    }
    const long = asData(await signUpVia(course.id, validFields('m', { accessibilityNeeds: 'x'.repeat(1001) })));
    expect(long.data.error?.accessibilityNeeds?.[0]).toMatch(/1000 tekens/);
  });

  it('checks the course’s own questions: required ones, and choices that are offered', async () => {
    const { course } = await createCourse(db());
    const [motivation, evening, member] = await db()
      .insert(courseQuestions)
      .values([
        { courseId: course.id, position: 1, kind: 'text', label: 'Waarom doe je mee?', required: true },
        { courseId: course.id, position: 2, kind: 'choice', label: 'Welke avond?', options: ['dinsdag', 'donderdag'], required: true },
        { courseId: course.id, position: 3, kind: 'yes-no', label: 'Ben je lid van een partij?' },
      ])
      .returning();
    const missing = asData(await signUpVia(course.id, validFields('q')));
    expect(missing.status).toBe(400);
    expect(missing.data.error?.[`q.${motivation!.id}`]?.[0]).toBe('Geef antwoord op deze vraag.');
    expect(missing.data.error?.[`q.${evening!.id}`]?.[0]).toBe('Kies een antwoord.');
    expect(missing.data.error?.[`q.${member!.id}`]).toBeUndefined();

    const wrong = asData(
      await signUpVia(
        course.id,
        validFields('q', { [`q.${motivation!.id}`]: 'Ik wil meedoen', [`q.${evening!.id}`]: 'zondag', [`q.${member!.id}`]: 'misschien' }),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.error?.[`q.${evening!.id}`]?.[0]).toMatch(/Kies een van de antwoorden/);
    expect(wrong.data.error?.[`q.${member!.id}`]?.[0]).toMatch(/Kies een van de antwoorden/);
    expect(wrong.data.initialValue).toMatchObject({ q: { [motivation!.id]: 'Ik wil meedoen' } });

    const ok = (await signUpVia(
      course.id,
      validFields('q', { [`q.${motivation!.id}`]: 'Ik wil meedoen', [`q.${evening!.id}`]: 'donderdag', [`q.${member!.id}`]: 'no' }),
    )) as Response;
    expect(ok.status).toBe(303);
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'route-q@example.nl'));
    expect(row!.answers).toEqual({ [motivation!.id]: 'Ik wil meedoen', [evening!.id]: 'donderdag', [member!.id]: 'no' });
  });

  it('stores nothing when the honeypot is filled in', async () => {
    const { course } = await createCourse(db());
    const response = (await signUpVia(course.id, validFields('bot', { website: 'https://spam.example' }))) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/cursussen/${course.id}`);
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
  });

  it('signs up and sends the browser on to the registration page (303), with attribution', async () => {
    const { course } = await createCourse(db());
    const response = (await signUpVia(
      course.id,
      validFields('ok', {
        phone: '+31 (0)6-1234 5678',
        source: 'party',
        utm_source: 'nieuwsbrief',
        utm_medium: 'email',
        utm_campaign: '',
      }),
    )) as Response;
    expect(response.status).toBe(303);
    expect(tokenOf(response)).toBeTruthy();
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'route-ok@example.nl'));
    expect(row).toMatchObject({
      status: 'confirmed',
      municipalityCode: 'GM0193',
      phone: '+31 (0)6-1234 5678',
      source: 'party',
      utm: { source: 'nieuwsbrief', medium: 'email' },
      privacyVersion, // the statement's version at the time of sign-up
      userId: null,
      locale: 'nl',
    });
    expect(await emailsTo(db(), 'route-ok@example.nl', 'registration-confirmed')).toHaveLength(1);
  });

  it('pre-fills the form for a logged-in user and links the registration to the account', async () => {
    const { course } = await createCourse(db());
    const [user] = await db()
      .insert(users)
      .values({ email: 'ingelogd@example.nl', name: 'Ina Ingelogd', emailVerifiedAt: now() })
      .returning();
    const { token } = await createSession(db(), user!.id);
    const cookie = `pa_session=${token}`;
    const loaded = await signUpLoader(args(get(`/cursussen/${course.id}/aanmelden?utm_campaign=herfst`, cookie), { id: course.id }));
    expect(loaded.prefill).toMatchObject({ name: 'Ina Ingelogd', email: 'ingelogd@example.nl', utm_campaign: 'herfst' });
    expect(loaded.municipalityGroups.flatMap((g) => g.options)).toHaveLength(342);
    const response = (await signUpVia(
      course.id,
      validFields('ina', { name: 'Ina Ingelogd', email: 'ingelogd@example.nl' }),
      undefined,
      cookie,
    )) as Response;
    expect(response.status).toBe(303);
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'ingelogd@example.nl'));
    expect(row!.userId).toBe(user!.id);
  });

  it('says so (409) when the address is already registered, and mails the link again', async () => {
    const { course } = await createCourse(db());
    expect(((await signUpVia(course.id, validFields('dubbel'))) as Response).status).toBe(303);
    const { status, data } = asData(await signUpVia(course.id, validFields('dubbel', { email: 'ROUTE-dubbel@example.nl ' })));
    expect(status).toBe(409);
    expect(data.error?.['']?.[0]).toMatch(/al aangemeld.*opnieuw gemaild/);
    expect(data.initialValue).toMatchObject({ name: 'Deelnemer dubbel' });
    expect(await emailsTo(db(), 'route-dubbel@example.nl', 'registration-exists')).toHaveLength(1);
  });

  it('refuses (409) with the reason when sign-up has closed', async () => {
    const late = await createCourse(db(), { registrationClosesAt: new Date(now().getTime() - HOUR) });
    const { status, data } = asData(await signUpVia(late.course.id, validFields('laat')));
    expect(status).toBe(409);
    expect(data.error?.['']?.[0]).toBe('De aanmeldtermijn is voorbij');
    const cancelled = await createCourse(db(), { status: 'cancelled' });
    const refused = asData(await signUpVia(cancelled.course.id, validFields('afgelast')));
    expect(refused.status).toBe(409);
    expect(refused.data.error?.['']?.[0]).toBe('Deze cursus gaat niet door');
    // The form page itself says it too, instead of showing the form.
    const page = await signUpLoader(args(get(`/cursussen/${late.course.id}/aanmelden`), { id: late.course.id }));
    expect(page.availability).toBe('deadline-passed');
  });

  it('limits sign-ups per IP address (429)', async () => {
    const { course } = await createCourse(db());
    const ip = '198.51.100.99';
    for (let i = 0; i < rules.signupPerIp.limit; i++) await hit(db(), rules.signupPerIp, ip);
    const { status, data } = asData(await signUpVia(course.id, validFields('veel'), ip));
    expect(status).toBe(429);
    expect(data.error?.['']?.[0]).toMatch(/Te veel pogingen/);
    expect(await db().select().from(registrations).where(eq(registrations.email, 'route-veel@example.nl'))).toHaveLength(0);
  });
});

describe('the registration page behind the link', () => {
  const manage = (token: string, fields?: Record<string, string>) =>
    fields
      ? manageAction(args(post(`/aanmelding/${token}`, fields), { token }))
      : manageLoader(args(get(`/aanmelding/${token}?nieuw=1`), { token }));

  it('tells only someone with a seat that it goes to someone else; a waitlist place is not a seat', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    const seated = await signUp(db(), course.id, person('plek-1'));
    const waiting = await signUp(db(), course.id, person('plek-2'));
    if (seated.status !== 'confirmed' || waiting.status !== 'waitlisted') throw new Error('unexpected sign-up result');
    const hintOf = async (token: string) => (asData(await manage(token)).data as unknown as { cancelHint: string }).cancelHint;
    expect(await hintOf(seated.manageToken)).toMatch(
      /^Kun je toch niet\? Meld je dan af, dan gaat je plek naar iemand anders\. Dat kan tot /,
    );
    const hint = await hintOf(waiting.manageToken);
    expect(hint).toMatch(/^Wil je toch niet meer meedoen\? Haal jezelf dan van de wachtlijst\. Dat kan tot /);
    expect(hint).not.toMatch(/je plek/);
  });

  it('answers a forged link with a friendly 404', async () => {
    for (const token of ['abc', 'a'.repeat(32), '../../etc/passwd']) {
      const loaded = asData(await manage(token));
      expect(loaded.status).toBe(404);
      expect(loaded.data).toEqual({ found: false });
      expect(asData(await manage(token, { intent: 'cancel', confirm: 'yes' })).status).toBe(404);
    }
  });

  it('cancels after a second confirmation, and the freed seat is offered to the waitlist; that person claims it', async () => {
    const { course } = await createCourse(db(), { capacity: 1, claimWindowHours: 48 });
    const first = tokenOf((await signUpVia(course.id, validFields('eerste'))) as Response)!;
    const second = tokenOf((await signUpVia(course.id, validFields('tweede'))) as Response)!;

    const shown = asData<Record<string, unknown>>(await manage(first)).data;
    expect(shown).toMatchObject({ found: true, status: 'confirmed', canCancel: true, courseTitle: course.title });
    expect(asData<Record<string, unknown>>(await manage(second)).data).toMatchObject({ status: 'waitlisted', position: 1 });

    // First press: only the question.
    expect(asData(await manage(first, { intent: 'cancel' })).data).toEqual({ outcome: 'confirm-cancel' });
    expect(asData<Record<string, unknown>>(await manage(first)).data).toMatchObject({ status: 'confirmed' });

    const cancelled = (await manage(first, { intent: 'cancel', confirm: 'yes' })) as Response;
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('Location')).toBe(`/aanmelding/${first}?afgemeld=1`);
    expect(asData<Record<string, unknown>>(await manage(first)).data).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(asData(await manage(first, { intent: 'cancel', confirm: 'yes' })).data).toEqual({ outcome: 'already-cancelled' });

    const offered = asData<Record<string, unknown>>(await manage(second)).data;
    expect(offered).toMatchObject({ status: 'offered', offerOpen: true });
    expect(await emailsTo(db(), 'route-tweede@example.nl', 'seat-offered')).toHaveLength(1);

    const claimed = (await manage(second, { intent: 'claim' })) as Response;
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get('Location')).toBe(`/aanmelding/${second}?bevestigd=1`);
    expect(asData<Record<string, unknown>>(await manage(second)).data).toMatchObject({ status: 'confirmed' });
    // Claiming twice says there is no offer any more.
    expect(asData(await manage(second, { intent: 'claim' }))).toEqual({ status: 409, data: { outcome: 'not-offered' } });
  });

  it('no longer cancels after the cancellation deadline', async () => {
    const { course } = await createCourse(db(), { cancellationDeadline: new Date(now().getTime() + DAY) });
    const token = tokenOf((await signUpVia(course.id, validFields('deadline'))) as Response)!;
    await db()
      .update(courses)
      .set({ cancellationDeadline: new Date(now().getTime() - HOUR) })
      .where(eq(courses.id, course.id));
    expect(asData<Record<string, unknown>>(await manage(token)).data).toMatchObject({ status: 'confirmed', canCancel: false });
    expect(asData(await manage(token, { intent: 'cancel', confirm: 'yes' }))).toEqual({ status: 409, data: { outcome: 'too-late' } });
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseQuestions, courses, registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, emailsTo, person } from '../../test/courses';
import { answerOf, argsOf, cookieFor, get, post } from '../../test/routes';
import { signUp } from '~/modules/courses/registrations.server';
import { privacyVersion } from '~/content/privacy';
import { DAY, HOUR, now, setClock } from '~/modules/clock.server';
import { hit, rules } from '~/modules/security/rate-limit.server';
import { loader as catalogueLoader } from './cursussen._index';
import { loader as courseLoader } from './cursussen.$id';
import { action as signUpAction, loader as signUpLoader } from './cursussen.$id_.aanmelden';
import { action as manageAction, loader as manageLoader } from './aanmelding.$token';
import { action as confirmAction, loader as confirmLoader } from './aanmelden.bevestigen.$token';
import { loader as sentLoader } from './cursussen.$id_.aanmelden_.verstuurd';

const t = setupTestDatabase();
const db = () => t.handle.db;

type Reply = {
  status?: string;
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
};

const validFields = (n: string, extra: Record<string, string> = {}) => ({
  name: `Deelnemer ${n}`,
  email: `route-${n}@example.nl`,
  municipality: 'GM0193',
  consent: 'on',
  ...extra,
});

async function signUpVia(courseId: string, fields: Record<string, string>, ip?: string, cookie?: string) {
  return signUpAction(argsOf(post(`/cursussen/${courseId}/aanmelden`, fields, cookie), { id: courseId }, ip));
}
const tokenOf = (response: Response) =>
  /^\/aanmelding\/([a-z2-7]{32})\?notice=signUp\.(?:confirmed|waitlisted)(?:&position=\d+)?#notice$/.exec(
    response.headers.get('Location') ?? '',
  )?.[1];

/** The token in the newest "complete your sign-up" email to `to`. */
async function confirmTokenFor(to: string) {
  const mails = await emailsTo(db(), to, 'sign-up-confirm');
  const url = String((mails.at(-1)?.props as { confirmUrl?: string } | null)?.confirmUrl ?? '');
  return /\/aanmelden\/bevestigen\/([a-z2-7]{32})$/.exec(url)?.[1] ?? '';
}
const confirmVia = (token: string) => confirmAction(argsOf(post(`/aanmelden/bevestigen/${token}`, {}), { token }));

/** Signs up by the form and follows the emailed link, as the address's owner does; returns the page's response. */
async function signUpAndConfirm(courseId: string, fields: Record<string, string>) {
  const response = (await signUpVia(courseId, fields)) as Response;
  expect(response.headers.get('Location')).toBe(`/cursussen/${courseId}/aanmelden/verstuurd`);
  return (await confirmVia(await confirmTokenFor(fields.email!.trim().toLowerCase()))) as Response;
}

describe('catalogue and course page', () => {
  it('the catalogue lists published courses with the filters and all municipalities', async () => {
    const { course } = await createCourse(db(), { title: 'Catalogus Zwolle' });
    const result = await catalogueLoader(argsOf(get('/cursussen?municipality=GM0193&format=bogus')));
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
      const catalogue = await catalogueLoader(argsOf(get(`/cursussen?q=${encodeURIComponent(fields.title)}`)));
      const card = catalogue.items.find((i) => i.id === course.id)!;
      const page = await courseLoader(argsOf(get(`/cursussen/${course.id}`), { id: course.id }));
      expect(card.availability).toMatch(expected);
      expect(page.course.availabilityText).toBe(card.availability);
    }
    // The case from the issue: a course that opens later offers no seats yet, on the card or the page.
    const later = await createCourse(db(), { title: 'Coevorden later', registrationOpensAt: opensAt, capacity: 26 });
    const catalogue = await catalogueLoader(argsOf(get('/cursussen?q=Coevorden%20later')));
    expect(catalogue.items.find((i) => i.id === later.course.id)!.availability).not.toContain('plekken vrij');
  });

  it('answers 404 for unknown, draft and malformed course ids, never 500', async () => {
    const draft = await createCourse(db(), { status: 'draft', publishedAt: null });
    for (const id of [draft.course.id, '00000000-0000-4000-8000-000000000000', 'abc', "1'; drop table courses; --", '%00']) {
      await expect(courseLoader(argsOf(get(`/cursussen/${encodeURIComponent(id)}`), { id }))).rejects.toMatchObject({ status: 404 });
      await expect(signUpLoader(argsOf(get(`/cursussen/${id}/aanmelden`), { id }))).rejects.toMatchObject({ status: 404 });
      await expect(signUpVia(id, validFields('x'))).rejects.toMatchObject({ status: 404 });
    }
  });

  it('shows a published course without its online link', async () => {
    const { course } = await createCourse(db(), { format: 'hybrid', onlineUrl: 'https://meet.example/geheim', costCents: 2500 });
    const result = await courseLoader(argsOf(get(`/cursussen/${course.id}?utm_source=krant`), { id: course.id }));
    expect(result.course.sessions).toHaveLength(3);
    expect(result.course.cost).toMatch(/25,00/);
    expect(result.signUpHref).toBe(`/cursussen/${course.id}/aanmelden?utm_source=krant`);
    expect(JSON.stringify(result)).not.toContain('meet.example');
  });
});

describe('sign-up form', () => {
  it('answers bad input with 400, a message per field, and keeps what was typed', async () => {
    const { course } = await createCourse(db());
    const { status, data } = answerOf<Reply>(
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
      const { status, data } = answerOf<Reply>(await signUpVia(course.id, validFields('m', { municipality })));
      expect(status).toBe(400);
      expect(data.error?.municipality?.[0]).toMatch(/gemeente/i);
    }
    const long = answerOf<Reply>(await signUpVia(course.id, validFields('m', { accessibilityNeeds: 'x'.repeat(1001) })));
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
    const missing = answerOf<Reply>(await signUpVia(course.id, validFields('q')));
    expect(missing.status).toBe(400);
    expect(missing.data.error?.[`q.${motivation!.id}`]?.[0]).toBe('Geef antwoord op deze vraag.');
    expect(missing.data.error?.[`q.${evening!.id}`]?.[0]).toBe('Kies een antwoord.');
    expect(missing.data.error?.[`q.${member!.id}`]).toBeUndefined();

    const wrong = answerOf<Reply>(
      await signUpVia(
        course.id,
        validFields('q', { [`q.${motivation!.id}`]: 'Ik wil meedoen', [`q.${evening!.id}`]: 'zondag', [`q.${member!.id}`]: 'misschien' }),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.error?.[`q.${evening!.id}`]?.[0]).toMatch(/Kies een van de antwoorden/);
    expect(wrong.data.error?.[`q.${member!.id}`]?.[0]).toMatch(/Kies een van de antwoorden/);
    expect(wrong.data.initialValue).toMatchObject({ q: { [motivation!.id]: 'Ik wil meedoen' } });

    const ok = await signUpAndConfirm(
      course.id,
      validFields('q', { [`q.${motivation!.id}`]: 'Ik wil meedoen', [`q.${evening!.id}`]: 'donderdag', [`q.${member!.id}`]: 'no' }),
    );
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

  it('asks the address to confirm (303 to "check your email"), and signs up with attribution once the link is followed', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    const response = (await signUpVia(
      course.id,
      validFields('ok', {
        phone: '+31 (0)6-1234 5678',
        source: 'party',
        utm_source: 'nieuwsbrief',
        utm_medium: 'email',
        utm_campaign: '',
        accessibilityNeeds: 'Ringleiding',
      }),
    )) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/cursussen/${course.id}/aanmelden/verstuurd`);
    // Nothing is held yet: no registration, no seat, only the email with the link.
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
    const sent = await sentLoader(argsOf(get(`/cursussen/${course.id}/aanmelden/verstuurd`), { id: course.id }));
    expect(sent).toEqual({ id: course.id, title: course.title });
    const token = await confirmTokenFor('route-ok@example.nl');
    expect(token).toHaveLength(32);

    // Opening the link changes nothing (mail scanners open links); the button does.
    expect(answerOf<Reply>(await confirmLoader(argsOf(get(`/aanmelden/bevestigen/${token}`), { token }))).data).toEqual({
      found: true,
      courseId: course.id,
      courseTitle: course.title,
      name: 'Deelnemer ok',
    });
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
    const confirmed = (await confirmVia(token)) as Response;
    expect(confirmed.status).toBe(303);
    const manageToken = tokenOf(confirmed)!;
    expect(
      answerOf<Record<string, unknown>>(await manageLoader(argsOf(get(`/aanmelding/${manageToken}`), { token: manageToken }))).data,
    ).toMatchObject({
      status: 'confirmed',
    });
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'route-ok@example.nl'));
    expect(row).toMatchObject({
      status: 'confirmed',
      municipalityCode: 'GM0193',
      phone: '+31 (0)6-1234 5678',
      source: 'party',
      utm: { source: 'nieuwsbrief', medium: 'email' },
      accessibilityNeeds: 'Ringleiding',
      privacyVersion, // the statement's version at the time of sign-up
      userId: null,
      locale: 'nl',
    });
    expect(await emailsTo(db(), 'route-ok@example.nl', 'registration-confirmed')).toHaveLength(1);

    // The link works once; a second press finds nothing.
    expect(answerOf<Reply>(await confirmVia(token)).status).toBe(404);
    expect(answerOf<Reply>(await confirmLoader(argsOf(get(`/aanmelden/bevestigen/${token}`), { token }))).status).toBe(404);
  });

  it('gives the seat to whoever confirms first, and the waitlist to the later one', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    await signUpVia(course.id, validFields('vroeg'));
    await signUpVia(course.id, validFields('laat'));
    const early = await confirmTokenFor('route-vroeg@example.nl');
    const late = await confirmTokenFor('route-laat@example.nl');
    expect(tokenOf((await confirmVia(late)) as Response)).toBeTruthy();
    expect(tokenOf((await confirmVia(early)) as Response)).toBeTruthy();
    const rows = await db().select().from(registrations).where(eq(registrations.courseId, course.id));
    expect(Object.fromEntries(rows.map((r) => [r.email, r.status]))).toEqual({
      'route-laat@example.nl': 'confirmed',
      'route-vroeg@example.nl': 'waitlisted',
    });
  });

  it('a link older than 24 hours no longer signs up', async () => {
    const { course } = await createCourse(db());
    await signUpVia(course.id, validFields('oud'));
    const token = await confirmTokenFor('route-oud@example.nl');
    setClock(new Date(now().getTime() + 24 * HOUR + 1000));
    expect(answerOf<Reply>(await confirmVia(token)).status).toBe(404);
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
  });

  it('tells a logged-in person with this confirmed address the outcome at once, and links the account', async () => {
    const { course } = await createCourse(db());
    const [user] = await db()
      .insert(users)
      .values({ email: 'ingelogd@example.nl', name: 'Ina Ingelogd', emailVerifiedAt: now() })
      .returning();
    const cookie = await cookieFor(db(), user!.id);
    const loaded = await signUpLoader(argsOf(get(`/cursussen/${course.id}/aanmelden?utm_campaign=herfst`, cookie), { id: course.id }));
    expect(loaded.prefill).toMatchObject({ name: 'Ina Ingelogd', email: 'ingelogd@example.nl', utm_campaign: 'herfst' });
    expect(loaded.municipalityGroups.flatMap((g) => g.options)).toHaveLength(342);
    const response = (await signUpVia(
      course.id,
      validFields('ina', { name: 'Ina Ingelogd', email: 'Ingelogd@example.nl' }),
      undefined,
      cookie,
    )) as Response;
    expect(response.status).toBe(303);
    expect(tokenOf(response)).toBeTruthy();
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'ingelogd@example.nl'));
    expect(row!.userId).toBe(user!.id);
    expect(await emailsTo(db(), 'ingelogd@example.nl', 'sign-up-confirm')).toHaveLength(0);
    // Again: their own registration, said so, and no email.
    const again = (await signUpVia(course.id, validFields('ina', { email: 'ingelogd@example.nl' }), undefined, cookie)) as Response;
    expect(again.headers.get('Location')).toMatch(/^\/aanmelding\/[a-z2-7]{32}\?notice=signUp\.already#notice$/);
    expect(await emailsTo(db(), 'ingelogd@example.nl')).toHaveLength(1); // the confirmation only
  });

  it('a logged-in person signing up another address, or with an unconfirmed one, gets the neutral answer', async () => {
    const { course } = await createCourse(db());
    const [verified, unverified] = await db()
      .insert(users)
      .values([
        { email: 'ander-ingelogd@example.nl', name: 'Ander', emailVerifiedAt: now() },
        { email: 'onbevestigd@example.nl', name: 'Onbevestigd', emailVerifiedAt: null },
      ])
      .returning();
    const other = await cookieFor(db(), verified!.id);
    const response = (await signUpVia(course.id, validFields('vreemd'), undefined, other)) as Response;
    expect(response.headers.get('Location')).toBe(`/cursussen/${course.id}/aanmelden/verstuurd`);
    const own = await cookieFor(db(), unverified!.id);
    const claimed = (await signUpVia(course.id, validFields('x', { email: 'onbevestigd@example.nl' }), undefined, own)) as Response;
    expect(claimed.headers.get('Location')).toBe(`/cursussen/${course.id}/aanmelden/verstuurd`);
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(0);
    // Once confirmed: the other address's registration is not linked to the account that typed it;
    // the account's own (unconfirmed) address is.
    await confirmVia(await confirmTokenFor('route-vreemd@example.nl'));
    await confirmVia(await confirmTokenFor('onbevestigd@example.nl'));
    const rows = await db().select().from(registrations).where(eq(registrations.courseId, course.id));
    expect(Object.fromEntries(rows.map((r) => [r.email, r.userId]))).toEqual({
      'route-vreemd@example.nl': null,
      'onbevestigd@example.nl': unverified!.id,
    });
  });

  it('answers an address that is on the course exactly as a new one; the owner gets the email, and the link shows their registration', async () => {
    const { course } = await createCourse(db());
    const first = await signUpAndConfirm(course.id, validFields('dubbel'));
    const existingToken = tokenOf(first)!;
    const known = (await signUpVia(course.id, validFields('dubbel', { email: 'ROUTE-dubbel@example.nl ' }))) as Response;
    const unknown = (await signUpVia(course.id, validFields('nieuw'))) as Response;
    for (const response of [known, unknown]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe(`/cursussen/${course.id}/aanmelden/verstuurd`);
    }
    expect([...known.headers.entries()]).toEqual([...unknown.headers.entries()]);
    expect(await known.text()).toBe(await unknown.text());
    // Both owners got the same kind of email; the known one's link leads to the registration they have.
    expect(await emailsTo(db(), 'route-dubbel@example.nl', 'sign-up-confirm')).toHaveLength(2);
    expect(await emailsTo(db(), 'route-nieuw@example.nl', 'sign-up-confirm')).toHaveLength(1);
    const again = (await confirmVia(await confirmTokenFor('route-dubbel@example.nl'))) as Response;
    const againToken = /^\/aanmelding\/([a-z2-7]{32})\?notice=signUp\.already#notice$/.exec(again.headers.get('Location') ?? '')?.[1];
    expect(againToken).toBeTruthy();
    const shown = answerOf<Record<string, unknown>>(await manageLoader(argsOf(get(`/aanmelding/${againToken}`), { token: againToken! })));
    const before = answerOf<Record<string, unknown>>(
      await manageLoader(argsOf(get(`/aanmelding/${existingToken}`), { token: existingToken })),
    );
    expect(shown.data).toEqual(before.data);
    expect(await db().select().from(registrations).where(eq(registrations.email, 'route-dubbel@example.nl'))).toHaveLength(1);
  });

  it('refuses (409) with the reason when sign-up has closed', async () => {
    const late = await createCourse(db(), { registrationClosesAt: new Date(now().getTime() - HOUR) });
    const { status, data } = answerOf<Reply>(await signUpVia(late.course.id, validFields('laat')));
    expect(status).toBe(409);
    expect(data.error?.['']?.[0]).toBe('De aanmeldtermijn is voorbij');
    const cancelled = await createCourse(db(), { status: 'cancelled' });
    const refused = answerOf<Reply>(await signUpVia(cancelled.course.id, validFields('afgelast')));
    expect(refused.status).toBe(409);
    expect(refused.data.error?.['']?.[0]).toBe('Deze cursus gaat niet door');
    // The form page itself says it too, instead of showing the form.
    const page = await signUpLoader(argsOf(get(`/cursussen/${late.course.id}/aanmelden`), { id: late.course.id }));
    expect(page.availability).toBe('deadline-passed');
  });

  it('limits sign-ups per IP address (429)', async () => {
    const { course } = await createCourse(db());
    const ip = '198.51.100.99';
    for (let i = 0; i < rules.signupPerIp.limit; i++) await hit(db(), rules.signupPerIp, ip);
    const { status, data } = answerOf<Reply>(await signUpVia(course.id, validFields('veel'), ip));
    expect(status).toBe(429);
    expect(data.error?.['']?.[0]).toMatch(/Te veel pogingen/);
    expect(await db().select().from(registrations).where(eq(registrations.email, 'route-veel@example.nl'))).toHaveLength(0);
  });
});

describe('the registration page behind the link', () => {
  const manage = (token: string, fields?: Record<string, string>) =>
    fields
      ? manageAction(argsOf(post(`/aanmelding/${token}`, fields), { token }))
      : manageLoader(argsOf(get(`/aanmelding/${token}`), { token }));

  it('tells only someone with a seat that it goes to someone else; a waitlist place is not a seat', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    const seated = await signUp(db(), course.id, person('plek-1'));
    const waiting = await signUp(db(), course.id, person('plek-2'));
    if (seated.status !== 'confirmed' || waiting.status !== 'waitlisted') throw new Error('unexpected sign-up result');
    const hintOf = async (token: string) => (answerOf<Reply>(await manage(token)).data as unknown as { cancelHint: string }).cancelHint;
    expect(await hintOf(seated.manageToken)).toMatch(
      /^Kun je toch niet\? Meld je dan af, dan gaat je plek naar iemand anders\. Dat kan tot /,
    );
    const hint = await hintOf(waiting.manageToken);
    expect(hint).toMatch(/^Wil je toch niet meer meedoen\? Haal jezelf dan van de wachtlijst\. Dat kan tot /);
    expect(hint).not.toMatch(/je plek/);
  });

  it('answers a forged link with a friendly 404', async () => {
    for (const token of ['abc', 'a'.repeat(32), '../../etc/passwd']) {
      const loaded = answerOf<Reply>(await manage(token));
      expect(loaded.status).toBe(404);
      expect(loaded.data).toEqual({ found: false });
      expect(answerOf<Reply>(await manage(token, { intent: 'cancel', confirm: 'yes' })).status).toBe(404);
    }
  });

  it('cancels after a second confirmation, and the freed seat is offered to the waitlist; that person claims it', async () => {
    const { course } = await createCourse(db(), { capacity: 1, claimWindowHours: 48 });
    const first = tokenOf(await signUpAndConfirm(course.id, validFields('eerste')))!;
    const second = tokenOf(await signUpAndConfirm(course.id, validFields('tweede')))!;

    const shown = answerOf<Record<string, unknown>>(await manage(first)).data;
    expect(shown).toMatchObject({ found: true, status: 'confirmed', canCancel: true, courseTitle: course.title });
    expect(answerOf<Record<string, unknown>>(await manage(second)).data).toMatchObject({ status: 'waitlisted', position: 1 });

    // First press: only the question.
    expect(answerOf<Reply>(await manage(first, { intent: 'cancel' })).data).toEqual({ outcome: 'confirm-cancel' });
    expect(answerOf<Record<string, unknown>>(await manage(first)).data).toMatchObject({ status: 'confirmed' });

    const cancelled = (await manage(first, { intent: 'cancel', confirm: 'yes' })) as Response;
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('Location')).toBe(`/aanmelding/${first}?notice=signUp.cancelled#notice`);
    expect(answerOf<Record<string, unknown>>(await manage(first)).data).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(answerOf<Reply>(await manage(first, { intent: 'cancel', confirm: 'yes' })).data).toEqual({ outcome: 'already-cancelled' });

    const offered = answerOf<Record<string, unknown>>(await manage(second)).data;
    expect(offered).toMatchObject({ status: 'offered', offerOpen: true });
    expect(await emailsTo(db(), 'route-tweede@example.nl', 'seat-offered')).toHaveLength(1);

    const claimed = (await manage(second, { intent: 'claim' })) as Response;
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get('Location')).toBe(`/aanmelding/${second}?notice=signUp.claimed#notice`);
    expect(answerOf<Record<string, unknown>>(await manage(second)).data).toMatchObject({ status: 'confirmed' });
    // Claiming twice says there is no offer any more.
    expect(answerOf<Reply>(await manage(second, { intent: 'claim' }))).toEqual({ status: 409, data: { outcome: 'not-offered' } });
  });

  it('no longer cancels after the cancellation deadline', async () => {
    const { course } = await createCourse(db(), { cancellationDeadline: new Date(now().getTime() + DAY) });
    const token = tokenOf(await signUpAndConfirm(course.id, validFields('deadline')))!;
    await db()
      .update(courses)
      .set({ cancellationDeadline: new Date(now().getTime() - HOUR) })
      .where(eq(courses.id, course.id));
    expect(answerOf<Record<string, unknown>>(await manage(token)).data).toMatchObject({ status: 'confirmed', canCancel: false });
    expect(answerOf<Reply>(await manage(token, { intent: 'cancel', confirm: 'yes' }))).toEqual({
      status: 409,
      data: { outcome: 'too-late' },
    });
  });
});

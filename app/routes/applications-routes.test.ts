import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, consents, emailMessages, menteeApplications } from '~db/schema';
import { signUp } from '~/modules/courses/registrations.server';
import { createCourse, person } from '../../test/courses';
import { setupTestDatabase } from '../../test/database';
import { call, cookieFor, get, makeCoordinator, post, run } from '../../test/routes';
import { createApplication, createNetwork, createUser } from '../../test/mentoring';
import * as accountApplications from './account_.mentoraat';
import * as detail from './beheer.netwerken.$id.aanvragen.$applicationId';
import * as list from './beheer.netwerken.$id.aanvragen._index';
import * as apply from './mentoraat.aanvragen.$networkId';
import * as mentoring from './mentoraat._index';

const t = setupTestDatabase();

async function loggedIn(fields: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(t.handle.db, fields);
  return { user, cookie: await cookieFor(t.handle.db, user.id) };
}

async function coordinatorOf(organisationId: string) {
  const session = await loggedIn();
  await makeCoordinator(t.handle.db, session.user.id, organisationId);
  return session;
}

/** Runs a loader or action; a thrown Response (404, redirect) comes back as the value. */

type Reply = {
  data: { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }; existing: boolean };
  init: { status: number };
};

const valid = {
  municipality: 'GM0193',
  themes: ['zorg', 'onderwijs'],
  goals: ['become-council-member'],
  goalsText: 'Ik wil de raad in.',
  party: 'Lokaal Belang',
  meetingModes: ['in-person', 'online'],
  languages: ['nl'],
  availability: ['tue-evening', 'sat-morning'],
  mentorGender: 'woman',
  sameParty: 'on',
  accessibilityNeeds: 'Een ruimte met een lift',
  phone: '06 12345678',
  focusGroups: ['women'],
};

describe('/mentoraat', () => {
  it('shows anonymous visitors the national networks, and regional ones for the chosen municipality', async () => {
    const national = await createNetwork(t.handle.db, { name: 'Landelijk netwerk' });
    const overijssel = await createNetwork(t.handle.db, { regionKind: 'provinces', regionCodes: ['PV23'] });
    const page = await run(mentoring.loader, get('/mentoraat'));
    const ids = page.networks.map((n) => n.id);
    expect(ids).toContain(national.id);
    expect(ids).not.toContain(overijssel.id);
    expect(page.loggedIn).toBe(false);

    const inZwolle = await run(mentoring.loader, get('/mentoraat?gemeente=GM0193&bron=cursus-opvolging&utm_medium=email'));
    expect(inZwolle.municipality).toEqual({ code: 'GM0193', name: 'Zwolle' });
    const card = inZwolle.networks.find((n) => n.id === overijssel.id)!;
    expect(card).toMatchObject({ region: 'Overijssel', focusGroup: 'Iedereen', applied: false });
    expect(inZwolle.query).toBe('?bron=cursus-opvolging&utm_medium=email');
    expect(inZwolle.applyQuery).toBe('?bron=cursus-opvolging&utm_medium=email&gemeente=GM0193');
    // The form starts with that municipality and carries the source in hidden fields.
    const { cookie } = await loggedIn();
    const formPage = await run(apply.loader, get(`/mentoraat/aanvragen/${overijssel.id}${inZwolle.applyQuery}`, cookie), {
      networkId: overijssel.id,
    });
    expect(formPage.loggedIn && formPage.prefill).toMatchObject({ municipality: 'GM0193', bron: 'cursus-opvolging', utm_medium: 'email' });
  });

  it('takes the municipality of the person’s latest course registration when none is chosen', async () => {
    const { user, cookie } = await loggedIn();
    const amsterdam = await createNetwork(t.handle.db, { regionKind: 'municipalities', regionCodes: ['GM0363'] });
    const { course } = await createCourse(t.handle.db);
    await signUp(t.handle.db, course.id, person('amsterdammer', { email: user.email, userId: user.id, municipalityCode: 'GM0363' }));
    const page = await run(mentoring.loader, get('/mentoraat', cookie));
    expect(page.municipality?.code).toBe('GM0363');
    expect(page.networks.map((n) => n.id)).toContain(amsterdam.id);
    // Choosing "no municipality" in the filter shows only the national ones.
    const none = await run(mentoring.loader, get('/mentoraat?gemeente=', cookie));
    expect(none.networks.map((n) => n.id)).not.toContain(amsterdam.id);
  });
});

describe('/mentoraat/aanvragen/:networkId', () => {
  it('asks anonymous visitors to log in and come back (with the source), and answers 404 for closed or unknown networks', async () => {
    const network = await createNetwork(t.handle.db);
    const page = await run(apply.loader, get(`/mentoraat/aanvragen/${network.id}?bron=cursus-opvolging`), { networkId: network.id });
    expect(page.loggedIn).toBe(false);
    expect(page.loggedIn === false && page.loginUrl).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/mentoraat/aanvragen/${network.id}?bron=cursus-opvolging`)}`,
    );
    const posted = (await call(apply.action, post(`/mentoraat/aanvragen/${network.id}`, valid), { networkId: network.id })) as Response;
    expect(posted.status).toBe(302);
    expect(posted.headers.get('Location')).toMatch(/^\/inloggen\?redirectTo=/);

    const closed = await createNetwork(t.handle.db, { applicationsOpen: false });
    const { cookie } = await loggedIn();
    for (const id of [closed.id, '00000000-0000-4000-8000-000000000000', 'niet-een-id']) {
      const answer = (await call(apply.loader, get(`/mentoraat/aanvragen/${id}`, cookie), { networkId: id })) as Response;
      expect(answer.status).toBe(404);
    }
    const closedPost = (await call(apply.action, post(`/mentoraat/aanvragen/${closed.id}`, valid, cookie), {
      networkId: closed.id,
    })) as Response;
    expect(closedPost.status).toBe(404);
  });

  it('refuses a form with problems field by field, keeps the input, and writes nothing', async () => {
    const network = await createNetwork(t.handle.db, {
      regionKind: 'provinces',
      regionCodes: ['PV23'],
      intakeQuestions: [{ id: 'motivatie', label: 'Waarom?', kind: 'text', options: [], required: true }],
    });
    const { user, cookie } = await loggedIn();
    const reply = (await run(
      apply.action,
      post(
        `/mentoraat/aanvragen/${network.id}`,
        { ...valid, municipality: 'GM0363', themes: [], onlineOnly: 'on', meetingModes: ['in-person'], disability: 'on' },
        cookie,
      ),
      { networkId: network.id },
    )) as unknown as Reply;
    expect(reply.init.status).toBe(400);
    const errors = reply.data.result.error!;
    expect(Object.keys(errors).sort()).toEqual(['disabilityConsent', 'municipality', 'onlineOnly', 'q.motivatie', 'themes']);
    expect(errors.municipality).toEqual(['Dit netwerk is er niet voor jouw gemeente. Kies een netwerk in je eigen regio.']);
    expect(reply.data.result.initialValue).toMatchObject({ goalsText: 'Ik wil de raad in.', party: 'Lokaal Belang', disability: 'on' });
    expect(await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.userId, user.id))).toHaveLength(0);
    expect(await t.handle.db.select().from(consents).where(eq(consents.userId, user.id))).toHaveLength(0);
    expect(await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, user.email))).toHaveLength(0);
  });

  it('stores an application with its source, consent and email, then points a second one to the first', async () => {
    const network = await createNetwork(t.handle.db, {
      intakeQuestions: [{ id: 'cursus', label: 'Cursus gevolgd?', kind: 'yes-no', options: [], required: true }],
    });
    const { user, cookie } = await loggedIn();
    const fields = {
      ...valid,
      'q.cursus': 'yes',
      disability: 'on',
      disabilityConsent: 'on',
      bron: 'cursus-opvolging',
      utm_source: 'politiekactief',
      utm_medium: 'email',
      utm_campaign: 'cursus-opvolging',
    };
    const done = (await call(apply.action, post(`/mentoraat/aanvragen/${network.id}`, fields, cookie), {
      networkId: network.id,
    })) as Response;
    expect(done.status).toBe(303);
    const [row] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.userId, user.id));
    expect(done.headers.get('Location')).toBe('/account/mentoraat?notice=application.sent#notice');
    expect(row).toMatchObject({
      municipalityCode: 'GM0193',
      themes: ['zorg', 'onderwijs'],
      goals: ['become-council-member'],
      party: 'Lokaal Belang',
      availability: ['tue-evening', 'sat-morning'],
      mustHaves: { mentorGender: 'woman', sameParty: true },
      answers: { cursus: 'yes' },
      focusGroups: ['women'],
      phone: '06 12345678',
      disability: true,
      source: 'cursus-opvolging',
      utm: { source: 'politiekactief', medium: 'email', campaign: 'cursus-opvolging' },
    });
    expect(row!.disabilityConsentId).not.toBeNull();
    const mails = await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, user.email));
    expect(mails.map((m) => m.template)).toEqual(['application-received']);

    const again = (await run(apply.action, post(`/mentoraat/aanvragen/${network.id}`, fields, cookie), {
      networkId: network.id,
    })) as unknown as Reply;
    expect(again.init.status).toBe(409);
    expect(again.data.existing).toBe(true);
    const page = await run(apply.loader, get(`/mentoraat/aanvragen/${network.id}`, cookie), { networkId: network.id });
    expect(page.loggedIn && page.existing).toBe(true);
    const listPage = await run(mentoring.loader, get('/mentoraat', cookie));
    expect(listPage.networks.find((n) => n.id === network.id)?.applied).toBe(true);
  });
});

describe('/account/mentoraat', () => {
  it('lists the person’s own applications, withdraws them and their consent, and 404s on someone else’s', async () => {
    const network = await createNetwork(t.handle.db);
    const { user, cookie } = await loggedIn();
    const { application } = await createApplication(t.handle.db, network.id, { userId: user.id });
    const { application: theirs } = await createApplication(t.handle.db, network.id);

    const page = await run(accountApplications.loader, get(`/account/mentoraat?intrekken=${application.id}`, cookie));
    expect(page.applications.map((a) => a.id)).toEqual([application.id]);
    expect(page.confirmWithdraw?.id).toBe(application.id);
    expect((await run(accountApplications.loader, get(`/account/mentoraat?intrekken=${theirs.id}`, cookie))).confirmWithdraw).toBeNull();

    for (const intent of ['withdraw-application', 'withdraw-consent']) {
      const refused = (await call(
        accountApplications.action,
        post('/account/mentoraat', { intent, applicationId: theirs.id }, cookie),
      )) as Response;
      expect(refused.status).toBe(404);
      const refusedConfirmed = (await call(
        accountApplications.action,
        post('/account/mentoraat', { intent, applicationId: theirs.id, confirm: 'yes' }, cookie),
      )) as Response;
      expect(refusedConfirmed.status).toBe(404);
    }
    const [untouched] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, theirs.id));
    expect(untouched!.status).toBe('waiting');

    const anonymous = (await call(accountApplications.loader, get('/account/mentoraat'))) as Response;
    expect(anonymous.status).toBe(302);

    // One click without confirm=yes changes nothing: it opens the confirmation step.
    const asked = (await call(
      accountApplications.action,
      post('/account/mentoraat', { intent: 'withdraw-application', applicationId: application.id }, cookie),
    )) as Response;
    expect(asked.headers.get('Location')).toBe(`/account/mentoraat?intrekken=${application.id}#intrekken`);
    const [stillWaiting] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, application.id));
    expect(stillWaiting!.status).toBe('waiting');

    const result = (await call(
      accountApplications.action,
      post('/account/mentoraat', { intent: 'withdraw-application', applicationId: application.id, confirm: 'yes' }, cookie),
    )) as Response;
    expect(result.status).toBe(303);
    expect(result.headers.get('Location')).toBe('/account/mentoraat?notice=application.withdrawn#notice');
    const [row] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, application.id));
    expect(row!.status).toBe('withdrawn');
    expect(row!.withdrawnAt).not.toBeNull();
  });

  it('withdraws the special-category consent: disability erased at once', async () => {
    const network = await createNetwork(t.handle.db);
    const { user, cookie } = await loggedIn();
    const fields = { ...valid, disability: 'on', disabilityConsent: 'on' };
    await call(apply.action, post(`/mentoraat/aanvragen/${network.id}`, fields, cookie), { networkId: network.id });
    const [row] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.userId, user.id));
    const page = await run(accountApplications.loader, get(`/account/mentoraat?toestemming=${row!.id}`, cookie));
    expect(page.applications[0]!.sharesDisability).toBe(true);
    expect(page.confirmConsent?.id).toBe(row!.id);
    const asked = (await call(
      accountApplications.action,
      post('/account/mentoraat', { intent: 'withdraw-consent', applicationId: row!.id }, cookie),
    )) as Response;
    expect(asked.headers.get('Location')).toBe(`/account/mentoraat?toestemming=${row!.id}#toestemming`);
    const [kept] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, row!.id));
    expect(kept!.disability).toBe(true);

    const withdrawn = (await call(
      accountApplications.action,
      post('/account/mentoraat', { intent: 'withdraw-consent', applicationId: row!.id, confirm: 'yes' }, cookie),
    )) as Response;
    expect(withdrawn.headers.get('Location')).toBe('/account/mentoraat?notice=application.consentWithdrawn#notice');
    const [after] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, row!.id));
    expect(after!.disability).toBeNull();
    const [consent] = await t.handle.db.select().from(consents).where(eq(consents.userId, user.id));
    expect(consent!.withdrawnAt).not.toBeNull();
    expect((await run(accountApplications.loader, get('/account/mentoraat', cookie))).applications[0]!.sharesDisability).toBe(false);
  });
});

describe('/beheer/netwerken/:id/aanvragen', () => {
  it('lists and shows applications to the network’s coordinators, auditing each read of disability', async () => {
    const network = await createNetwork(t.handle.db);
    const { cookie } = await coordinatorOf(network.organisationId);
    const applicant = await loggedIn();
    await call(
      apply.action,
      post(
        `/mentoraat/aanvragen/${network.id}`,
        { ...valid, disability: 'on', disabilityConsent: 'on', bron: 'nieuwsbrief' },
        applicant.cookie,
      ),
      { networkId: network.id },
    );
    const page = await run(list.loader, get(`/beheer/netwerken/${network.id}/aanvragen`, cookie), { id: network.id });
    expect(page.applications).toHaveLength(1);
    expect(page.applications[0]).toMatchObject({ name: applicant.user.name, municipalityName: 'Zwolle', source: 'nieuwsbrief' });
    expect(JSON.stringify(page)).not.toMatch(/disab/i);

    const id = page.applications[0]!.id;
    const shown = await run(detail.loader, get(`/beheer/netwerken/${network.id}/aanvragen/${id}`, cookie), {
      id: network.id,
      applicationId: id,
    });
    expect(shown.application.selfIdentification).toEqual(['Vrouwen', 'heeft een beperking (gedeeld met toestemming)']);
    expect(shown.application.disabilityShown).toBe(true);
    const events = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'read', entity: 'mentee_application.disability', subjectUserId: applicant.user.id });
  });

  it('answers 404 to other organisations’ coordinators, to people who coordinate nothing, and for another network’s application', async () => {
    const network = await createNetwork(t.handle.db);
    const { application } = await createApplication(t.handle.db, network.id);
    const other = await createNetwork(t.handle.db);
    const { cookie: otherCoordinator } = await coordinatorOf(other.organisationId);
    const { cookie: nobody } = await loggedIn();
    for (const cookie of [otherCoordinator, nobody]) {
      const listed = (await call(list.loader, get(`/beheer/netwerken/${network.id}/aanvragen`, cookie), { id: network.id })) as Response;
      expect(listed.status).toBe(404);
      const shown = (await call(detail.loader, get('/x', cookie), { id: network.id, applicationId: application.id })) as Response;
      expect(shown.status).toBe(404);
    }
    // Through the coordinator's own network, an application of another network is not found either.
    const shown = (await call(detail.loader, get('/x', otherCoordinator), { id: other.id, applicationId: application.id })) as Response;
    expect(shown.status).toBe(404);
    const anonymous = (await call(list.loader, get(`/beheer/netwerken/${network.id}/aanvragen`), { id: network.id })) as Response;
    expect(anonymous.status).toBe(302);
  });
});

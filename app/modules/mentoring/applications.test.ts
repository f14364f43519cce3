import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, consents } from '~db/schema/privacy';
import { emailMessages } from '~db/schema/email';
import { menteeApplications } from '~db/schema/mentoring';
import { rowsOf } from '~db/client.server';
import { translator } from '~/i18n';
import { createApplication, createNetwork, createUser } from '../../../test/mentoring';
import { setupTestDatabase } from '../../../test/database';
import { setClock } from '../clock.server';
import { regionFits } from './application-schema';
import {
  applicationInput,
  applicationSchema,
  NETWORK_PAGE_SIZE,
  openNetworksFor,
  openNetworksPage,
  readApplicationForCoordinator,
  submitApplication,
  withdrawApplication,
  withdrawDisabilityConsent,
  type ApplicationInput,
} from './applications.server';
import { followUpMentoringLink } from '~/modules/courses/lifecycle.server';

const t = setupTestDatabase();
const nl = translator('nl');

function input(extra: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    municipalityCode: 'GM0193',
    themes: ['zorg'],
    goals: ['become-council-member'],
    goalsText: '',
    party: null,
    meetingModes: ['online'],
    languages: ['nl'],
    availability: ['tue-evening'],
    mustHaves: {},
    accessibilityNeeds: null,
    answers: {},
    phone: null,
    focusGroups: [],
    disability: false,
    disabilityConsent: false,
    source: null,
    utm: null,
    ...extra,
  };
}

async function jobsFor(messageId: string) {
  const rows = rowsOf<{ n: number }>(
    await t.handle.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email-send' and data->>'messageId' = ${messageId}`,
    ),
  );
  return Number(rows[0]?.n);
}

describe('which networks fit a person', () => {
  it('national always; a province or municipality network only for people living there', () => {
    const zwolle = { code: 'GM0193', provinceCode: 'PV23' };
    const amsterdam = { code: 'GM0363', provinceCode: 'PV27' };
    expect(regionFits({ regionKind: 'national', regionCodes: [] }, null)).toBe(true);
    expect(regionFits({ regionKind: 'provinces', regionCodes: ['PV23'] }, zwolle)).toBe(true);
    expect(regionFits({ regionKind: 'provinces', regionCodes: ['PV23'] }, amsterdam)).toBe(false);
    expect(regionFits({ regionKind: 'provinces', regionCodes: ['PV23'] }, null)).toBe(false);
    expect(regionFits({ regionKind: 'municipalities', regionCodes: ['GM0363', 'GM0166'] }, amsterdam)).toBe(true);
    expect(regionFits({ regionKind: 'municipalities', regionCodes: ['GM0363'] }, zwolle)).toBe(false);
  });

  it('lists open networks by region, and leaves out closed ones and those whose period is over', async () => {
    setClock(new Date('2026-11-28T10:00:00Z'));
    const db = t.handle.db;
    const national = await createNetwork(db, { name: 'A landelijk' });
    const overijssel = await createNetwork(db, { name: 'B Overijssel', regionKind: 'provinces', regionCodes: ['PV23'] });
    const amsterdam = await createNetwork(db, { name: 'C Amsterdam', regionKind: 'municipalities', regionCodes: ['GM0363'] });
    const closed = await createNetwork(db, { name: 'D dicht', applicationsOpen: false });
    const over = await createNetwork(db, { name: 'E voorbij', periodStart: '2025-01-01', periodEnd: '2026-11-27' });
    const lastDay = await createNetwork(db, { name: 'F laatste dag', periodEnd: '2026-11-28' });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

    const inZwolle = ids(await openNetworksFor(db, 'GM0193'));
    expect(inZwolle).toEqual(expect.arrayContaining([national.id, overijssel.id, lastDay.id]));
    expect(inZwolle).not.toContain(amsterdam.id);
    expect(inZwolle).not.toContain(closed.id);
    expect(inZwolle).not.toContain(over.id);

    const inAmsterdam = ids(await openNetworksFor(db, 'GM0363'));
    expect(inAmsterdam).toEqual(expect.arrayContaining([national.id, amsterdam.id]));
    expect(inAmsterdam).not.toContain(overijssel.id);

    const nowhere = ids(await openNetworksFor(db, null));
    expect(nowhere).toContain(national.id);
    expect(nowhere).not.toContain(overijssel.id);
    expect(nowhere).not.toContain(amsterdam.id);

    const summary = (await openNetworksFor(db, 'GM0193')).find((n) => n.id === overijssel.id)!;
    expect(summary.regionNames).toEqual(['Overijssel']);
    // The day after the period's end the network is gone.
    setClock(new Date('2026-11-29T10:00:00Z'));
    expect(ids(await openNetworksFor(db, 'GM0193'))).not.toContain(lastDay.id);
  });
});

describe('the networks on /mentoraat', () => {
  it('come a page at a time, in the same order as the whole list, with the total of all pages', async () => {
    const db = t.handle.db;
    for (let i = 0; i < NETWORK_PAGE_SIZE + 5; i++) await createNetwork(db, { name: `Paginanetwerk ${String(i).padStart(2, '0')}` });
    const all = await openNetworksFor(db, 'GM0193');
    expect(all.length).toBeGreaterThan(NETWORK_PAGE_SIZE + 4);
    const first = await openNetworksPage(db, 'GM0193', { page: 1, pageSize: NETWORK_PAGE_SIZE });
    const second = await openNetworksPage(db, 'GM0193', { page: 2, pageSize: NETWORK_PAGE_SIZE });
    expect(first.networks).toHaveLength(NETWORK_PAGE_SIZE);
    expect([...first.networks, ...second.networks].map((n) => n.id)).toEqual(all.slice(0, 2 * NETWORK_PAGE_SIZE).map((n) => n.id));
    expect(first.total).toBe(all.length);
    expect(second.total).toBe(all.length);
    // Past the end: nothing to show, and still the total, so the page can link back.
    expect(await openNetworksPage(db, 'GM0193', { page: 99, pageSize: NETWORK_PAGE_SIZE })).toEqual({ networks: [], total: all.length });
  });
});

describe('submitting an application', () => {
  it('stores it with its source and utm, and queues the confirmation email with its job', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const person = await createUser(db);
    const outcome = await submitApplication(
      db,
      person,
      network.id,
      input({ source: 'cursus-opvolging', utm: { source: 'politiekactief', medium: 'email' } }),
      'nl',
    );
    expect(outcome.status).toBe('created');
    const id = (outcome as { applicationId: string }).applicationId;
    const [row] = await db.select().from(menteeApplications).where(eq(menteeApplications.id, id));
    expect(row).toMatchObject({
      status: 'waiting',
      source: 'cursus-opvolging',
      utm: { source: 'politiekactief', medium: 'email' },
      disability: null,
      disabilityConsentId: null,
    });
    const mails = await db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, person.email), eq(emailMessages.template, 'application-received')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.props).toMatchObject({ networkName: network.name, name: person.name });
    expect(await jobsFor(mails[0]!.id)).toBe(1);
  });

  it('writes nothing when the email cannot be recorded: application and email share one transaction', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const person = await createUser(db);
    // A recipient the outbox refuses (NOT NULL) makes the email's insert fail after the application's.
    await expect(
      submitApplication(
        db,
        { ...person, email: null as unknown as string },
        network.id,
        input({ disability: true, disabilityConsent: true }),
        'nl',
      ),
    ).rejects.toThrow();
    expect(await db.select().from(menteeApplications).where(eq(menteeApplications.userId, person.id))).toHaveLength(0);
    expect(await db.select().from(consents).where(eq(consents.userId, person.id))).toHaveLength(0);
  });

  it('allows one open application per network; after withdrawing, a new one', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const other = await createNetwork(db);
    const person = await createUser(db);
    const first = await submitApplication(db, person, network.id, input(), 'nl');
    expect(first.status).toBe('created');
    const second = await submitApplication(db, person, network.id, input(), 'nl');
    expect(second).toEqual({ status: 'duplicate', applicationId: (first as { applicationId: string }).applicationId });
    expect((await submitApplication(db, person, other.id, input(), 'nl')).status).toBe('created');
    // Two at once: the unique index lets exactly one through.
    const racer = await createUser(db);
    const raced = await Promise.all([
      submitApplication(db, racer, network.id, input(), 'nl'),
      submitApplication(db, racer, network.id, input(), 'nl'),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual(['created', 'duplicate']);
    expect(await db.select().from(menteeApplications).where(eq(menteeApplications.userId, racer.id))).toHaveLength(1);
    // Only one confirmation email for the person who applied twice.
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.recipient, person.email));
    expect(mails).toHaveLength(2);

    expect((await withdrawApplication(db, person.id, (first as { applicationId: string }).applicationId)).status).toBe('withdrawn');
    expect((await submitApplication(db, person, network.id, input(), 'nl')).status).toBe('created');
  });

  it('refuses a network that is closed', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db, { applicationsOpen: false });
    const person = await createUser(db);
    expect(await submitApplication(db, person, network.id, input(), 'nl')).toEqual({ status: 'closed' });
  });
});

describe('disability: only with consent', () => {
  it('stores disability with a special-category consent row (version, time, subject), and withdrawal erases it', async () => {
    const db = t.handle.db;
    setClock(new Date('2026-11-28T09:00:00Z'));
    const network = await createNetwork(db, { focusGroup: 'disability' });
    const person = await createUser(db);
    const outcome = await submitApplication(db, person, network.id, input({ disability: true, disabilityConsent: true }), 'nl');
    const id = (outcome as { applicationId: string }).applicationId;
    const [row] = await db.select().from(menteeApplications).where(eq(menteeApplications.id, id));
    expect(row!.disability).toBe(true);
    const [consent] = await db.select().from(consents).where(eq(consents.id, row!.disabilityConsentId!));
    expect(consent).toMatchObject({
      userId: person.id,
      purpose: 'special-category',
      subject: `application:${id}`,
      textVersion: 'bijzondere-gegevens-2026-11',
      withdrawnAt: null,
    });
    expect(consent!.givenAt.toISOString()).toBe('2026-11-28T09:00:00.000Z');

    // Someone else cannot withdraw it.
    const stranger = await createUser(db);
    expect((await withdrawDisabilityConsent(db, stranger.id, id)).status).toBe('not-found');

    setClock(new Date('2026-11-30T12:00:00Z'));
    expect((await withdrawDisabilityConsent(db, person.id, id)).status).toBe('withdrawn');
    const [after] = await db.select().from(menteeApplications).where(eq(menteeApplications.id, id));
    expect(after).toMatchObject({ disability: null, disabilityConsentId: null, status: 'waiting' });
    const [withdrawn] = await db.select().from(consents).where(eq(consents.id, consent!.id));
    expect(withdrawn!.withdrawnAt?.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('keeps no disability and records no consent when only one of the two boxes is ticked', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const consentOnly = await createUser(db);
    const outcome = await submitApplication(db, consentOnly, network.id, input({ disability: false, disabilityConsent: true }), 'nl');
    const [row] = await db
      .select()
      .from(menteeApplications)
      .where(eq(menteeApplications.id, (outcome as { applicationId: string }).applicationId));
    expect(row!.disability).toBeNull();
    expect(await db.select().from(consents).where(eq(consents.userId, consentOnly.id))).toHaveLength(0);
  });

  it('the form refuses disability without consent, with the message on the consent field', async () => {
    const network = await createNetwork(t.handle.db);
    const schema = applicationSchema(nl, t.handle.db, network);
    const base = {
      municipality: 'GM0193',
      themes: ['zorg'],
      goals: ['become-council-member'],
      noParty: true,
      meetingModes: ['online'],
      languages: ['nl'],
      availability: [],
      focusGroups: [],
    };
    const refused = await schema.safeParseAsync({ ...base, disability: true });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['disabilityConsent', nl('applications.errors.disabilityConsent')],
    ]);
    const accepted = await schema.safeParseAsync({ ...base, disability: true, disabilityConsent: true });
    expect(accepted.success).toBe(true);
    expect(applicationInput(accepted.data!, [])).toMatchObject({ disability: true, disabilityConsent: true, party: null });
  });
});

describe('coordinators reading an application', () => {
  it('shows disability only as consented self-identification and records each read; other organisations get nothing', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const coordinator = await createUser(db);
    const person = await createUser(db);
    const outcome = await submitApplication(
      db,
      person,
      network.id,
      input({ disability: true, disabilityConsent: true, focusGroups: ['women'] }),
      'nl',
    );
    const id = (outcome as { applicationId: string }).applicationId;
    const reader = { userId: coordinator.id, organisationIds: [network.organisationId] };

    const read = await readApplicationForCoordinator(db, reader, network.id, id);
    expect(read!.selfIdentification).toEqual({ focusGroups: ['women'], disability: true });
    expect(read).not.toHaveProperty('disability');
    expect(read).not.toHaveProperty('disabilityConsentId');
    await readApplicationForCoordinator(db, reader, network.id, id);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorUserId: coordinator.id,
      subjectUserId: person.id,
      organisationId: network.organisationId,
      action: 'read',
      entity: 'mentee_application.disability',
    });

    // Another organisation's coordinator, or the wrong network: nothing, and nothing recorded.
    const elsewhere = await createNetwork(db);
    expect(
      await readApplicationForCoordinator(db, { userId: coordinator.id, organisationIds: [elsewhere.organisationId] }, network.id, id),
    ).toBeNull();
    expect(await readApplicationForCoordinator(db, reader, elsewhere.id, id)).toBeNull();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).toHaveLength(2);

    // After the consent is withdrawn there is nothing special to show, and no read is recorded.
    await withdrawDisabilityConsent(db, person.id, id);
    const later = await readApplicationForCoordinator(db, reader, network.id, id);
    expect(later!.selfIdentification).toEqual({ focusGroups: ['women'], disability: false });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).toHaveLength(2);
  });

  it('records no read for an application without special-category data', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const { application } = await createApplication(db, network.id);
    const coordinator = await createUser(db);
    await readApplicationForCoordinator(
      db,
      { userId: coordinator.id, organisationIds: [network.organisationId] },
      network.id,
      application.id,
    );
    expect(await db.select().from(auditEvents).where(eq(auditEvents.entityId, application.id))).toHaveLength(0);
  });
});

describe('the course follow-up link', () => {
  it('points at /mentoraat with the source and utm parameters', () => {
    const url = new URL(followUpMentoringLink('no-show'));
    expect(url.pathname).toBe('/mentoraat');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      bron: 'cursus-opvolging',
      utm_source: 'politiekactief',
      utm_medium: 'email',
      utm_campaign: 'cursus-opvolging',
      utm_content: 'no-show',
    });
  });
});

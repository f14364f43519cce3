import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consentPurposes, registrations } from '~db/schema';
import { signUp } from '~/modules/courses/registrations.server';
import { DAY, now } from '~/modules/clock.server';
import { applicationSourceCodes, auditEntities, coordinatorSource, followUpSource, registrationSources } from '~/modules/labels';
import { readApplicationForCoordinator } from '~/modules/mentoring/applications.server';
import { consentTextVersions, giveConsent } from '~/modules/privacy/consent.server';
import { createCourse, person } from '../../test/courses';
import { setupTestDatabase } from '../../test/database';
import { createApplication, createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, get, makeCoordinator } from '../../test/routes';
import * as privacyPage from './account_.privacy';
import * as applicationPage from './beheer.netwerken.$id.aanvragen.$applicationId';
import * as applicationList from './beheer.netwerken.$id.aanvragen._index';
import * as registrationsExport from './beheer.cursussen.$id_.export[.csv]';
import * as reportPage from './beheer.rapportage';
import * as reportCsv from './beheer.rapportage[.csv]';
import { blockCode, quarterOf } from '~/modules/reports/periods';

// People read words, never the codes we store. The codes come from the lists in the code itself, so
// a code added later is looked for too; the pages and files are the ones that show such codes.

const t = setupTestDatabase();
const db = () => t.handle.db;

const knownCodes = [
  ...registrationSources,
  coordinatorSource,
  ...applicationSourceCodes,
  ...consentPurposes,
  ...Object.values(consentTextVersions),
  ...auditEntities,
];

/** Every string value in what a loader gives the page (keys are not shown, values are). */
function shownTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(shownTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(shownTexts);
  return [];
}

/** The known codes that stand as a word of their own somewhere in the texts. */
function codesIn(texts: string[]) {
  const escape = (code: string) => code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return knownCodes.filter((code) => texts.some((text) => new RegExp(`(?<![\\w-])${escape(code)}(?![\\w-])`).test(text)));
}

describe('no internal code where people read', () => {
  it('the scan itself finds a code in a text', () => {
    expect(codesIn(['Via course-follow-up', 'versie bijzondere-gegevens-2026-11'])).toEqual([
      'course-follow-up',
      'bijzondere-gegevens-2026-11',
    ]);
    expect(codesIn(['Via een politieke partij'])).toEqual([]);
  });

  it('applications list and page: the source in words', async () => {
    const network = await createNetwork(db());
    const coordinator = await createUser(db());
    await makeCoordinator(db(), coordinator.id, network.organisationId);
    const cookie = await cookieFor(db(), coordinator.id);
    const applications = [];
    for (const source of [followUpSource, 'course-follow-up', null]) {
      applications.push((await createApplication(db(), network.id, { source })).application);
    }

    const list = await call(applicationList.loader as never, get(`/beheer/netwerken/${network.id}/aanvragen`, cookie), { id: network.id });
    const listed = (list as Awaited<ReturnType<typeof applicationList.loader>>).applications;
    expect(listed.map((a) => a.source).sort()).toEqual(['E-mail na een cursus', 'E-mail na een cursus', 'onbekend']);
    expect(codesIn(shownTexts(listed))).toEqual([]);

    for (const application of applications) {
      const page = await call(applicationPage.loader as never, get(`/beheer/netwerken/${network.id}/aanvragen/${application.id}`, cookie), {
        id: network.id,
        applicationId: application.id,
      });
      expect(codesIn(shownTexts(page))).toEqual([]);
    }
  });

  it('privacy page: consents and who read the special-category data, in words', async () => {
    const network = await createNetwork(db());
    const person = await createUser(db());
    const consentIds = await Promise.all(consentPurposes.map((purpose) => giveConsent(db(), person.id, purpose, null)));
    const { application } = await createApplication(db(), network.id, {
      userId: person.id,
      disability: true,
      disabilityConsentId: consentIds[consentPurposes.indexOf('special-category')]!,
    });
    // A coordinator reads the application: that read is recorded and listed for the person.
    const coordinator = await createUser(db());
    await makeCoordinator(db(), coordinator.id, network.organisationId);
    expect(
      await readApplicationForCoordinator(
        db(),
        { userId: coordinator.id, organisationIds: [network.organisationId] },
        network.id,
        application.id,
      ),
    ).not.toBeNull();

    const page = (await call(privacyPage.loader as never, get('/account/privacy', await cookieFor(db(), person.id)))) as Awaited<
      ReturnType<typeof privacyPage.loader>
    >;
    expect(page.consents).toHaveLength(4);
    expect(page.access).toHaveLength(1);
    expect(codesIn(shownTexts(page))).toEqual([]);
  });

  it('funder report and its CSV: sources of sign-ups and applications, in words', async () => {
    const { course, organisation } = await createCourse(db(), { capacity: 40 });
    for (const [i, source] of registrationSources.entries()) await signUp(db(), course.id, person(`rapport-${i}`, { source }));
    const network = await createNetwork(db(), { organisationId: organisation.id });
    for (const source of [followUpSource, 'course-follow-up', followUpSource]) await createApplication(db(), network.id, { source });
    const coordinator = await createUser(db());
    await makeCoordinator(db(), coordinator.id, organisation.id);
    const cookie = await cookieFor(db(), coordinator.id);
    // The quarter that holds the course's first session (in two weeks; reports come in fixed blocks).
    const firstDay = new Date(now().getTime() + 14 * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
    const query = `organisatie=${organisation.id}&periode=${blockCode(quarterOf(firstDay))}`;

    // Row names are shown even where the figures in the row are hidden.
    const page = await call(reportPage.loader as never, get(`/beheer/rapportage?${query}`, cookie));
    // Rows and columns carry a `key` (an identifier for React and the chart, never rendered).
    const texts = shownTexts(JSON.parse(JSON.stringify(page, (name, value: unknown) => (name === 'key' ? undefined : value))));
    expect(texts).toContain('E-mail na een cursus');
    expect(codesIn(texts)).toEqual([]);
    const response = (await call(reportCsv.loader as never, get(`/beheer/rapportage.csv?${query}`, cookie))) as Response;
    const csv = await response.text();
    expect(csv).toContain('E-mail na een cursus');
    expect(codesIn(csv.split(/[;\r\n]/))).toEqual([]);
  });

  it('registrations CSV: how people heard of the course, in words', async () => {
    const { course, organisation } = await createCourse(db(), { capacity: 20 });
    for (const [i, source] of registrationSources.entries()) await signUp(db(), course.id, person(`bron-${i}`, { source }));
    const byCoordinator = await signUp(db(), course.id, person('bron-coordinator'));
    if (byCoordinator.status !== 'confirmed') throw new Error(`unexpected ${byCoordinator.status}`);
    await db().update(registrations).set({ source: coordinatorSource }).where(eq(registrations.id, byCoordinator.registrationId));
    const coordinator = await createUser(db());
    await makeCoordinator(db(), coordinator.id, organisation.id);

    const response = (await call(
      registrationsExport.loader as never,
      get(`/beheer/cursussen/${course.id}/export.csv`, await cookieFor(db(), coordinator.id)),
      { id: course.id },
    )) as Response;
    const csv = await response.text();
    expect(csv).toContain('Via sociale media');
    expect(csv).toContain('Aangemeld door coördinator');
    expect(codesIn(csv.split(/[;\r\n]/))).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificates, rateLimits, registrations, sessionAttendance } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createUser } from '../../test/mentoring';
import { pdfText } from '../../test/pdf';
import { call, cookieFor, dataOf, get, statusOf, type RouteHandler } from '../../test/routes';
import { DAY, now } from '~/modules/clock.server';
import { mintManageLink } from '~/modules/courses/context.server';
import { sendCourseFollowUp } from '~/modules/courses/lifecycle.server';
import * as verify from './certificaat.$code';
import * as accountDownload from './account_.certificaat.$id';
import * as manageDownload from './aanmelding.$token_.certificaat[.pdf]';
import * as manage from './aanmelding.$token';
import * as account from './account';

// /certificaat/:code says whether a certificate is genuine (initials only); the PDF downloads from
// /account and from the manage link are for the holder alone.

const t = setupTestDatabase();
const db = () => t.handle.db;

type Fixture = { code: string; withdrawnCode: string; registrationId: string; otherRegistrationId: string; token: string; cookie: string };
const f = {} as Fixture;

beforeAll(async () => {
  const { course, sessions } = await createCourse(db(), { startsInDays: -30, sessionCount: 1, title: 'Politiek Actief Deventer' });
  const holder = await createUser(db(), { name: 'Zoë Çelik-Brouwer' });
  const base = { courseId: course.id, privacyVersion: '1.0', consentedAt: now(), status: 'confirmed' as const, confirmedAt: now() };
  const [mine, other, dropped] = await db()
    .insert(registrations)
    .values([
      { ...base, userId: holder.id, name: 'Zoë Çelik-Brouwer', email: holder.email },
      { ...base, name: 'Anniek ter Weële', email: 'anniek@example.nl' },
      { ...base, name: 'Piet de Vries', email: 'piet@example.nl' },
    ])
    .returning();
  await db()
    .insert(sessionAttendance)
    .values([mine!, other!, dropped!].map((r) => ({ registrationId: r.id, sessionId: sessions[0]!.id, attended: true })));
  await sendCourseFollowUp(db(), course.id);
  const held = await db().select().from(certificates).where(eq(certificates.courseId, course.id));
  const codeOf = (id: string) => held.find((c) => c.registrationId === id)!.code;
  await db()
    .update(certificates)
    .set({ withdrawnAt: new Date(now().getTime() - DAY) })
    .where(eq(certificates.registrationId, dropped!.id));
  Object.assign(f, {
    code: codeOf(mine!.id),
    withdrawnCode: codeOf(dropped!.id),
    registrationId: mine!.id,
    otherRegistrationId: other!.id,
    token: (await db().transaction((tx) => mintManageLink(tx, other!.id))).split('/').pop()!,
    cookie: await cookieFor(db(), holder.id),
  } satisfies Fixture);
});

const verifyPage = (code: string, ip = '198.51.100.1') =>
  (verify.loader as unknown as RouteHandler)({ request: get(`/certificaat/${code}`), params: { code }, context: { ip } });

describe('/certificaat/:code', () => {
  it('confirms a genuine certificate with the course, dates, organisation and initials only', async () => {
    const result = await verifyPage(f.code);
    expect(statusOf(result)).toBe(200);
    const body = dataOf(result);
    expect(body).toMatchObject({ status: 'valid', courseTitle: 'Politiek Actief Deventer', initials: 'Z. Ç.-B.' });
    const json = JSON.stringify(body);
    expect(json).not.toContain('Zoë');
    expect(json).not.toContain('Çelik');
    expect(json).not.toContain('@');
  });

  it('answers 404 for an unknown code and 410 for a withdrawn one', async () => {
    const unknown = await verifyPage('b'.repeat(32));
    expect(statusOf(unknown)).toBe(404);
    expect(dataOf(unknown)).toEqual({ status: 'unknown' });
    const withdrawn = await verifyPage(f.withdrawnCode);
    expect(statusOf(withdrawn)).toBe(410);
    expect(dataOf(withdrawn)).toMatchObject({ status: 'withdrawn', initials: 'P. V.' });
  });

  it('limits how many codes one address checks', async () => {
    await db().delete(rateLimits);
    const ip = '198.51.100.77';
    for (let i = 0; i < 60; i++) expect(statusOf(await verifyPage('c'.repeat(32), ip))).toBe(404);
    const blocked = await verifyPage(f.code, ip);
    expect(statusOf(blocked)).toBe(429);
    expect(dataOf(blocked)).toMatchObject({ status: 'rate-limited' });
    // Another address is not affected.
    expect(statusOf(await verifyPage(f.code))).toBe(200);
  });
});

describe('downloading the certificate', () => {
  it('from /account: the holder’s own PDF, listed on the account page; anyone else’s registration is a 404', async () => {
    const own = await call(accountDownload.loader as unknown as RouteHandler, get(`/account/certificaat/${f.registrationId}`, f.cookie), {
      id: f.registrationId,
    });
    expect(own).toBeInstanceOf(Response);
    const response = own as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Cache-Control')).toContain('no-store');
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('Zoë Çelik-Brouwer');
    expect(text).toContain(`/certificaat/${f.code}`);

    const page = dataOf<{ registrations: Array<{ id: string; certificate: boolean }> }>(
      await call(account.loader as unknown as RouteHandler, get('/account', f.cookie)),
    );
    expect(page.registrations.find((r) => r.id === f.registrationId)?.certificate).toBe(true);

    const foreign = await call(
      accountDownload.loader as unknown as RouteHandler,
      get(`/account/certificaat/${f.otherRegistrationId}`, f.cookie),
      { id: f.otherRegistrationId },
    );
    expect(statusOf(foreign)).toBe(404);
    const anonymous = await call(accountDownload.loader as unknown as RouteHandler, get(`/account/certificaat/${f.registrationId}`), {
      id: f.registrationId,
    });
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).headers.get('Location')).toMatch(/^\/inloggen/);
  });

  it('from the manage link: the PDF of that registration, offered on the page; a forged link is a 404', async () => {
    const result = (await call(manageDownload.loader as unknown as RouteHandler, get(`/aanmelding/${f.token}/certificaat.pdf`), {
      token: f.token,
    })) as Response;
    expect(result.status).toBe(200);
    expect(result.headers.get('Content-Disposition')).toMatch(/attachment; filename="bewijs-van-deelname-politiek-actief-deventer\.pdf"/);
    expect(await pdfText(new Uint8Array(await result.arrayBuffer()))).toContain('Anniek ter Weële');
    const page = dataOf(await call(manage.loader as unknown as RouteHandler, get(`/aanmelding/${f.token}`), { token: f.token }));
    expect(page).toMatchObject({ hasCertificate: true });

    const forged = 'a'.repeat(32);
    expect(
      statusOf(
        await call(manageDownload.loader as unknown as RouteHandler, get(`/aanmelding/${forged}/certificaat.pdf`), { token: forged }),
      ),
    ).toBe(404);
  });
});

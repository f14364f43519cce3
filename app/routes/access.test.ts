import { beforeAll, describe, expect, it } from 'vitest';
import { academies, coordinatorInvitations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createApplication, createMentor, createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, get, makeCoordinator, post, statusOf, type RouteHandler } from '../../test/routes';
import { DAY, now } from '~/modules/clock.server';
import { generateToken, hashToken } from '~/modules/security/tokens.server';
import * as account from './account';
import * as adminHome from './admin._index';
import * as adminNew from './admin.organisaties.nieuw';
import * as adminOrganisation from './admin.organisaties.$id._index';
import * as adminEdit from './admin.organisaties.$id.bewerken';
import * as manageHome from './beheer._index';
import * as academyList from './beheer.academies._index';
import * as academyNew from './beheer.academies.nieuw';
import * as academyEdit from './beheer.academies.$id';
import * as courseList from './beheer.cursussen._index';
import * as courseNew from './beheer.cursussen.nieuw';
import * as courseFrame from './beheer.cursussen.$id';
import * as courseOverview from './beheer.cursussen.$id._index';
import * as courseRegistrations from './beheer.cursussen.$id.aanmeldingen';
import * as courseAttendance from './beheer.cursussen.$id.aanwezigheid';
import * as courseMessage from './beheer.cursussen.$id.bericht';
import * as courseEdit from './beheer.cursussen.$id.bewerken';
import * as courseExport from './beheer.cursussen.$id_.export[.csv]';
import * as invitation from './beheer.uitnodiging.$token';

// Who gets what, for every loader and action under /beheer, /admin, /mentor and /account.
// Each role runs against records of organisation A: "coordinator" coordinates A, "other" coordinates
// B only (another tenant: 404, never 403), "admin" is a platform administrator who coordinates nothing.
//
// To cover a new route: import its module and add one line to `routes` below. In paths and form
// fields, `:name` is replaced by the fixture of that name (see `Fixtures`); the first one also
// becomes the route's `id` param unless `params` says otherwise.

const roles = ['anonymous', 'candidate', 'mentor', 'coordinator', 'other', 'admin'] as const;
type Role = (typeof roles)[number];
/** `login`: redirected to the login page (and back afterwards); a number: the HTTP status. */
type Outcome = 'login' | number;
type Expected = Record<Role, Outcome>;

type Fixtures = {
  organisation: string;
  course: string;
  session: string;
  network: string;
  academy: string;
  token: string;
};
type FixtureKey = keyof Fixtures;

/** Only the organisation's coordinators (loaders 200; actions given a harmless bad body: `ok`). */
const coordinatorOnly = (ok: Outcome = 200): Expected => ({
  anonymous: 'login',
  candidate: 404,
  mentor: 404,
  coordinator: ok,
  other: 404,
  admin: 404,
});
/** Any coordinator, each seeing only their own organisations. */
const anyCoordinator = (ok: Outcome = 200): Expected => ({ ...coordinatorOnly(ok), other: ok });
const adminOnly = (ok: Outcome = 200): Expected => ({
  anonymous: 'login',
  candidate: 404,
  mentor: 404,
  coordinator: 404,
  other: 404,
  admin: ok,
});
const anyUser = (ok: Outcome = 200): Expected => ({ anonymous: 'login', candidate: ok, mentor: ok, coordinator: ok, other: ok, admin: ok });

type Route = {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
  expected: Expected;
  /** Form fields of a POST: chosen so that no role that may act changes anything (a 400 or similar). */
  body?: Record<string, string>;
  params?: Record<string, FixtureKey>;
};

const GET = (path: string, handler: unknown, expected: Expected, extra: Partial<Route> = {}): Route => ({
  method: 'GET',
  path,
  handler: handler as RouteHandler,
  expected,
  ...extra,
});
const POST = (
  path: string,
  handler: unknown,
  expected: Expected,
  body: Record<string, string> = {},
  extra: Partial<Route> = {},
): Route => ({
  method: 'POST',
  path,
  handler: handler as RouteHandler,
  expected,
  body,
  ...extra,
});

const routes: Route[] = [
  // /account
  GET('/account', account.loader, anyUser()),
  POST('/account', account.action, anyUser(400)),
  // /beheer: home, courses, academies, invitation
  GET('/beheer', manageHome.loader, anyUser()),
  GET('/beheer?organisatie=:organisation', manageHome.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/cursussen', courseList.loader, anyCoordinator()),
  GET('/beheer/cursussen?organisatie=:organisation', courseList.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/cursussen/nieuw', courseNew.loader, anyCoordinator()),
  POST('/beheer/cursussen/nieuw', courseNew.action, anyCoordinator(400)),
  GET('/beheer/cursussen/:course', courseFrame.loader, coordinatorOnly()),
  GET('/beheer/cursussen/:course', courseOverview.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course', courseOverview.action, coordinatorOnly(400)),
  GET('/beheer/cursussen/:course/bewerken', courseEdit.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course/bewerken', courseEdit.action, coordinatorOnly(400)),
  GET('/beheer/cursussen/:course/aanmeldingen', courseRegistrations.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course/aanmeldingen', courseRegistrations.action, coordinatorOnly(400)),
  GET('/beheer/cursussen/:course/aanwezigheid', courseAttendance.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course/aanwezigheid', courseAttendance.action, coordinatorOnly(400), { sessionId: ':session' }),
  GET('/beheer/cursussen/:course/bericht', courseMessage.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course/bericht', courseMessage.action, coordinatorOnly(400)),
  GET('/beheer/cursussen/:course/export.csv', courseExport.loader, coordinatorOnly()),
  GET('/beheer/academies', academyList.loader, anyCoordinator()),
  GET('/beheer/academies?organisatie=:organisation', academyList.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/academies/nieuw?organisatie=:organisation', academyNew.loader, coordinatorOnly(), { params: {} }),
  POST('/beheer/academies/nieuw', academyNew.action, coordinatorOnly(400), { organisationId: ':organisation' }),
  GET('/beheer/academies/:academy', academyEdit.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy', academyEdit.action, coordinatorOnly(400)),
  // The invitation page is for whoever holds the link; only the invited address can act on it.
  GET('/beheer/uitnodiging/:token', invitation.loader, { ...anyUser(200), anonymous: 200 }, { params: { token: 'token' } }),
  POST('/beheer/uitnodiging/:token', invitation.action, { ...anyUser(404), anonymous: 400 }, {}, { params: { token: 'token' } }),
  // /admin
  GET('/admin', adminHome.loader, adminOnly()),
  GET('/admin/organisaties/nieuw', adminNew.loader, adminOnly()),
  POST('/admin/organisaties/nieuw', adminNew.action, adminOnly(400)),
  GET('/admin/organisaties/:organisation', adminOrganisation.loader, adminOnly()),
  POST('/admin/organisaties/:organisation', adminOrganisation.action, adminOnly(400)),
  GET('/admin/organisaties/:organisation/bewerken', adminEdit.loader, adminOnly()),
  POST('/admin/organisaties/:organisation/bewerken', adminEdit.action, adminOnly(400)),
  // /mentor: no routes on this branch yet.
];

const t = setupTestDatabase();
const db = () => t.handle.db;
const fixtures = {} as Fixtures;
const cookies = {} as Record<Role, string | undefined>;

beforeAll(async () => {
  const a = await createCourse(db(), { title: 'Cursus van A' });
  const b = await createCourse(db(), { title: 'Cursus van B' });
  const network = await createNetwork(db(), { organisationId: a.organisation.id });
  const [academy] = await db().insert(academies).values({ organisationId: a.organisation.id, name: 'Academie A' }).returning();
  const token = generateToken();
  await db()
    .insert(coordinatorInvitations)
    .values({
      organisationId: a.organisation.id,
      email: 'uitgenodigd@example.nl',
      tokenHash: hashToken(token),
      expiresAt: new Date(now().getTime() + DAY),
    });
  Object.assign(fixtures, {
    organisation: a.organisation.id,
    course: a.course.id,
    session: a.sessions[0]!.id,
    network: network.id,
    academy: academy!.id,
    token,
  });

  const candidate = (await createApplication(db(), network.id)).user;
  const mentor = (await createMentor(db(), [network.id])).user;
  const coordinator = await createUser(db());
  await makeCoordinator(db(), coordinator.id, a.organisation.id);
  const other = await createUser(db());
  await makeCoordinator(db(), other.id, b.organisation.id);
  const admin = await createUser(db(), { isAdmin: true });
  cookies.anonymous = undefined;
  for (const [role, user] of [
    ['candidate', candidate],
    ['mentor', mentor],
    ['coordinator', coordinator],
    ['other', other],
    ['admin', admin],
  ] as const) {
    cookies[role] = await cookieFor(db(), user.id);
  }
});

const fill = (text: string) => text.replace(/:([a-z]+)/g, (m, key: string) => (key in fixtures ? fixtures[key as FixtureKey] : m));

function paramsOf(route: Route) {
  if (route.params) return Object.fromEntries(Object.entries(route.params).map(([name, key]) => [name, fixtures[key]]));
  const first = route.path.match(/:([a-z]+)/)?.[1] as FixtureKey | undefined;
  return first ? { id: fixtures[first] } : {};
}

function outcomeOf(result: unknown): Outcome {
  if (result instanceof Response && result.status >= 300 && result.status < 400) {
    if (result.headers.get('Location')?.startsWith('/inloggen?redirectTo=')) return 'login';
  }
  return statusOf(result);
}

describe('access to every /beheer, /admin, /mentor and /account loader and action', () => {
  it('covers every loader and action of these route files (a new route fails here until it has a line)', () => {
    const modules = import.meta.glob<Record<string, unknown>>(['./{beheer,admin,mentor,account}*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
      eager: true,
    });
    const covered = new Set(routes.map((r) => r.handler as unknown));
    const missing: string[] = [];
    for (const [file, module] of Object.entries(modules)) {
      for (const name of ['loader', 'action']) {
        if (typeof module[name] === 'function' && !covered.has(module[name])) missing.push(`${file} ${name}`);
      }
    }
    expect(Object.keys(modules).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const path = fill(route.path);
    const got: Partial<Record<Role, Outcome>> = {};
    for (const role of roles) {
      const cookie = cookies[role];
      const body = Object.fromEntries(Object.entries(route.body ?? {}).map(([k, v]) => [k, fill(v)]));
      const request = route.method === 'GET' ? get(path, cookie) : post(path, body, cookie);
      got[role] = outcomeOf(await call(route.handler, request, paramsOf(route)));
    }
    expect(got).toEqual(route.expected);
    // Another tenant's records are never a 403 (that would tell they exist).
    expect(Object.values(got)).not.toContain(403);
  });
});

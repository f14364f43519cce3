import { beforeAll, describe, expect, it } from 'vitest';
import { academies, placementHosts, certificates, invitations, elections, matches, registrations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createProposal, sampleReasons } from '../../test/matches';
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
import * as academyCallSettings from './beheer.academies.$id_.oproep';
import * as academyReviewers from './beheer.academies.$id_.beoordelaars';
import * as academySelection from './beheer.academies.$id_.selectie';
import * as academyScoring from './academies.$id_.beoordelen';
import * as academyCohort from './beheer.academies.$id_.deelnemers';
import * as academyCohortCsv from './beheer.academies.$id_.deelnemers[.csv]';
import * as accountProgrammeCertificate from './account_.academies_.certificaat.$id';
import * as courseList from './beheer.cursussen._index';
import * as courseNew from './beheer.cursussen.nieuw';
import * as courseFrame from './beheer.cursussen.$id';
import * as courseOverview from './beheer.cursussen.$id._index/route';
import * as courseRegistrations from './beheer.cursussen.$id.aanmeldingen';
import * as courseAttendance from './beheer.cursussen.$id.aanwezigheid';
import * as courseMessage from './beheer.cursussen.$id.bericht';
import * as courseEdit from './beheer.cursussen.$id.bewerken';
import * as courseCopy from './beheer.cursussen.$id.kopieren';
import * as courseExport from './beheer.cursussen.$id_.export[.csv]';
import * as invitation from './beheer.uitnodiging.$token';
import * as networkList from './beheer.netwerken._index';
import * as networkNew from './beheer.netwerken.nieuw';
import * as networkFrame from './beheer.netwerken.$id';
import * as networkOverview from './beheer.netwerken.$id._index';
import * as networkEdit from './beheer.netwerken.$id.bewerken';
import * as networkMentors from './beheer.netwerken.$id.mentoren';
import * as networkApplications from './beheer.netwerken.$id.aanvragen._index';
import * as networkApplication from './beheer.netwerken.$id.aanvragen.$applicationId';
import * as networkMatching from './beheer.netwerken.$id.koppelen/route';
import * as networkMatches from './beheer.netwerken.$id.koppelingen';
import * as networkRoute from './beheer.netwerken.$id.route';
import * as report from './beheer.rapportage';
import * as reportCsv from './beheer.rapportage[.csv]';
import * as mentorHome from './mentor._index';
import * as mentorProfile from './mentor_.profiel';
import * as mentorInvitation from './mentor_.uitnodiging.$token';
import * as mentorProposal from './mentor_.voorstellen.$matchId';
import * as mentoringHome from './mentoraat._index';
import * as mentoringApply from './mentoraat.aanvragen.$networkId';
import * as accountEmail from './account_.e-mail';
import * as accountCandidate from './account_.kandidaat';
import * as accountMatches from './account_.koppelingen';
import * as accountMentoring from './account_.mentoraat';
import * as academyCalls from './academies._index';
import * as academyCall from './academies.$id';
import * as academyApply from './academies.$id_.aanmelden';
import * as accountAcademies from './account_.academies';
import * as accountPrivacy from './account_.privacy';
import * as accountExport from './account_.privacy_.export[.json]';
import * as accountCertificate from './account_.certificaat.$id';
import * as matchPage from './koppeling.$matchId._index';
import * as matchFeedback from './koppeling.$matchId.feedback';
import * as academyPlacements from './beheer.academies.$id_.meeloopstages';
import * as myPlacement from './account_.academies_.$applicationId.meeloopstage';
import * as hostHome from './stagebieder._index/route';
import * as hostInvitation from './stagebieder_.uitnodiging.$token';

// Who gets what, for every loader and action under /beheer, /admin, /mentor(aat), /account and /koppeling.
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
  /** A network of A; the candidate applied to it, the mentor is in it. */
  network: string;
  /** A second network of A, where the candidate and the mentor have an active match (`active`). */
  second: string;
  /** A network of B (the "other" coordinator's). */
  foreignnetwork: string;
  academy: string;
  token: string;
  /** The candidate's application to `network`, proposed to the mentor as `match`. */
  application: string;
  match: string;
  active: string;
  /** A proposal in `network` between two other people. */
  foreign: string;
  mentortoken: string;
  election: string;
  /** The candidate's registration on A's course, holding a certificate. */
  certificate: string;
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
/** Public pages: everyone, logged in or not. */
const everyone = (ok: Outcome = 200): Expected => ({ ...anyUser(ok), anonymous: ok });
/** Only people with a mentor profile. */
const mentorOnly = (ok: Outcome = 200): Expected => ({ ...anyUser(404), mentor: ok });
/** Only the two people of a match (the candidate is the mentee, the mentor its mentor). */
const participants = (ok: Outcome = 200): Expected => ({ ...anyUser(404), candidate: ok, mentor: ok });
/** Nobody: a record reached through the wrong parent (another network, another person). */
const nobody: Expected = anyUser(404);

type Route = {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
  expected: Expected;
  /** Form fields of a POST: chosen so that no role that may act changes anything (a 400 or similar). */
  body?: Record<string, string | string[]>;
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
  body: Record<string, string | string[]> = {},
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
  GET('/beheer/cursussen/:course/kopieren', courseCopy.loader, coordinatorOnly()),
  POST('/beheer/cursussen/:course/kopieren', courseCopy.action, coordinatorOnly(400)),
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
  GET('/beheer/academies/:academy/oproep', academyCallSettings.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy/oproep', academyCallSettings.action, coordinatorOnly(400)),
  GET('/beheer/academies/:academy/beoordelaars', academyReviewers.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy/beoordelaars', academyReviewers.action, coordinatorOnly(400), { intent: 'invite' }),
  GET('/beheer/academies/:academy/selectie', academySelection.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy/selectie', academySelection.action, coordinatorOnly(400), { intent: 'decide' }),
  // The scoring page: the academy's coordinators and reviewers (none among these roles) only.
  GET('/academies/:academy/beoordelen', academyScoring.loader, coordinatorOnly()),
  POST('/academies/:academy/beoordelen', academyScoring.action, coordinatorOnly(400)),
  GET('/beheer/academies/:academy/meeloopstages', academyPlacements.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy/meeloopstages', academyPlacements.action, coordinatorOnly(400)),
  GET('/beheer/academies/:academy/deelnemers', academyCohort.loader, coordinatorOnly()),
  POST('/beheer/academies/:academy/deelnemers', academyCohort.action, coordinatorOnly(400), { minModules: 'geen getal' }),
  GET('/beheer/academies/:academy/deelnemers.csv', academyCohortCsv.loader, coordinatorOnly()),
  // The invitation page is for whoever holds the link; only the invited address can act on it.
  GET('/beheer/uitnodiging/:token', invitation.loader, { ...anyUser(200), anonymous: 200 }, { params: { token: 'token' } }),
  // Every invitation page (one action, ADR 022): a POST of anyone logged in tries to accept (not theirs: 404); anonymous without a form of the page: log in.
  POST('/beheer/uitnodiging/:token', invitation.action, nobody, {}, { params: { token: 'token' } }),
  // /admin
  GET('/admin', adminHome.loader, adminOnly()),
  POST('/admin', adminHome.action, adminOnly(404)), // the open-figures switch: an empty form names no organisation
  GET('/admin/organisaties/nieuw', adminNew.loader, adminOnly()),
  POST('/admin/organisaties/nieuw', adminNew.action, adminOnly(400)),
  GET('/admin/organisaties/:organisation', adminOrganisation.loader, adminOnly()),
  POST('/admin/organisaties/:organisation', adminOrganisation.action, adminOnly(400)),
  GET('/admin/organisaties/:organisation/bewerken', adminEdit.loader, adminOnly()),
  POST('/admin/organisaties/:organisation/bewerken', adminEdit.action, adminOnly(400)),
  // /beheer/netwerken: the networks of the coordinator's organisations only; B's coordinator, a
  // platform administrator, a mentor or an applicant of A's network gets a 404.
  GET('/beheer/netwerken', networkList.loader, anyCoordinator()),
  GET('/beheer/netwerken/nieuw', networkNew.loader, anyCoordinator()),
  POST('/beheer/netwerken/nieuw', networkNew.action, anyCoordinator(400)),
  GET('/beheer/netwerken/:network', networkFrame.loader, coordinatorOnly()),
  GET('/beheer/netwerken/:network', networkOverview.loader, coordinatorOnly()),
  GET('/beheer/netwerken/:network/bewerken', networkEdit.loader, coordinatorOnly()),
  POST('/beheer/netwerken/:network/bewerken', networkEdit.action, coordinatorOnly(400)),
  GET('/beheer/netwerken/:network/mentoren', networkMentors.loader, coordinatorOnly()),
  POST('/beheer/netwerken/:network/mentoren', networkMentors.action, coordinatorOnly(400)),
  GET('/beheer/netwerken/:network/aanvragen', networkApplications.loader, coordinatorOnly()),
  GET('/beheer/netwerken/:network/aanvragen/:application', networkApplication.loader, coordinatorOnly(), {
    params: { id: 'network', applicationId: 'application' },
  }),
  // A's application through B's network (which B's coordinator may open): nobody.
  GET('/beheer/netwerken/:foreignnetwork/aanvragen/:application', networkApplication.loader, nobody, {
    params: { id: 'foreignnetwork', applicationId: 'application' },
  }),
  GET('/beheer/netwerken/:network/koppelen', networkMatching.loader, coordinatorOnly()),
  POST('/beheer/netwerken/:network/koppelen', networkMatching.action, coordinatorOnly(400), { intent: 'niets', runId: ':network' }),
  GET('/beheer/netwerken/:second/koppelingen', networkMatches.loader, coordinatorOnly()),
  POST('/beheer/netwerken/:second/koppelingen', networkMatches.action, coordinatorOnly(400), {
    intent: 'end',
    matchId: ':active',
    confirm: 'yes',
  }),
  // A's active match through B's network, with a valid reason: nobody may end it.
  POST('/beheer/netwerken/:foreignnetwork/koppelingen', networkMatches.action, nobody, {
    intent: 'end',
    matchId: ':active',
    reason: 'Gestopt door een ander',
    confirm: 'yes',
  }),
  GET('/beheer/netwerken/:second/route', networkRoute.loader, coordinatorOnly()),
  POST('/beheer/netwerken/:second/route', networkRoute.action, coordinatorOnly(400), { electionKind: 'geen' }),
  // /beheer/rapportage: own organisations; another organisation's id is a 404.
  GET('/beheer/rapportage', report.loader, anyCoordinator()),
  GET('/beheer/rapportage?organisatie=:organisation', report.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/rapportage?academie=:academy', report.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/rapportage.csv', reportCsv.loader, anyCoordinator()),
  GET('/beheer/rapportage.csv?academie=:academy', reportCsv.loader, coordinatorOnly(), { params: {} }),
  GET('/beheer/rapportage.csv?organisatie=:organisation', reportCsv.loader, coordinatorOnly(), { params: {} }),
  // /mentor: people with a mentor profile; a proposal only for its own mentor.
  GET('/mentor', mentorHome.loader, mentorOnly()),
  POST('/mentor', mentorHome.action, mentorOnly(400), { intent: 'decline', matchId: ':match', confirm: 'yes' }),
  GET('/mentor/profiel', mentorProfile.loader, mentorOnly()),
  POST('/mentor/profiel', mentorProfile.action, mentorOnly(400)),
  GET('/mentor/voorstellen/:match', mentorProposal.loader, mentorOnly(), { params: { matchId: 'match' } }),
  POST(
    '/mentor/voorstellen/:match',
    mentorProposal.action,
    mentorOnly(400),
    { intent: 'decline', matchId: ':match', confirm: 'yes' },
    { params: { matchId: 'match' } },
  ),
  GET('/mentor/voorstellen/:foreign', mentorProposal.loader, nobody, { params: { matchId: 'foreign' } }),
  POST(
    '/mentor/voorstellen/:foreign',
    mentorProposal.action,
    nobody,
    { intent: 'decline', matchId: ':foreign', confirm: 'yes' },
    { params: { matchId: 'foreign' } },
  ),
  // The mentor invitation page is for whoever holds the link (it says which account it is for).
  GET('/mentor/uitnodiging/:mentortoken', mentorInvitation.loader, everyone(), { params: { token: 'mentortoken' } }),
  POST('/mentor/uitnodiging/:mentortoken', mentorInvitation.action, nobody, {}, { params: { token: 'mentortoken' } }),
  // Accepting needs the invited account (nobody here): anyone else gets 404, as for a forged link.
  POST('/mentor/uitnodiging/:mentortoken', mentorInvitation.action, nobody, { intent: 'accept' }, { params: { token: 'mentortoken' } }),
  // /mentoraat: public; applying needs an account.
  GET('/mentoraat', mentoringHome.loader, everyone()),
  GET('/mentoraat/aanvragen/:network', mentoringApply.loader, everyone(), { params: { networkId: 'network' } }),
  POST('/mentoraat/aanvragen/:network', mentoringApply.action, anyUser(400), {}, { params: { networkId: 'network' } }),
  // /academies: public calls; applying needs an account.
  GET('/academies', academyCalls.loader, everyone()),
  GET('/academies/:academy', academyCall.loader, everyone(), { params: { id: 'academy' } }),
  GET('/academies/:academy/aanmelden', academyApply.loader, everyone(), { params: { id: 'academy' } }),
  POST('/academies/:academy/aanmelden', academyApply.action, anyUser(400), {}, { params: { id: 'academy' } }),
  // /account: each person's own data.
  GET('/account/academies', accountAcademies.loader, anyUser()),
  // A placement page of an id that is nobody's accepted application (here: an academy id): 404 for everyone.
  GET('/account/academies/:academy/meeloopstage', myPlacement.loader, nobody, { params: { applicationId: 'academy' } }),
  POST('/account/academies/:academy/meeloopstage', myPlacement.action, nobody, {}, { params: { applicationId: 'academy' } }),
  // /stagebieder: only hosts (the mentor also hosts placements here); an unknown invitation link is a 404.
  GET('/stagebieder', hostHome.loader, mentorOnly()),
  POST('/stagebieder', hostHome.action, mentorOnly(400)),
  GET('/stagebieder/uitnodiging/:token', hostInvitation.loader, everyone(404), { params: { token: 'token' } }),
  POST('/stagebieder/uitnodiging/:token', hostInvitation.action, nobody, {}, { params: { token: 'token' } }),
  // A programme certificate of an application nobody completed (the academy's id): 404 for everyone.
  GET('/account/academies/certificaat/:academy', accountProgrammeCertificate.loader, nobody),
  // Nobody's application (an id of something else): 404 for everyone.
  POST('/account/academies', accountAcademies.action, nobody, { intent: 'withdraw', applicationId: ':academy' }),
  POST('/account/academies', accountAcademies.action, nobody, { intent: 'leave', applicationId: ':academy' }),
  POST('/account/academies', accountAcademies.action, nobody, { intent: 'decline', applicationId: ':academy' }),
  GET('/account/e-mail', accountEmail.loader, anyUser()),
  POST('/account/e-mail', accountEmail.action, anyUser(303), { on: ['reminders', 'follow-ups', 'outcomes'] }),
  GET('/account/kandidaat', accountCandidate.loader, anyUser()),
  POST('/account/kandidaat', accountCandidate.action, anyUser(400), { electionId: ':election', onList: 'misschien' }),
  GET('/account/koppelingen', accountMatches.loader, anyUser()),
  GET('/account/mentoraat', accountMentoring.loader, anyUser()),
  // The candidate's own application (no consent to withdraw: nothing changes, back to the list with a
  // notice); anyone else: 404.
  POST(
    '/account/mentoraat',
    accountMentoring.action,
    { ...nobody, candidate: 303 },
    { intent: 'withdraw-consent', applicationId: ':application' },
  ),
  GET('/account/privacy', accountPrivacy.loader, anyUser()),
  POST('/account/privacy', accountPrivacy.action, anyUser(400)),
  GET('/account/privacy/export.json', accountExport.loader, anyUser()),
  // A certificate PDF: only the person whose registration it is.
  GET('/account/certificaat/:certificate', accountCertificate.loader, { ...nobody, candidate: 200 }, { params: { id: 'certificate' } }),
  // /koppeling: the two people of a match; a mentor's open proposal goes to the mentor's page.
  GET('/koppeling/:active', matchPage.loader, participants(), { params: { matchId: 'active' } }),
  GET('/koppeling/:match', matchPage.loader, { ...participants(), mentor: 302 }, { params: { matchId: 'match' } }),
  GET('/koppeling/:foreign', matchPage.loader, nobody, { params: { matchId: 'foreign' } }),
  POST(
    '/koppeling/:active',
    matchPage.action,
    participants(400),
    { intent: 'check-in', matchId: ':active' },
    { params: { matchId: 'active' } },
  ),
  POST('/koppeling/:foreign', matchPage.action, nobody, { intent: 'check-in', matchId: ':foreign' }, { params: { matchId: 'foreign' } }),
  // The candidacy route's forms: a note too long is refused before anything changes.
  POST(
    '/koppeling/:active',
    matchPage.action,
    participants(400),
    { intent: 'route-step', matchId: ':active', stepId: ':network', note: 'x'.repeat(1001) },
    { params: { matchId: 'active' } },
  ),
  POST(
    '/koppeling/:foreign',
    matchPage.action,
    nobody,
    { intent: 'route-step', matchId: ':foreign', stepId: ':network', note: 'x'.repeat(1001) },
    { params: { matchId: 'foreign' } },
  ),
  POST(
    '/koppeling/:active',
    matchPage.action,
    { ...anyUser(404), candidate: 400 },
    { intent: 'route-copy', matchId: ':active', mentorCopy: 'misschien' },
    {
      params: { matchId: 'active' },
    },
  ),
  GET('/koppeling/:active/feedback', matchFeedback.loader, participants(), { params: { matchId: 'active' } }),
  POST('/koppeling/:active/feedback', matchFeedback.action, participants(400), {}, { params: { matchId: 'active' } }),
];

const t = setupTestDatabase();
const db = () => t.handle.db;
const fixtures = {} as Fixtures;
const cookies = {} as Record<Role, string | undefined>;

beforeAll(async () => {
  const a = await createCourse(db(), { title: 'Cursus van A' });
  const b = await createCourse(db(), { title: 'Cursus van B' });
  const network = await createNetwork(db(), { organisationId: a.organisation.id });
  const second = await createNetwork(db(), { organisationId: a.organisation.id });
  const foreignNetwork = await createNetwork(db(), { organisationId: b.organisation.id });
  // Its call is open (public pages and the application form).
  const [academy] = await db()
    .insert(academies)
    .values({
      organisationId: a.organisation.id,
      name: 'Academie A',
      callPublished: true,
      applicationsOpenAt: new Date(now().getTime() - DAY),
      applicationsCloseAt: new Date(now().getTime() + 7 * DAY),
      seats: 10,
    })
    .returning();
  const token = generateToken();
  await db()
    .insert(invitations)
    .values({
      kind: 'coordinator',
      organisationId: a.organisation.id,
      email: 'uitgenodigd@example.nl',
      tokenHash: hashToken(token),
      expiresAt: new Date(now().getTime() + DAY),
    });
  const mentorToken = generateToken();
  await db()
    .insert(invitations)
    .values({
      kind: 'mentor',
      networkId: network.id,
      email: 'nieuwe-mentor@example.nl',
      tokenHash: hashToken(mentorToken),
      expiresAt: new Date(now().getTime() + DAY),
    });
  const [election] = await db()
    .insert(elections)
    .values({
      id: 'toegang2026',
      kind: 'municipal',
      nameNl: 'Testverkiezing',
      nameEn: 'Test election',
      listDeadline: '2026-02-02',
      electionDate: '2026-03-18',
    })
    .returning();

  // The candidate applied to both networks of A; the mentor (a real mentor profile, in both) has
  // the first application as an open proposal and the second as an active match.
  const { user: candidate, application } = await createApplication(db(), network.id, { status: 'proposed' });
  const { application: application2 } = await createApplication(db(), second.id, { userId: candidate.id, status: 'matched' });
  const { user: mentor, profile } = await createMentor(db(), [network.id, second.id]);
  const [match, active] = await db()
    .insert(matches)
    .values([
      {
        networkId: network.id,
        applicationId: application.id,
        mentorProfileId: profile.id,
        status: 'proposed',
        score: 70,
        reasons: sampleReasons,
        proposedAt: now(),
      },
      {
        networkId: second.id,
        applicationId: application2.id,
        mentorProfileId: profile.id,
        status: 'active',
        score: 70,
        reasons: sampleReasons,
        proposedAt: now(),
        respondedAt: now(),
        acceptedAt: now(),
      },
    ])
    .returning();
  await db().insert(placementHosts).values({ userId: mentor.id, name: mentor.name, office: 'mayor', municipalityCode: 'GM0193' });
  const foreign = await createProposal(db(), { network });
  const [certified] = await db()
    .insert(registrations)
    .values({
      courseId: a.course.id,
      userId: candidate.id,
      name: candidate.name,
      email: candidate.email,
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed',
      confirmedAt: now(),
    })
    .returning();
  await db().insert(certificates).values({ code: generateToken(), registrationId: certified!.id, courseId: a.course.id, issuedAt: now() });
  Object.assign(fixtures, {
    organisation: a.organisation.id,
    course: a.course.id,
    session: a.sessions[0]!.id,
    network: network.id,
    second: second.id,
    foreignnetwork: foreignNetwork.id,
    academy: academy!.id,
    token,
    application: application.id,
    match: match!.id,
    active: active!.id,
    foreign: foreign.match.id,
    mentortoken: mentorToken,
    election: election!.id,
    certificate: certified!.id,
  });

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

const fill = (text: string): string => text.replace(/:([a-z]+)/g, (m, key: string) => (key in fixtures ? fixtures[key as FixtureKey] : m));

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

describe('access to every /beheer, /admin, /mentor(aat), /account, /koppeling and /stagebieder loader and action', () => {
  it('covers every loader and action of these route files (a new route fails here until it has a line)', () => {
    const modules = import.meta.glob<Record<string, unknown>>(
      ['./{beheer,admin,mentor,account,koppeling,stagebieder}*.{ts,tsx}', '!./**/*.test.{ts,tsx}'],
      {
        eager: true,
      },
    );
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
      const body = Object.fromEntries(Object.entries(route.body ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(fill) : fill(v)]));
      const request = route.method === 'GET' ? get(path, cookie) : post(path, body, cookie);
      got[role] = outcomeOf(await call(route.handler, request, paramsOf(route)));
    }
    expect(got).toEqual(route.expected);
    // Another tenant's records are never a 403 (that would tell they exist).
    expect(Object.values(got)).not.toContain(403);
  });
});

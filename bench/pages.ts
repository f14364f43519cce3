// npm run bench:pages — the coordinator's long pages with years of history: one network grown to
// 20,000 applications, 10,000 matches and a matching draft of 5,000 pairs, and one organisation with
// 3,000 courses over three years. Times each page through one production web process (p50, p95,
// HTML bytes) on a PostgreSQL database of its own.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:pages
//   … npm run bench:pages -- --keep=true          # keep the grown database (its name is printed)
//   … npm run bench:pages -- --database=pa_bench_pages_123 --build=never   # time again, no growing
//
// Options (argv `--name=value` or env BENCH_NAME): applications (20000), matches (10000), draft
// (5000), courses (3000), requests (20 per page), warmup (2), keep (false), database (none: grow a
// new one), port (3431), build (auto | always | never).
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import {
  courseSessions,
  courses,
  matchFeedback,
  matches,
  matchingRuns,
  menteeApplications,
  mentorProfiles,
  networkMentors,
  networks,
  organisationMemberships,
  organisations,
  registrations,
  users,
} from '../db/schema';
import { createSession } from '../app/modules/auth/session.server';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  kb,
  machine,
  onCleanUp,
  option,
  percentile,
  root,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
} from './lib';

process.chdir(root);
cleanUpOnSignals('stopping the server and dropping the bench database');

const APPLICATIONS = Number(option('applications', '20000'));
const MATCHES = Number(option('matches', '10000'));
const DRAFT = Number(option('draft', '5000'));
const COURSES = Number(option('courses', '3000'));
const REQUESTS = Number(option('requests', '20'));
const WARMUP = Number(option('warmup', '2'));
const KEEP = option('keep', 'false') === 'true';
const EXISTING = option('database', '');
const PORT = Number(option('port', '3431'));
const BUILD = option('build', 'auto');
const adminUrl = process.env.DATABASE_URL;
const DAY = 86_400_000;

const MUNICIPALITIES = ['GM0193', 'GM0363', 'GM0599', 'GM0344', 'GM0518', 'GM0014', 'GM0080', 'GM0935', 'GM0772', 'GM0268'];
const FIRST = ['Anna', 'Bram', 'Chaima', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ibrahim', 'Julia', 'Kees', 'Lotte', 'Mohamed', 'Noor'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'El Amrani', 'Yilmaz', 'de Boer', 'Mulder', 'Bos', 'Vos'];
const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The network, the organisation and their history; returns what the page addresses need. */
async function grow(handle: DatabaseHandle) {
  const db = handle.db;
  const now = Date.now();
  const [organisation] = await db
    .insert(organisations)
    .values({ name: 'Groeivereniging', slug: `groei-${now}`, kind: 'association' })
    .returning();
  const orgId = organisation!.id;
  const [coordinator] = await db
    .insert(users)
    .values({ email: `coordinator-${now}@example.org`, name: 'Cor Groei', emailVerifiedAt: new Date() })
    .returning();
  await db.insert(organisationMemberships).values({ organisationId: orgId, userId: coordinator!.id });
  const [network] = await db
    .insert(networks)
    .values({
      organisationId: orgId,
      name: 'Groot netwerk',
      description: 'Een netwerk met jaren geschiedenis.',
      focusGroup: 'open',
      regionKind: 'national',
      applicationsOpen: true,
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
    })
    .returning();
  const networkId = network!.id;

  // Mentors: one per 10 matches, with room.
  const mentorCount = Math.max(50, Math.ceil((MATCHES + DRAFT) / 20));
  const mentorUsers = Array.from({ length: mentorCount }, (_, i) => ({
    id: randomUUID(),
    email: `mentor-${i}-${now}@example.org`,
    name: `Mentor ${personName(i + 7)}`,
    emailVerifiedAt: new Date(),
  }));
  await inBatches(mentorUsers, (b) => db.insert(users).values(b));
  const profiles = mentorUsers.map((u, i) => ({
    id: randomUUID(),
    userId: u.id,
    office: 'council-member' as const,
    municipalityCode: pick(MUNICIPALITIES, i),
    themes: ['zorg', 'onderwijs'],
    languages: ['nl'],
    meetingModes: ['in-person', 'online'],
    capacity: 30,
    availability: ['tue-evening'],
    bio: 'Raadslid sinds 2018.',
    completedAt: new Date(),
  }));
  await inBatches(profiles, (b) => db.insert(mentorProfiles).values(b as (typeof mentorProfiles.$inferInsert)[]));
  await inBatches(profiles, (b) => db.insert(networkMentors).values(b.map((p) => ({ networkId, mentorProfileId: p.id }))));

  // Applications over three years: the first MATCHES have a match, the next DRAFT wait (and are in the
  // draft), the rest mixed.
  const people = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: randomUUID(),
    email: `mentee-${i}-${now}@example.org`,
    name: personName(i),
    emailVerifiedAt: new Date(),
  }));
  await inBatches(people, (b) => db.insert(users).values(b));
  const apps = people.map((p, i) => {
    const matched = i < MATCHES;
    const drafted = !matched && i < MATCHES + DRAFT;
    const status = matched
      ? i % 5 === 0
        ? 'proposed'
        : i % 5 < 3
          ? 'matched'
          : 'closed'
      : drafted
        ? 'waiting'
        : pick(['waiting', 'withdrawn', 'closed'] as const, i);
    return {
      id: randomUUID(),
      networkId,
      userId: p.id,
      status: status as (typeof menteeApplications.$inferInsert)['status'],
      municipalityCode: pick(MUNICIPALITIES, i),
      themes: ['zorg'],
      goals: ['become-council-member'],
      meetingModes: ['in-person', 'online'],
      languages: ['nl'],
      availability: ['tue-evening'],
      createdAt: new Date(now - ((i * 97) % (3 * 365)) * DAY - 2 * DAY),
    };
  });
  await inBatches(apps, (b) => db.insert(menteeApplications).values(b as (typeof menteeApplications.$inferInsert)[]));

  const reasons = [
    { id: 'municipality', points: 30, nl: 'Jullie wonen in dezelfde gemeente.', en: 'You live in the same municipality.' },
    { id: 'themes', points: 20, nl: 'Jullie delen het onderwerp zorg.', en: 'You share the topic care.' },
  ];
  const live = apps.slice(0, MATCHES).map((a, i) => {
    const status =
      a.status === 'proposed'
        ? 'proposed'
        : a.status === 'matched'
          ? 'active'
          : pick(['declined', 'expired', 'ended', 'completed'] as const, i);
    const at = a.createdAt.getTime() + 5 * DAY;
    return {
      id: randomUUID(),
      networkId,
      applicationId: a.id,
      mentorProfileId: pick(profiles, i).id,
      status,
      score: 50 + (i % 40),
      reasons,
      proposedAt: new Date(at),
      acceptedAt: status === 'active' || status === 'ended' || status === 'completed' ? new Date(at + 3 * DAY) : null,
      respondedAt: status === 'proposed' ? null : new Date(at + 3 * DAY),
      declineReason: status === 'declined' ? 'Geen tijd dit jaar.' : null,
      endedAt: status === 'ended' || status === 'completed' ? new Date(at + 200 * DAY) : null,
      endReason: status === 'ended' ? 'Verhuisd.' : null,
      endedBy: status === 'ended' ? ('mentee' as const) : null,
    };
  });
  await inBatches(live, (b) => db.insert(matches).values(b as (typeof matches.$inferInsert)[]));
  const feedback = live
    .filter((m) => m.status === 'completed' || m.status === 'ended')
    .map((m, i) => ({
      matchId: m.id,
      userId: null,
      moment: 'end' as const,
      rating: 1 + (i % 5),
      comment: 'Fijne gesprekken over de raad.',
    }));
  await inBatches(feedback, (b) => db.insert(matchFeedback).values(b as (typeof matchFeedback.$inferInsert)[]));

  // A matching draft over the waiting applications.
  const drafted = apps.slice(MATCHES, MATCHES + DRAFT);
  const [run] = await db
    .insert(matchingRuns)
    .values({
      networkId,
      status: 'draft',
      progress: 100,
      weights: {},
      startedAt: new Date(now - DAY),
      finishedAt: new Date(now - DAY),
      createdAt: new Date(now - DAY),
      stats: {
        mentees: drafted.length,
        mentors: profiles.length,
        edges: drafted.length * 20,
        matched: drafted.length,
        totalScore: drafted.length * 60,
        greedyMatched: drafted.length,
        greedyTotalScore: drafted.length * 58,
        unmatched: [],
        millis: 900,
      },
    })
    .returning();
  const draftRows = drafted.map((a, i) => ({
    networkId,
    applicationId: a.id,
    mentorProfileId: pick(profiles, i + 3).id,
    runId: run!.id,
    status: 'draft' as const,
    score: 40 + (i % 50),
    reasons,
  }));
  await inBatches(draftRows, (b) => db.insert(matches).values(b));

  // Courses over three years (past ones done, a few months ahead), three sessions and ten sign-ups each.
  const courseRows = Array.from({ length: COURSES }, (_, i) => ({
    id: randomUUID(),
    organisationId: orgId,
    title: `Politiek Actief ${pick(['Zwolle', 'Utrecht', 'Rotterdam', 'Groningen', 'Eindhoven'], i)} ${i}`,
    description: 'Drie avonden over de gemeenteraad.',
    municipalityCode: pick(MUNICIPALITIES, i),
    format: 'in-person' as const,
    locationName: 'Stadhuis',
    capacity: 12,
    status: 'published' as const,
    publishedAt: new Date(now - 3 * 365 * DAY),
    // spread from three years ago to four months ahead
    firstStart: now - 3 * 365 * DAY + Math.floor(((i + 0.5) / COURSES) * (3 * 365 + 120)) * DAY,
  }));
  await inBatches(courseRows, (b) => db.insert(courses).values(b.map(({ firstStart: _, ...c }) => c)));
  const sessionRows = courseRows.flatMap((c) =>
    [0, 1, 2].map((w) => ({
      courseId: c.id,
      startsAt: new Date(c.firstStart + w * 7 * DAY),
      endsAt: new Date(c.firstStart + w * 7 * DAY + 2 * 3_600_000),
    })),
  );
  await inBatches(sessionRows, (b) => db.insert(courseSessions).values(b));
  const registrationRows = courseRows.flatMap((c, ci) =>
    Array.from({ length: 10 }, (_, r) => ({
      courseId: c.id,
      name: personName(ci * 10 + r),
      email: `deelnemer-${ci}-${r}-${now}@example.nl`,
      privacyVersion: '1.0',
      consentedAt: new Date(c.firstStart - 20 * DAY),
      status: 'confirmed' as const,
    })),
  );
  await inBatches(registrationRows, (b) => db.insert(registrations).values(b));
  await handle.db.execute('analyze');

  const { token } = await createSession(db, coordinator!.id);
  return { orgId, networkId, cookie: `pa_session=${token}` };
}

type Measured = { latencies: number[]; statuses: Map<number, number>; bytes: number };

async function measure(url: string, cookie: string, count: number): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie, Accept: 'text/html', 'Accept-Encoding': 'identity' }, redirect: 'manual' });
    const html = await res.text();
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    bytes = Buffer.byteLength(html);
  }
  latencies.sort((a, b) => a - b);
  return { latencies, statuses, bytes };
}

async function main() {
  if (!adminUrl) throw new Error('bench:pages needs PostgreSQL: set DATABASE_URL (an administrator connection).');
  console.log(`Machine: ${machine()}`);
  ensureBuild(BUILD);

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  onCleanUp(() => admin.end({ timeout: 5 }));
  const dbName = EXISTING || `pa_bench_pages_${Date.now()}`;
  if (!EXISTING) {
    await admin.unsafe(`create database ${dbName}`);
    if (!KEEP)
      onCleanUp(() =>
        admin.unsafe(`drop database if exists ${dbName} with (force)`).then(() => console.log(`Dropped database ${dbName}.`)),
      );
  }
  const url = withDatabase(adminUrl, dbName);
  const handle = await openDatabase({ url, maxConnections: 4 });
  onCleanUp(() => handle.close().catch(() => {}));
  await migrateDatabase(handle);

  let target: { orgId: string; networkId: string; cookie: string };
  if (EXISTING) {
    // The grown network is the one with the most applications; a fresh session for its coordinator.
    const [row] = (await handle.db.execute(
      `select n.id as network_id, n.organisation_id, m.user_id from networks n join organisation_memberships m on m.organisation_id = n.organisation_id
       where n.name = 'Groot netwerk' order by (select count(*) from mentee_applications a where a.network_id = n.id) desc limit 1`,
    )) as unknown as { network_id: string; organisation_id: string; user_id: string }[];
    if (!row) throw new Error(`no grown network in ${dbName}`);
    const { token } = await createSession(handle.db, row.user_id);
    target = { orgId: row.organisation_id, networkId: row.network_id, cookie: `pa_session=${token}` };
    console.log(`Using the grown database ${dbName}.`);
  } else {
    const t0 = performance.now();
    console.log(`Growing ${dbName}: ${APPLICATIONS} applications, ${MATCHES} matches, a draft of ${DRAFT}, ${COURSES} courses…`);
    target = await grow(handle);
    console.log(`Grown in ${((performance.now() - t0) / 1000).toFixed(0)} s.${KEEP ? ` Kept as ${dbName}.` : ''}`);
  }

  const server = startServer(PORT, { DATABASE_URL: url, WORKER_IN_WEB: 'false' });
  onCleanUp(() => stopServer(server));
  await waitForHealth(server);
  const base = `http://127.0.0.1:${PORT}`;
  const n = `/beheer/netwerken/${target.networkId}`;
  const pages: Array<[string, string]> = [
    ['/beheer', `/beheer?organisatie=${target.orgId}`],
    ['/cursussen', '/cursussen'],
    ['/cursussen?page=10', '/cursussen?page=10'],
    ['aanvragen', `${n}/aanvragen`],
    ['aanvragen?status=waiting', `${n}/aanvragen?status=waiting`],
    ['aanvragen?zoek=Fatima', `${n}/aanvragen?zoek=Fatima`],
    ['aanvragen?pagina=200', `${n}/aanvragen?pagina=200`],
    ['koppelingen', `${n}/koppelingen`],
    ['koppelingen?status=finished', `${n}/koppelingen?status=finished`],
    ['koppelingen?status=active&zoek=Noor', `${n}/koppelingen?status=active&zoek=Noor`],
    ['koppelingen?status=feedback', `${n}/koppelingen?status=feedback`],
    ['koppelen', `${n}/koppelen`],
    ['koppelen?zoek=Julia', `${n}/koppelen?zoek=Julia`],
    ['koppelen?pagina=50', `${n}/koppelen?pagina=50`],
  ];
  for (const [, path] of pages) await measure(`${base}${path}`, target.cookie, WARMUP);
  console.log(`\n${REQUESTS} GETs per page, one at a time, after ${WARMUP} warm-ups\n`);
  console.log(`${'page'.padEnd(40)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'HTML'.padStart(12)}  status`);
  let failed = false;
  for (const [label, path] of pages) {
    const r = await measure(`${base}${path}`, target.cookie, REQUESTS);
    const statuses = [...r.statuses].map(([s, c]) => `${s}×${c}`).join(' ');
    if ([...r.statuses.keys()].some((s) => s !== 200)) failed = true;
    console.log(
      `${label.padEnd(40)}${percentile(r.latencies, 50).toFixed(0).padStart(8)}${percentile(r.latencies, 95).toFixed(0).padStart(8)}${kb(r.bytes).padStart(12)}  ${statuses}`,
    );
  }
  console.log(`\nMachine after the run: ${machine()}`);
  if (failed) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

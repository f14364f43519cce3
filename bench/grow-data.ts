// Grows a database to national size in the shape of the demo data, for bench:grow and bench:report.
//
// Scale 100 is what the whole country would produce over about three years (issue 13): 15,000
// courses with 45,000 sessions, about 470,000 registrations and 900,000 attendance rows, 30,000
// accounts, 50 organisations, 500 networks, 5,000 mentors, 20,000 applications, 12,000 matches and a
// million emails. Scale N is N/100 of that (organisations stay 50; the country does not get more
// of them). Every row is made by set-based SQL (`insert … select … from generate_series`), so scale
// 100 takes minutes, not hours.
//
// The demo data must be there first (seedDemoData): the demo coordinator's organisations (NVR and
// KLPP) get four times the share of the others, so they are among the largest, as a bench should
// measure the worst case a coordinator can open.
import type { Sql } from 'postgres';

export type GrowthFigures = Record<string, number>;

/** Row counts per table after growing (exact counts: the bench prints them). */
export async function tableCounts(sql: Sql) {
  const tables = [
    'organisations',
    'academies',
    'users',
    'courses',
    'course_sessions',
    'registrations',
    'session_attendance',
    'registration_links',
    'networks',
    'mentor_profiles',
    'network_mentors',
    'mentee_applications',
    'matching_runs',
    'matches',
    'check_ins',
    'match_feedback',
    'consents',
    'candidacy_outcomes',
    'email_messages',
    'audit_events',
  ];
  const counts: GrowthFigures = {};
  for (const table of tables) counts[table] = Number((await sql.unsafe(`select count(*) as n from ${table}`))[0]!.n);
  return counts;
}

/**
 * Adds scale × 1/100 of three national years to the database. `log` gets a line per step with its
 * time. Dates run from January 2024 to March 2027 (the demo clock is December 2026): most courses
 * are past, some running, some upcoming.
 */
export async function growData(sql: Sql, scale: number, log: (line: string) => void = () => {}) {
  const n = (base: number) => Math.max(1, Math.round((base * scale) / 100));
  const counts = {
    organisations: 50,
    users: n(30_000),
    courses: n(15_000),
    networks: Math.max(4, n(500)),
    mentors: n(5_000),
    applications: n(20_000),
    emails: n(1_000_000),
  };
  const step = async (what: string, query: string) => {
    const t0 = performance.now();
    await sql.unsafe(query);
    log(`  ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  await sql.unsafe(`select setseed(0.20261207)`);

  // Organisations up to 50, and "slots": each organisation once, the demo coordinator's four times.
  await step(
    'organisations',
    `insert into organisations (name, slug, kind, contact_email)
     select 'Organisatie ' || i, 'groei-' || i, (array['association','academy-provider','party','other'])[1 + i % 4], 'info@groei-' || i || '.example'
     from generate_series(1, greatest(0, ${counts.organisations} - (select count(*) from organisations))) i
     on conflict do nothing`,
  );
  await sql.unsafe(`create temporary table grow_slots as
     select row_number() over (order by o.slug) - 1 as slot, o.id
     from organisations o, generate_series(1, case when o.slug in ('nvr', 'klpp') then 4 else 1 end)`);
  await sql.unsafe(
    `create temporary table grow_municipalities as select row_number() over (order by code) - 1 as k, code from municipalities`,
  );
  // The helper tables are looked up by number for every row made: index them.
  await sql.unsafe(
    `create index on grow_municipalities (k); create index on grow_slots (slot); analyze grow_municipalities; analyze grow_slots`,
  );
  await step(
    'academies (two for every third organisation)',
    `insert into academies (organisation_id, name)
     select o.id, 'Academie ' || o.name || ' ' || a from (select id, name, row_number() over (order by slug) as r from organisations) o,
       generate_series(1, 2) a where o.r % 3 = 1`,
  );

  // Accounts: candidates (the bulk) with a privacy consent each; a tenth active in the last month.
  await step(
    `${counts.users} accounts with a consent`,
    `with made as (
       insert into users (email, name, email_verified_at, locale, last_login_at, created_at)
       select 'groei-' || i || '@example.org', 'Persoon ' || i, ts, case when i % 10 = 0 then 'en' else 'nl' end,
              case when i % 10 = 0 then now() - interval '5 days' else ts + interval '30 days' end, ts
       from (select i, timestamptz '2024-01-01' + (random() * interval '1060 days') as ts from generate_series(1, ${counts.users}) i) g
       returning id, created_at)
     insert into consents (user_id, purpose, text_version, given_at) select id, 'privacy-statement', '1.0', created_at from made`,
  );
  await sql.unsafe(`create temporary table grow_users as
     select row_number() over (order by email) - 1 as k, id, email from users where email like 'groei-%@example.org'`);
  await sql.unsafe(`create index on grow_users (k); analyze grow_users`);
  const userCount = counts.users;

  // Courses: first session spread over 2024-01 … 2027-03, three weekly sessions at 19:30; 90% published.
  await step(
    `${counts.courses} courses`,
    `insert into courses (organisation_id, academy_id, title, description, municipality_code, format, location_name, address, capacity,
                          completion_threshold, status, published_at, cancelled_at, created_by, created_at, registration_closes_at)
     select s.id,
            case when random() < 0.4 then (select a.id from academies a where a.organisation_id = s.id order by a.name limit 1) end,
            'Politiek Actief ' || m.code || ' ' || i, 'Drie avonden over de gemeenteraad (groei).', m.code,
            (array['in-person','in-person','online','hybrid'])[1 + i % 4], 'Stadhuis', 'Markt 1', 20 + i % 11,
            case when i % 5 = 0 then 2 end,
            case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'cancelled' else 'published' end,
            case when i % 20 <> 0 then start - interval '60 days' end,
            case when i % 20 = 1 then start - interval '10 days' end,
            (select id from grow_users where k = i % ${userCount}), start - interval '70 days', start - interval '1 day'
     from (select i, date_trunc('day', timestamptz '2024-01-08' + random() * interval '1150 days') + interval '18 hours 30 minutes' as start
           from generate_series(1, ${counts.courses}) i) g
     join grow_slots s on s.slot = g.i % (select count(*) from grow_slots)
     join grow_municipalities m on m.k = (g.i * 7) % (select count(*) from grow_municipalities)`,
  );
  await sql.unsafe(`create temporary table grow_courses as
     select row_number() over (order by c.id) - 1 as k, c.id, c.created_at + interval '70 days' as start, c.status
     from courses c where c.description = 'Drie avonden over de gemeenteraad (groei).'`);
  await sql.unsafe(`create index on grow_courses (k); analyze grow_courses`);
  await step(
    'sessions (three a course, weekly)',
    `insert into course_sessions (course_id, starts_at, ends_at, location)
     select c.id, c.start + (w * interval '7 days'), c.start + (w * interval '7 days') + interval '2 hours 30 minutes', 'Stadhuis'
     from grow_courses c, generate_series(0, 2) w`,
  );

  // Registrations: about 31 a course; 45% with an account, 20% with an account's address only, the
  // rest without an account. 75% confirmed, 8% waitlisted, 2% offered, 15% cancelled.
  await step(
    'registrations',
    `insert into registrations (course_id, user_id, name, email, municipality_code, source, utm, privacy_version, consented_at, status,
                                confirmed_at, cancelled_at, created_at)
     select c.id,
            case when kind < 0.45 then u.id end,
            'Deelnemer ' || g, case when kind < 0.65 then u.email else 'deelnemer-' || c.k || '-' || g || '@example.nl' end,
            (select code from grow_municipalities where k = (c.k * 13 + g * 5) % (select count(*) from grow_municipalities)),
            (array['social-media','friend-family','newsletter','party','municipality','coordinator',null])[1 + (c.k + g) % 7],
            case when (c.k + g) % 10 = 0 then jsonb_build_object('utm_source', (array['nieuwsbrief','radio','facebook'])[1 + g % 3]) end,
            '1.0', c.start - interval '20 days', st,
            case when st = 'confirmed' then c.start - interval '20 days' end,
            case when st = 'cancelled' then c.start - interval '5 days' end,
            c.start - interval '20 days'
     from grow_courses c
     cross join lateral generate_series(1, 25 + (c.k % 13)) g
     cross join lateral (select random() + 0 * g as kind, random() + 0 * g as r) x
     join grow_users u on u.k = (c.k * 37 + g * 101) % ${userCount}
     cross join lateral (select case when x.r < 0.75 then 'confirmed' when x.r < 0.83 then 'waitlisted' when x.r < 0.85 then 'offered'
                                     else 'cancelled' end as st) s`,
  );
  await step(
    'attendance (confirmed people at sessions held; 85% there)',
    `insert into session_attendance (registration_id, session_id, attended, marked_at)
     select r.id, s.id, random() < 0.85, s.ends_at
     from grow_courses c
     join course_sessions s on s.course_id = c.id and s.starts_at < now()
     join registrations r on r.course_id = c.id and r.status = 'confirmed'`,
  );
  await step(
    'registration links (one a registration)',
    `insert into registration_links (token_hash, registration_id, created_at)
     select md5(r.id::text || 'link'), r.id, r.created_at from registrations r join grow_courses c on c.id = r.course_id`,
  );

  // Mentoring: networks over the organisations (demo coordinator's four times), mentors in one to
  // three networks, applications from account holders, matches in every status, check-ins.
  await step(
    `${counts.networks} networks`,
    `insert into networks (organisation_id, name, description, focus_group, region_kind, applications_open, period_start, period_end, created_at)
     select s.id, 'Netwerk ' || i, 'Ervaren raadsleden helpen nieuwe mensen op weg.',
            (array['open','women','practically-educated','disability'])[1 + i % 4], 'national', i % 3 <> 0,
            date '2024-09-01' + (i % 3) * 365, date '2025-06-30' + (i % 3) * 365, timestamptz '2024-06-01' + (i % 3) * interval '365 days'
     from generate_series(1, ${counts.networks}) i join grow_slots s on s.slot = i % (select count(*) from grow_slots)`,
  );
  await sql.unsafe(`create temporary table grow_networks as
     select row_number() over (order by id) - 1 as k, id from networks where name like 'Netwerk %' and name ~ '^Netwerk [0-9]+$'`);
  await sql.unsafe(`create index on grow_networks (k); analyze grow_networks`);
  const networkCount = Number((await sql.unsafe(`select count(*) as n from grow_networks`))[0]!.n);
  await step(
    `${counts.mentors} mentors`,
    `with made as (
       insert into users (email, name, email_verified_at, created_at)
       select 'mentor-groei-' || i || '@example.org', 'Mentor ' || i, now() - interval '400 days', now() - interval '400 days'
       from generate_series(1, ${counts.mentors}) i returning id)
     insert into mentor_profiles (user_id, office, municipality_code, themes, languages, meeting_modes, capacity, availability, bio, completed_at)
     select id, (array['council-member','alderman','mayor','provincial','former'])[1 + (row_number() over ()) % 5]::text,
            'GM0193', '{zorg,onderwijs}', '{nl}', '{in-person,online}', 1 + (row_number() over ()) % 4, '{tue-evening}', 'Raadslid (groei).', now()
     from made`,
  );
  await step(
    'network members',
    `insert into network_mentors (network_id, mentor_profile_id)
     select distinct n.id, p.id
     from (select row_number() over (order by id) - 1 as k, id from mentor_profiles where bio = 'Raadslid (groei).') p
     cross join generate_series(0, 2) j
     join grow_networks n on n.k = (p.k * 3 + j * 7) % ${networkCount}
     where j <= p.k % 3
     on conflict do nothing`,
  );
  await step(
    `${counts.applications} applications`,
    `insert into mentee_applications (network_id, user_id, municipality_code, themes, goals, focus_groups, source, status, created_at, updated_at)
     select n.id, u.id, (select code from grow_municipalities where k = (i * 11) % (select count(*) from grow_municipalities)),
            '{zorg}', '{become-council-member}', case when i % 3 = 0 then '{women}'::text[] else '{}'::text[] end,
            (array['social-media','friend-family','course-follow-up',null])[1 + i % 4],
            (array['waiting','proposed','matched','matched','withdrawn','closed'])[1 + i % 6], ts, ts
     from (select i, timestamptz '2024-02-01' + random() * interval '1030 days' as ts from generate_series(1, ${counts.applications}) i) g
     join grow_users u on u.k = (i * 7919) % ${userCount}
     join grow_networks n on n.k = i % ${networkCount}`,
  );
  await step(
    'matching runs (one a network a year)',
    `insert into matching_runs (network_id, status, weights, started_at, finished_at, published_at, created_at, progress)
     select n.id, 'published', '{}'::jsonb, ts, ts + interval '1 minute', ts + interval '1 day', ts, 100
     from grow_networks n, generate_series(0, 2) y, lateral (select timestamptz '2024-10-01' + y * interval '365 days' as ts) t`,
  );
  await step(
    'matches',
    `insert into matches (network_id, application_id, mentor_profile_id, status, score, proposed_at, responded_at, accepted_at, ended_at, created_at)
     select a.network_id, a.id, nm.mentor_profile_id, st, 40 + (a.k % 60),
            case when st <> 'draft' then a.created_at + interval '7 days' end,
            case when st in ('declined','active','completed','ended') then a.created_at + interval '10 days' end,
            case when st in ('active','completed','ended') then a.created_at + interval '10 days' end,
            case when st in ('completed','ended') then a.created_at + interval '200 days' end,
            a.created_at + interval '5 days'
     from (select row_number() over (order by id) - 1 as k, id, network_id, created_at, status from mentee_applications
           where status in ('proposed','matched','closed')
             -- the demo data's own applications already have their match (one live match an application)
             and not exists (select 1 from matches m where m.application_id = mentee_applications.id)) a
     cross join lateral (select mentor_profile_id from network_mentors where network_id = a.network_id limit 1) nm
     cross join lateral (select case a.status when 'proposed' then 'proposed'
                                              when 'matched' then (array['active','active','completed','ended'])[1 + a.k % 4]
                                              else (array['declined','expired'])[1 + a.k % 2] end as st) s`,
  );
  await step(
    'check-ins (two for every active or finished match) and feedback',
    `insert into check_ins (match_id, author_user_id, happened_on, mode, note)
     select m.id, p.user_id, (m.accepted_at + w * interval '30 days')::date, 'online', 'Gesproken over de kandidatenlijst.'
     from matches m join mentor_profiles p on p.id = m.mentor_profile_id, generate_series(1, 2) w
     where m.status in ('active','completed','ended') and p.bio = 'Raadslid (groei).';
     insert into match_feedback (match_id, user_id, moment, rating)
     select m.id, a.user_id, 'four-weeks', 4 from matches m join mentee_applications a on a.id = m.application_id
     where m.status in ('completed') and a.user_id is not null
     on conflict do nothing`,
  );
  await step(
    'candidacy outcomes (a tenth on a list, a third of those elected)',
    `insert into candidacy_outcomes (user_id, election_id, on_list, elected)
     select id, 'gr2026', true, k % 30 = 0 from grow_users where k % 10 = 0
     on conflict do nothing`,
  );
  await step(
    `${counts.emails} emails (sent, bodies dropped)`,
    `insert into email_messages (template, recipient, user_id, locale, subject, status, provider, provider_id, idempotency_key,
                                 attempts, send_after, sent_at, created_at, updated_at)
     select (array['registration-confirmed','course-reminder','follow-up-attended','login-link'])[1 + i % 4], u.email,
            case when i % 2 = 0 then u.id end, 'nl', 'Je aanmelding', 'sent', 'resend', 'prov-' || i, 'groei-' || i, 1, ts, ts, ts, ts
     from (select i, timestamptz '2024-01-01' + random() * interval '1060 days' as ts from generate_series(1, ${counts.emails}) i) g
     join grow_users u on u.k = i % ${userCount}`,
  );
  await step(
    'audit events',
    `insert into audit_events (actor_user_id, subject_user_id, organisation_id, action, entity, entity_id, at)
     select null, a.user_id, n.organisation_id, 'read', 'mentee_application', a.id::text, a.created_at + interval '2 days'
     from mentee_applications a join networks n on n.id = a.network_id where a.focus_groups <> '{}'`,
  );
  await step('analyse', `analyze`);
  for (const table of ['grow_slots', 'grow_municipalities', 'grow_users', 'grow_courses', 'grow_networks'])
    await sql.unsafe(`drop table ${table}`);
  return counts;
}

/**
 * A PostgreSQL database of the bench's own next to `adminUrl`'s (dropped on clean-up unless `keep`),
 * migrated, with the demo data, grown to `scale`. With `reuse` (a database name) nothing is created:
 * that database, grown before with `keep`, is used as it is.
 */
export async function grownDatabase(adminUrl: string, options: { scale: number; prefix: string; keep: boolean; reuse: string }) {
  const { default: postgres } = await import('postgres');
  const { openDatabase } = await import('../db/client.server');
  const { migrateDatabase } = await import('../db/migrate.server');
  const { seedDemoData } = await import('../db/seed.server');
  const { onCleanUp, withDatabase } = await import('./lib');
  if (options.reuse) {
    const url = withDatabase(adminUrl, options.reuse);
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    onCleanUp(() => sql.end({ timeout: 5 }));
    console.log(`Using database ${options.reuse} as it is (grown before).`);
    return { name: options.reuse, url, sql, counts: await tableCounts(sql), seconds: 0 };
  }
  const name = `${options.prefix}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  if (options.keep) console.log(`Database ${name} is kept (--keep): drop it yourself, or pass --reuse=${name} next time.`);
  else
    onCleanUp(async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await again.end();
      console.log(`Dropped database ${name}.`);
    });
  const url = withDatabase(adminUrl, name);
  const handle = await openDatabase({ url, maxConnections: 2 });
  await migrateDatabase(handle);
  await seedDemoData(handle.db, { onlyIfEmpty: false });
  await handle.close();
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  onCleanUp(() => sql.end({ timeout: 5 }));
  console.log(`Growing ${name} to scale ${options.scale} (100 = three national years)…`);
  const t0 = performance.now();
  // One connection: the grower's helper tables are temporary, so they live in one session.
  const growSql = postgres(url, { max: 1, onnotice: () => {} });
  await growData(growSql, options.scale, console.log);
  await growSql.end({ timeout: 5 });
  const seconds = (performance.now() - t0) / 1000;
  const counts = await tableCounts(sql);
  return { name, url, sql, counts, seconds };
}

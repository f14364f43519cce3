CREATE INDEX "report_people_months_person_idx" ON "report_people_months" USING btree ("person");--> statement-breakpoint
-- Hand-written below (drizzle-kit does not manage functions): a registration that changes only whose
-- it is — its account or its address, as account deletion, retention and the account link do — is
-- moved from one person to another in report_people_months; report_course_months does not count
-- people, so it stays as it is. Migration 0011 counted every month of such a registration's course
-- again: deleting a batch of 200 accounts (about 2,000 registrations over most months of every
-- organisation) counted most of the report again, 40–60 s at national scale. Now only the people
-- involved are counted again, in the months of those registrations; the rest of a change is
-- handled as before. The rollup stays exactly equal to a count over the rows
-- (app/modules/reports/rollup.test.ts checks it after every kind of change).

-- Counts the given (organisation, academy, month, person) rows of report_people_months again, from
-- the registrations that belong to those people (by account, by an account's address, or the
-- registration itself for someone without an account). Takes the same per-month locks as
-- report_refresh_months. Without JIT: the view's row estimates are far too high for a few thousand
-- registrations, and compiling the plan took 2–3 s of a 3–4 s statement (measured at national scale).
CREATE FUNCTION report_refresh_people(p_org uuid[], p_academy uuid[], p_month date[], p_person uuid[]) RETURNS void LANGUAGE plpgsql
  SET jit = off AS $$
BEGIN
  IF p_org IS NULL OR cardinality(p_org) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(l.h) FROM (
    SELECT DISTINCT hashtextextended('report:' || k.o::text || '/' || coalesce(k.a::text, '-') || '/' || k.m::text, 0) AS h
    FROM unnest(p_org, p_academy, p_month) AS k(o, a, m) ORDER BY 1) l;
  -- The planner is steered from the people to their rows: their registrations first, then the facts
  -- of those alone (a join on the view's computed person would count whole months again).
  DELETE FROM report_people_months t USING unnest(p_org, p_academy, p_month, p_person) AS k(o, a, m, person)
  WHERE t.person = ANY (p_person) AND t.person = k.person AND t.organisation_id = k.o
    AND t.academy_id IS NOT DISTINCT FROM k.a AND t.month = k.m;
  WITH theirs AS MATERIALIZED (
    SELECT r.id FROM registrations r WHERE r.user_id = ANY (p_person)
    UNION
    SELECT r.id FROM registrations r
    WHERE r.user_id IS NULL AND lower(r.email) = ANY (array(SELECT u.email FROM users u WHERE u.id = ANY (p_person)))
    UNION
    SELECT r.id FROM registrations r WHERE r.id = ANY (p_person)),
  facts AS MATERIALIZED (
    SELECT f.* FROM report_registration_facts f WHERE f.registration_id IN (SELECT id FROM theirs))
  INSERT INTO report_people_months (organisation_id, academy_id, month, person, has_account, confirmed, attended, completed, confirmed_first_at)
  SELECT f.organisation_id, f.academy_id, f.month, f.person, f.has_account, bool_or(f.confirmed), bool_or(f.attended),
         bool_or(f.completed), min(f.first_session_at) FILTER (WHERE f.confirmed)
  FROM facts f
  JOIN (SELECT DISTINCT k.o, k.a, k.m, k.person FROM unnest(p_org, p_academy, p_month, p_person) AS k(o, a, m, person)) k
    ON f.person = k.person AND f.organisation_id = k.o AND f.academy_id IS NOT DISTINCT FROM k.a AND f.month = k.m
  GROUP BY 1, 2, 3, 4, 5;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_registrations_updated() RETURNS trigger LANGUAGE plpgsql
  SET jit = off AS $$
DECLARE
  recount uuid[];
BEGIN
  -- Changed in what the course figures count by (course, municipality, source, campaign, status):
  -- every month of those courses is counted again.
  recount := array(
    SELECT x.course_id FROM (
      (SELECT id, course_id, municipality_code, source, utm, status FROM changed_old
       EXCEPT SELECT id, course_id, municipality_code, source, utm, status FROM changed_new)
      UNION ALL
      (SELECT id, course_id, municipality_code, source, utm, status FROM changed_new
       EXCEPT SELECT id, course_id, municipality_code, source, utm, status FROM changed_old)) x
    GROUP BY x.course_id);
  PERFORM report_refresh_courses(recount);
  -- Changed only in whose it is (account, address): the person it belonged to and the person it
  -- belongs to now, in its month (a person is found as report_registration_facts finds it).
  PERFORM report_refresh_people(array_agg(k.o), array_agg(k.a), array_agg(k.m), array_agg(k.person)) FROM (
    SELECT DISTINCT c.organisation_id AS o, c.academy_id AS a, report_month(c.first_session_at) AS m, p.person
    FROM (
      SELECT n.course_id,
             coalesce(o.user_id, (SELECT u.id FROM users u WHERE u.email = lower(o.email)), o.id) AS before,
             coalesce(n.user_id, (SELECT u.id FROM users u WHERE u.email = lower(n.email)), n.id) AS after
      FROM changed_old o JOIN changed_new n ON n.id = o.id
      WHERE (o.user_id, o.email) IS DISTINCT FROM (n.user_id, n.email) AND NOT (n.course_id = ANY (recount))) x
    JOIN courses c ON c.id = x.course_id
    CROSS JOIN LATERAL (VALUES (x.before), (x.after)) AS p(person)
    WHERE x.before <> x.after AND c.first_session_at IS NOT NULL) k;
  RETURN NULL;
END $$;

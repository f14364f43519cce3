-- Hand-written (drizzle-kit does not manage views, functions or triggers): the funder report's
-- monthly rollup (issue 12, item 9; tables in migration 0010, db/schema/reports.ts).
--
-- An (organisation, academy, month) is counted again from the rows, inside the writing transaction,
-- whenever something it depends on changes: a course (organisation, academy, first session,
-- completion threshold), its sessions, its registrations (course, account, address, municipality,
-- source, campaign, status), their attendance, an account whose address matches a registration, or
-- a municipality's province. Statement-level triggers with transition tables: one count per month
-- touched, also for a bulk insert of thousands of rows. Counting again (rather than adding and
-- subtracting) keeps the rollup exactly equal to a count over the rows, whatever the write.

-- The month of a course: that of its first session, in Dutch time.
CREATE FUNCTION report_month(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (date_trunc('month', at AT TIME ZONE 'Europe/Amsterdam'))::date $$;--> statement-breakpoint

-- Every registration of a course with a session, with what the report counts about it. The same
-- rules as the report always had: completed follows the course's own threshold
-- (app/modules/courses/lifecycle.server.ts); a registration without an account is matched to an
-- account by address, and is a person of its own when there is none.
CREATE VIEW report_registration_facts AS
SELECT r.id AS registration_id, c.id AS course_id, c.organisation_id, c.academy_id, c.first_session_at,
       report_month(c.first_session_at) AS month,
       m.province_code, m.province, r.source, r.utm ->> 'utm_source' AS utm_source,
       coalesce(r.user_id, u.id, r.id) AS person,
       coalesce(r.user_id, u.id) IS NOT NULL AS has_account,
       r.status = 'confirmed' AS confirmed,
       r.status = 'confirmed' AND att.attended > 0 AS attended,
       r.status = 'confirmed' AND sc.sessions > 0
         AND att.attended >= greatest(1, least(coalesce(c.completion_threshold, sc.sessions), sc.sessions)) AS completed
FROM courses c
CROSS JOIN LATERAL (SELECT count(*) AS sessions FROM course_sessions cs WHERE cs.course_id = c.id) sc
JOIN registrations r ON r.course_id = c.id
CROSS JOIN LATERAL (
  SELECT count(*) AS attended FROM session_attendance a JOIN course_sessions cs ON cs.id = a.session_id
  WHERE a.registration_id = r.id AND a.attended AND cs.course_id = c.id) att
LEFT JOIN users u ON r.user_id IS NULL AND u.email = lower(r.email)
LEFT JOIN municipalities m ON m.code = r.municipality_code
WHERE c.first_session_at IS NOT NULL;--> statement-breakpoint

-- Counts the given (organisation, academy, month) keys again. One writer per key at a time, taken
-- in a fixed order: a second transaction waits, then counts again with the first one's rows in view
-- (read committed: each statement here sees what was committed before it started).
CREATE FUNCTION report_refresh_months(p_org uuid[], p_academy uuid[], p_month date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_org IS NULL OR cardinality(p_org) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(l.h) FROM (
    SELECT DISTINCT hashtextextended('report:' || k.o::text || '/' || coalesce(k.a::text, '-') || '/' || k.m::text, 0) AS h
    FROM unnest(p_org, p_academy, p_month) AS k(o, a, m) ORDER BY 1) l;
  DELETE FROM report_course_months t USING unnest(p_org, p_academy, p_month) AS k(o, a, m)
  WHERE t.organisation_id = k.o AND t.academy_id IS NOT DISTINCT FROM k.a AND t.month = k.m;
  DELETE FROM report_people_months t USING unnest(p_org, p_academy, p_month) AS k(o, a, m)
  WHERE t.organisation_id = k.o AND t.academy_id IS NOT DISTINCT FROM k.a AND t.month = k.m;
  WITH keys AS (SELECT DISTINCT k.o, k.a, k.m FROM unnest(p_org, p_academy, p_month) AS k(o, a, m)),
  facts AS MATERIALIZED (
    SELECT f.* FROM keys k
    JOIN report_registration_facts f ON f.organisation_id = k.o AND f.academy_id IS NOT DISTINCT FROM k.a
     AND f.first_session_at >= (k.m::timestamp AT TIME ZONE 'Europe/Amsterdam')
     AND f.first_session_at < ((k.m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Amsterdam')
  ),
  course_counts AS (
    INSERT INTO report_course_months (organisation_id, academy_id, month, province_code, province, source, utm_source,
                                      sign_ups, confirmed, attended, completed, absent)
    SELECT organisation_id, academy_id, month, province_code, province, source, utm_source,
           count(*), count(*) FILTER (WHERE confirmed), count(*) FILTER (WHERE attended), count(*) FILTER (WHERE completed),
           count(*) FILTER (WHERE confirmed AND NOT attended)
    FROM facts GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO report_people_months (organisation_id, academy_id, month, person, has_account, confirmed, attended, completed, confirmed_first_at)
  SELECT organisation_id, academy_id, month, person, has_account, bool_or(confirmed), bool_or(attended), bool_or(completed),
         min(first_session_at) FILTER (WHERE confirmed)
  FROM facts GROUP BY 1, 2, 3, 4, 5;
END $$;--> statement-breakpoint

-- The months of these courses as they are now.
CREATE FUNCTION report_refresh_courses(p_courses uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_courses IS NULL OR cardinality(p_courses) = 0 THEN
    RETURN;
  END IF;
  PERFORM report_refresh_months(array_agg(k.organisation_id), array_agg(k.academy_id), array_agg(k.month)) FROM (
    SELECT DISTINCT c.organisation_id, c.academy_id, report_month(c.first_session_at) AS month
    FROM courses c WHERE c.id = ANY (p_courses) AND c.first_session_at IS NOT NULL) k;
END $$;--> statement-breakpoint

-- Courses: the months before and after a change of what the report counts by.
CREATE FUNCTION report_courses_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_months(array_agg(k.organisation_id), array_agg(k.academy_id), array_agg(report_month(k.first_session_at))) FROM (
    SELECT DISTINCT x.organisation_id, x.academy_id, x.first_session_at FROM (
      (SELECT id, organisation_id, academy_id, first_session_at, completion_threshold FROM changed_old
       EXCEPT SELECT id, organisation_id, academy_id, first_session_at, completion_threshold FROM changed_new)
      UNION ALL
      (SELECT id, organisation_id, academy_id, first_session_at, completion_threshold FROM changed_new
       EXCEPT SELECT id, organisation_id, academy_id, first_session_at, completion_threshold FROM changed_old)) x
    WHERE x.first_session_at IS NOT NULL) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_courses_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_months(array_agg(k.organisation_id), array_agg(k.academy_id), array_agg(k.month)) FROM (
    SELECT DISTINCT organisation_id, academy_id, report_month(first_session_at) AS month FROM changed_old
    WHERE first_session_at IS NOT NULL) k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER courses_report_update AFTER UPDATE ON courses
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_courses_updated();--> statement-breakpoint
CREATE TRIGGER courses_report_delete AFTER DELETE ON courses
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_courses_deleted();--> statement-breakpoint

-- Sessions: how many a course has decides "completed". (These run after the first-session triggers
-- of migration 0008, by name; a course that moved month is counted again by the courses trigger.)
CREATE FUNCTION report_sessions_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(SELECT DISTINCT course_id FROM changed_new));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_sessions_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(SELECT DISTINCT course_id FROM changed_old));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_sessions_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT o.course_id FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE o.course_id <> n.course_id
    UNION SELECT n.course_id FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE o.course_id <> n.course_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER course_sessions_report_insert AFTER INSERT ON course_sessions
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_sessions_from_new();--> statement-breakpoint
CREATE TRIGGER course_sessions_report_delete AFTER DELETE ON course_sessions
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_sessions_from_old();--> statement-breakpoint
CREATE TRIGGER course_sessions_report_update AFTER UPDATE ON course_sessions
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_sessions_updated();--> statement-breakpoint

-- Registrations: new, removed, or changed in what the report counts by (not reminders and the like).
CREATE FUNCTION report_registrations_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(SELECT DISTINCT course_id FROM changed_new));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_registrations_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(SELECT DISTINCT course_id FROM changed_old));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_registrations_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT x.course_id FROM (
      (SELECT id, course_id, user_id, email, municipality_code, source, utm, status FROM changed_old
       EXCEPT SELECT id, course_id, user_id, email, municipality_code, source, utm, status FROM changed_new)
      UNION ALL
      (SELECT id, course_id, user_id, email, municipality_code, source, utm, status FROM changed_new
       EXCEPT SELECT id, course_id, user_id, email, municipality_code, source, utm, status FROM changed_old)) x
    GROUP BY x.course_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER registrations_report_insert AFTER INSERT ON registrations
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_from_new();--> statement-breakpoint
CREATE TRIGGER registrations_report_delete AFTER DELETE ON registrations
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_from_old();--> statement-breakpoint
CREATE TRIGGER registrations_report_update AFTER UPDATE ON registrations
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_updated();--> statement-breakpoint

-- Attendance.
CREATE FUNCTION report_attendance_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.id IN (SELECT registration_id FROM changed_new)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_attendance_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.id IN (SELECT registration_id FROM changed_old)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_attendance_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.id IN (
      (SELECT registration_id FROM (SELECT registration_id, session_id, attended FROM changed_old
                                    EXCEPT SELECT registration_id, session_id, attended FROM changed_new) a)
      UNION
      (SELECT registration_id FROM (SELECT registration_id, session_id, attended FROM changed_new
                                    EXCEPT SELECT registration_id, session_id, attended FROM changed_old) b))));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER session_attendance_report_insert AFTER INSERT ON session_attendance
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_attendance_from_new();--> statement-breakpoint
CREATE TRIGGER session_attendance_report_delete AFTER DELETE ON session_attendance
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_attendance_from_old();--> statement-breakpoint
CREATE TRIGGER session_attendance_report_update AFTER UPDATE ON session_attendance
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_attendance_updated();--> statement-breakpoint

-- Accounts: a registration without an account counts as the account with its address. Found through
-- an index on the lower-cased address of registrations without an account.
CREATE INDEX registrations_lower_email_idx ON registrations (lower(email)) WHERE user_id IS NULL;--> statement-breakpoint
CREATE FUNCTION report_users_from_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.user_id IS NULL AND lower(r.email) IN (SELECT email FROM changed_new)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_users_from_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.user_id IS NULL AND lower(r.email) IN (SELECT email FROM changed_old)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION report_users_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_courses(array(
    SELECT DISTINCT r.course_id FROM registrations r WHERE r.user_id IS NULL AND lower(r.email) IN (
      SELECT o.email FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE o.email IS DISTINCT FROM n.email
      UNION SELECT n.email FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE o.email IS DISTINCT FROM n.email)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_report_insert AFTER INSERT ON users
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_users_from_new();--> statement-breakpoint
CREATE TRIGGER users_report_delete AFTER DELETE ON users
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_users_from_old();--> statement-breakpoint
CREATE TRIGGER users_report_update AFTER UPDATE ON users
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_users_updated();--> statement-breakpoint

-- Municipalities: the yearly refresh of the list upserts every row; only a changed province counts.
CREATE FUNCTION report_municipalities_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  changed := array(
    SELECT o.code FROM changed_old o JOIN changed_new n ON n.code = o.code
    WHERE (o.province_code, o.province) IS DISTINCT FROM (n.province_code, n.province));
  IF cardinality(changed) > 0 THEN
    PERFORM report_refresh_courses(array(SELECT DISTINCT r.course_id FROM registrations r WHERE r.municipality_code = ANY (changed)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER municipalities_report_update AFTER UPDATE ON municipalities
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_municipalities_updated();--> statement-breakpoint

-- Count what exists.
SELECT report_refresh_months(array_agg(k.organisation_id), array_agg(k.academy_id), array_agg(k.month)) FROM (
  SELECT DISTINCT organisation_id, academy_id, report_month(first_session_at) AS month FROM courses WHERE first_session_at IS NOT NULL) k;
--> statement-breakpoint
-- Statistics for the planner now, not at autovacuum's leisure: a guess of ten rows for a month range
-- of tens of thousands turns the report's joins into nested loops.
ANALYZE report_course_months;--> statement-breakpoint
ANALYZE report_people_months;

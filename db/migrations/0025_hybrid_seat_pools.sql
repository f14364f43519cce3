ALTER TABLE "courses" ADD COLUMN "online_capacity" integer;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "pool" text DEFAULT 'on-site' NOT NULL;--> statement-breakpoint
CREATE INDEX "registrations_course_pool_status_idx" ON "registrations" USING btree ("course_id","pool","status","waitlist_seq");--> statement-breakpoint
-- Registrations on an online course sit in its one pool, 'online'. On a hybrid course everyone held
-- one shared set of seats so far: they stay in the room's pool, and the course gets as many online
-- seats as it had seats in all (the coordinator adjusts both on the course form).
UPDATE "registrations" SET "pool" = 'online' WHERE "course_id" IN (SELECT "id" FROM "courses" WHERE "format" = 'online');--> statement-breakpoint
UPDATE "courses" SET "online_capacity" = "capacity" WHERE "format" = 'hybrid';

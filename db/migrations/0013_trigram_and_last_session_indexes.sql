DROP INDEX "email_messages_subject_idx";--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "last_session_ends_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "email_messages_subject_trgm_idx" ON "email_messages" USING gin ("subject" gin_trgm_ops) WHERE "email_messages"."subject" is not null;--> statement-breakpoint
CREATE INDEX "courses_live_idx" ON "courses" USING btree ("last_session_ends_at") WHERE "courses"."status" = 'published';
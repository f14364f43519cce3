ALTER TABLE "email_messages" ADD COLUMN "reduced_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "email_messages_created_idx" ON "email_messages" USING btree ("created_at");
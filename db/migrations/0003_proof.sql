ALTER TABLE "email_messages" ADD COLUMN "batch_key" text;--> statement-breakpoint
CREATE INDEX "email_messages_batch_key_idx" ON "email_messages" USING btree ("batch_key");
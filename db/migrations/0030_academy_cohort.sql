CREATE TABLE "academy_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"academy_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"code" text NOT NULL,
	"modules_attended" integer NOT NULL,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academies" ADD COLUMN "completion_rule" jsonb DEFAULT '{"minModules":null,"placementRequired":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "academy_application_id" uuid;--> statement-breakpoint
ALTER TABLE "academy_completions" ADD CONSTRAINT "academy_completions_academy_id_academies_id_fk" FOREIGN KEY ("academy_id") REFERENCES "public"."academies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_completions" ADD CONSTRAINT "academy_completions_application_id_academy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."academy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_completions_application_key" ON "academy_completions" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_completions_code_key" ON "academy_completions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "academy_completions_academy_idx" ON "academy_completions" USING btree ("academy_id");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_academy_application_id_academy_applications_id_fk" FOREIGN KEY ("academy_application_id") REFERENCES "public"."academy_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_academy_application_idx" ON "registrations" USING btree ("academy_application_id");
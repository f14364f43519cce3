CREATE TABLE "report_course_months" (
	"organisation_id" uuid NOT NULL,
	"academy_id" uuid,
	"month" date NOT NULL,
	"province_code" text,
	"province" text,
	"source" text,
	"utm_source" text,
	"sign_ups" integer NOT NULL,
	"confirmed" integer NOT NULL,
	"attended" integer NOT NULL,
	"completed" integer NOT NULL,
	"absent" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_people_months" (
	"organisation_id" uuid NOT NULL,
	"academy_id" uuid,
	"month" date NOT NULL,
	"person" uuid NOT NULL,
	"has_account" boolean NOT NULL,
	"confirmed" boolean NOT NULL,
	"attended" boolean NOT NULL,
	"completed" boolean NOT NULL,
	"confirmed_first_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "report_course_months_scope_idx" ON "report_course_months" USING btree ("organisation_id","month","academy_id");--> statement-breakpoint
CREATE INDEX "report_people_months_scope_idx" ON "report_people_months" USING btree ("organisation_id","month","academy_id");
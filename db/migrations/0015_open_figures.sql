CREATE TABLE "national_figures" (
	"year" integer PRIMARY KEY NOT NULL,
	"rows" jsonb NOT NULL,
	"organisations" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "open_figures" boolean DEFAULT false NOT NULL;
-- Issue 23: antemortem records per missing person and postmortem records per body, for the AM/PM comparison.
CREATE TABLE "antemortem_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"age_at_disappearance" integer,
	"height_min_cm" integer,
	"height_max_cm" integer,
	"build" text DEFAULT 'unknown' NOT NULL,
	"hair" text DEFAULT '' NOT NULL,
	"eye_colour" text DEFAULT 'unknown' NOT NULL,
	"marks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"teeth" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dental_notes" text DEFAULT '' NOT NULL,
	"medical" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"belongings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"informant_donor_id" uuid,
	"informant_name" text DEFAULT '' NOT NULL,
	"informed_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "antemortem_records_height_order" CHECK ("antemortem_records"."height_min_cm" is null or "antemortem_records"."height_max_cm" is null or "antemortem_records"."height_min_cm" <= "antemortem_records"."height_max_cm")
);
--> statement-breakpoint
CREATE TABLE "postmortem_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remains_id" uuid NOT NULL,
	"stature_min_cm" integer,
	"stature_max_cm" integer,
	"marks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"teeth" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dental_notes" text DEFAULT '' NOT NULL,
	"medical" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"belongings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_records_stature_order" CHECK ("postmortem_records"."stature_min_cm" is null or "postmortem_records"."stature_max_cm" is null or "postmortem_records"."stature_min_cm" <= "postmortem_records"."stature_max_cm")
);
--> statement-breakpoint
ALTER TABLE "antemortem_records" ADD CONSTRAINT "antemortem_records_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "antemortem_records" ADD CONSTRAINT "antemortem_records_informant_donor_id_reference_donors_id_fk" FOREIGN KEY ("informant_donor_id") REFERENCES "public"."reference_donors"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "postmortem_records" ADD CONSTRAINT "postmortem_records_remains_id_remains_id_fk" FOREIGN KEY ("remains_id") REFERENCES "public"."remains"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "antemortem_records_person_unique" ON "antemortem_records" USING btree ("missing_person_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_records_remains_unique" ON "postmortem_records" USING btree ("remains_id");

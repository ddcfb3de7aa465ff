-- Issue 26: families report a missing person online. A report waits in the staff queue and never
-- reaches the registry by itself; each consent is its own row, given with the wording version shown,
-- and follows the person once a registrar accepts the report (or is recorded at the office).
CREATE TABLE "online_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"locale" text DEFAULT 'ar' NOT NULL,
	"reporter_name" text NOT NULL,
	"reporter_relationship" text NOT NULL,
	"reporter_phone" text NOT NULL,
	"reporter_phone_key" text NOT NULL,
	"reporter_email" text DEFAULT '' NOT NULL,
	"reporter_residence" text NOT NULL,
	"given_name" text NOT NULL,
	"father_name" text DEFAULT '' NOT NULL,
	"grandfather_name" text DEFAULT '' NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"sex" "sex" DEFAULT 'unknown' NOT NULL,
	"birth_year" integer,
	"last_seen_on" date,
	"last_seen_place" text DEFAULT '' NOT NULL,
	"circumstances" text DEFAULT '' NOT NULL,
	"police_report_number" text DEFAULT '' NOT NULL,
	"relatives" text DEFAULT '' NOT NULL,
	"consent_wording" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"missing_person_id" uuid,
	"family_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_kind" text,
	"rejection_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "online_reports_status" CHECK ("status" in ('submitted', 'accepted', 'rejected')),
	CONSTRAINT "online_reports_rejection_kind" CHECK ("rejection_kind" is null or "rejection_kind" in ('spam', 'duplicate', 'insufficient', 'other')),
	CONSTRAINT "online_reports_decision" CHECK (("status" = 'submitted') = ("decided_at" is null)),
	CONSTRAINT "online_reports_accepted_person" CHECK (("status" = 'accepted') = ("missing_person_id" is not null)),
	CONSTRAINT "online_reports_rejected_kind" CHECK (("status" = 'rejected') = ("rejection_kind" is not null)),
	CONSTRAINT "online_reports_birth_year_range" CHECK ("birth_year" is null or "birth_year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "online_reports" ADD CONSTRAINT "online_reports_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "online_reports" ADD CONSTRAINT "online_reports_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "online_reports" ADD CONSTRAINT "online_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "online_reports_reference_unique" ON "online_reports" USING btree ("reference");
--> statement-breakpoint
CREATE INDEX "online_reports_status_idx" ON "online_reports" USING btree ("status","submitted_at");
--> statement-breakpoint
CREATE TABLE "data_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"online_report_id" uuid,
	"missing_person_id" uuid,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"wording_version" text NOT NULL,
	"given_on" date NOT NULL,
	"given_by" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"withdrawn_on" date,
	"withdrawal_wording" text DEFAULT '' NOT NULL,
	"withdrawal_note" text DEFAULT '' NOT NULL,
	"withdrawal_recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_consents_level" CHECK ("level" in ('search', 'partners', 'prosecution', 'contact')),
	CONSTRAINT "data_consents_source" CHECK ("source" in ('online', 'office')),
	CONSTRAINT "data_consents_subject" CHECK ("online_report_id" is not null or "missing_person_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "data_consents" ADD CONSTRAINT "data_consents_online_report_id_online_reports_id_fk" FOREIGN KEY ("online_report_id") REFERENCES "public"."online_reports"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_consents" ADD CONSTRAINT "data_consents_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_consents" ADD CONSTRAINT "data_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_consents" ADD CONSTRAINT "data_consents_withdrawal_recorded_by_users_id_fk" FOREIGN KEY ("withdrawal_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "data_consents_person_idx" ON "data_consents" USING btree ("missing_person_id","level");
--> statement-breakpoint
CREATE INDEX "data_consents_report_idx" ON "data_consents" USING btree ("online_report_id");

CREATE TYPE "public"."consent_scope" AS ENUM('identification_only', 'identification_and_research');--> statement-breakpoint
CREATE TYPE "public"."custody_action" AS ENUM('collected', 'transferred', 'received', 'stored', 'analysed', 'released', 'returned');--> statement-breakpoint
CREATE TYPE "public"."donor_relationship" AS ENUM('mother', 'father', 'full_sibling', 'maternal_half_sibling', 'paternal_half_sibling', 'child', 'grandparent', 'aunt_uncle', 'cousin', 'spouse');--> statement-breakpoint
CREATE TYPE "public"."grave_site_status" AS ENUM('reported', 'surveyed', 'excavating', 'exhumed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."identification_basis" AS ENUM('dna', 'personal_effects', 'identity_documents', 'anthropology');--> statement-breakpoint
CREATE TYPE "public"."identification_status" AS ENUM('proposed', 'confirmed', 'family_notified', 'remains_returned', 'rejected', 'retracted');--> statement-breakpoint
CREATE TYPE "public"."lab_status" AS ENUM('collected', 'shipped', 'received', 'profiled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."missing_person_status" AS ENUM('missing', 'identified', 'remains_returned', 'found_alive', 'merged');--> statement-breakpoint
CREATE TYPE "public"."personal_effect_kind" AS ENUM('identity_document', 'car_key', 'phone', 'clothing', 'jewellery', 'other');--> statement-breakpoint
CREATE TYPE "public"."police_report_category" AS ENUM('killing', 'disappearance');--> statement-breakpoint
CREATE TYPE "public"."remains_condition" AS ENUM('complete', 'partial', 'commingled', 'fragmentary');--> statement-breakpoint
CREATE TYPE "public"."sample_kind" AS ENUM('reference', 'remains');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'registrar', 'forensic', 'viewer');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"locale" text DEFAULT 'ar' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"token_version" integer DEFAULT 0 NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"lock_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grave_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"discovered_on" date NOT NULL,
	"status" "grave_site_status" DEFAULT 'reported' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "grave_sites_latitude_range" CHECK ("grave_sites"."latitude" between -90 and 90),
	CONSTRAINT "grave_sites_longitude_range" CHECK ("grave_sites"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "personal_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remains_id" uuid NOT NULL,
	"kind" "personal_effect_kind" NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "remains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"code" text NOT NULL,
	"recovered_on" date NOT NULL,
	"estimated_sex" "sex" DEFAULT 'unknown' NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"condition" "remains_condition" NOT NULL,
	"storage_location" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "remains_age_min_range" CHECK ("remains"."age_min" is null or "remains"."age_min" between 0 and 110),
	CONSTRAINT "remains_age_max_range" CHECK ("remains"."age_max" is null or "remains"."age_max" between 0 and 110),
	CONSTRAINT "remains_age_order" CHECK ("remains"."age_min" is null or "remains"."age_max" is null or "remains"."age_min" <= "remains"."age_max")
);
--> statement-breakpoint
CREATE TABLE "donor_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donor_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"relationship" "donor_relationship" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"access_code_hash" text,
	"access_code_issued_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "missing_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"family_id" uuid,
	"given_name" text NOT NULL,
	"father_name" text DEFAULT '' NOT NULL,
	"grandfather_name" text DEFAULT '' NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"name_latin" text DEFAULT '' NOT NULL,
	"name_search" text NOT NULL,
	"sex" "sex" DEFAULT 'unknown' NOT NULL,
	"birth_year" integer,
	"last_seen_on" date,
	"last_seen_place" text DEFAULT '' NOT NULL,
	"circumstances" text DEFAULT '' NOT NULL,
	"status" "missing_person_status" DEFAULT 'missing' NOT NULL,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "missing_persons_birth_year_range" CHECK ("missing_persons"."birth_year" is null or "missing_persons"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "reference_donors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"father_name" text DEFAULT '' NOT NULL,
	"grandfather_name" text DEFAULT '' NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"name_latin" text DEFAULT '' NOT NULL,
	"name_search" text NOT NULL,
	"sex" "sex" DEFAULT 'unknown' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "dna_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"barcode" text NOT NULL,
	"kind" "sample_kind" NOT NULL,
	"donor_id" uuid,
	"remains_id" uuid,
	"collected_on" date NOT NULL,
	"collected_by_name" text NOT NULL,
	"collected_by_user_id" uuid,
	"consent_given" boolean DEFAULT false NOT NULL,
	"consent_scope" "consent_scope",
	"consent_date" date,
	"consent_form_ref" text DEFAULT '' NOT NULL,
	"lab_status" "lab_status" DEFAULT 'collected' NOT NULL,
	"laboratory" text DEFAULT '' NOT NULL,
	"shipped_on" date,
	"received_on" date,
	"profiled_on" date,
	"failed_on" date,
	"failure_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "dna_samples_source_matches_kind" CHECK (("dna_samples"."kind" = 'reference' and "dna_samples"."donor_id" is not null and "dna_samples"."remains_id" is null)
        or ("dna_samples"."kind" = 'remains' and "dna_samples"."remains_id" is not null and "dna_samples"."donor_id" is null)),
	CONSTRAINT "dna_samples_reference_consent" CHECK ("dna_samples"."kind" = 'remains' or ("dna_samples"."consent_given" and "dna_samples"."consent_scope" is not null and "dna_samples"."consent_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "str_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"locus" text NOT NULL,
	"allele_1" text NOT NULL,
	"allele_2" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_report_persons" (
	"report_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	CONSTRAINT "police_report_persons_report_id_missing_person_id_pk" PRIMARY KEY("report_id","missing_person_id")
);
--> statement-breakpoint
CREATE TABLE "police_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station" text DEFAULT 'مركز شرطة ترهونة' NOT NULL,
	"report_number" text NOT NULL,
	"filed_on" date NOT NULL,
	"reporter_name" text NOT NULL,
	"reporter_relationship" text DEFAULT '' NOT NULL,
	"category" "police_report_category" NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "identifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remains_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"basis" "identification_basis"[] NOT NULL,
	"likelihood_ratio" double precision,
	"evidence_summary" text NOT NULL,
	"status" "identification_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"notified_on" date,
	"notified_by" uuid,
	"notification_method" text,
	"returned_on" date,
	"returned_to" text,
	"burial_place" text,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text,
	"retracted_by" uuid,
	"retracted_at" timestamp with time zone,
	"retraction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identifications_basis_not_empty" CHECK (cardinality("identifications"."basis") > 0),
	CONSTRAINT "identifications_four_eyes" CHECK ("identifications"."confirmed_by" is null or "identifications"."confirmed_by" <> "identifications"."proposed_by")
);
--> statement-breakpoint
CREATE TABLE "custody_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remains_id" uuid,
	"sample_id" uuid,
	"action" "custody_action" NOT NULL,
	"from_party" text DEFAULT '' NOT NULL,
	"to_party" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"corrects_event_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custody_events_one_subject" CHECK (num_nonnulls("custody_events"."remains_id", "custody_events"."sample_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_effects" ADD CONSTRAINT "personal_effects_remains_id_remains_id_fk" FOREIGN KEY ("remains_id") REFERENCES "public"."remains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remains" ADD CONSTRAINT "remains_site_id_grave_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."grave_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_relationships" ADD CONSTRAINT "donor_relationships_donor_id_reference_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."reference_donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_relationships" ADD CONSTRAINT "donor_relationships_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_persons" ADD CONSTRAINT "missing_persons_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_persons" ADD CONSTRAINT "missing_persons_merged_into_id_missing_persons_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_donors" ADD CONSTRAINT "reference_donors_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_samples" ADD CONSTRAINT "dna_samples_donor_id_reference_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."reference_donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_samples" ADD CONSTRAINT "dna_samples_remains_id_remains_id_fk" FOREIGN KEY ("remains_id") REFERENCES "public"."remains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_samples" ADD CONSTRAINT "dna_samples_collected_by_user_id_users_id_fk" FOREIGN KEY ("collected_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "str_profiles" ADD CONSTRAINT "str_profiles_sample_id_dna_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."dna_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report_persons" ADD CONSTRAINT "police_report_persons_report_id_police_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."police_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_report_persons" ADD CONSTRAINT "police_report_persons_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_remains_id_remains_id_fk" FOREIGN KEY ("remains_id") REFERENCES "public"."remains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_notified_by_users_id_fk" FOREIGN KEY ("notified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_rejected_by_users_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifications" ADD CONSTRAINT "identifications_retracted_by_users_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_remains_id_remains_id_fk" FOREIGN KEY ("remains_id") REFERENCES "public"."remains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_sample_id_dna_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."dna_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_corrects_event_id_custody_events_id_fk" FOREIGN KEY ("corrects_event_id") REFERENCES "public"."custody_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_unique" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "grave_sites_code_unique" ON "grave_sites" USING btree ("code");--> statement-breakpoint
CREATE INDEX "personal_effects_remains_idx" ON "personal_effects" USING btree ("remains_id");--> statement-breakpoint
CREATE INDEX "personal_effects_description_trgm_idx" ON "personal_effects" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "remains_code_unique" ON "remains" USING btree ("code");--> statement-breakpoint
CREATE INDEX "remains_site_idx" ON "remains" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_relationships_pair_unique" ON "donor_relationships" USING btree ("donor_id","missing_person_id");--> statement-breakpoint
CREATE INDEX "donor_relationships_person_idx" ON "donor_relationships" USING btree ("missing_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "families_reference_unique" ON "families" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_persons_case_number_unique" ON "missing_persons" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "missing_persons_family_idx" ON "missing_persons" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "missing_persons_name_search_trgm_idx" ON "missing_persons" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "missing_persons_name_latin_trgm_idx" ON "missing_persons" USING gin (lower("name_latin") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reference_donors_family_idx" ON "reference_donors" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dna_samples_barcode_unique" ON "dna_samples" USING btree ("barcode");--> statement-breakpoint
CREATE INDEX "dna_samples_donor_idx" ON "dna_samples" USING btree ("donor_id");--> statement-breakpoint
CREATE INDEX "dna_samples_remains_idx" ON "dna_samples" USING btree ("remains_id");--> statement-breakpoint
CREATE UNIQUE INDEX "str_profiles_sample_locus_unique" ON "str_profiles" USING btree ("sample_id","locus");--> statement-breakpoint
CREATE INDEX "police_report_persons_person_idx" ON "police_report_persons" USING btree ("missing_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "police_reports_station_number_unique" ON "police_reports" USING btree ("station","report_number");--> statement-breakpoint
CREATE INDEX "police_reports_filed_on_idx" ON "police_reports" USING btree ("filed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "identifications_one_active_per_remains" ON "identifications" USING btree ("remains_id") WHERE status not in ('rejected', 'retracted');--> statement-breakpoint
CREATE UNIQUE INDEX "identifications_one_active_per_person" ON "identifications" USING btree ("missing_person_id") WHERE status not in ('rejected', 'retracted');--> statement-breakpoint
CREATE INDEX "identifications_status_idx" ON "identifications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "custody_events_remains_idx" ON "custody_events" USING btree ("remains_id","occurred_at");--> statement-breakpoint
CREATE INDEX "custody_events_sample_idx" ON "custody_events" USING btree ("sample_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log" USING btree ("occurred_at");
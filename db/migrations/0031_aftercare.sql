-- Issue 27 points 2, 3 and 4: the handover of remains and effects, the letters issued to and for
-- the family, and the family's open questions and promised actions.
CREATE TABLE "remains_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identification_id" uuid NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"received_by" text NOT NULL,
	"received_by_relationship" text NOT NULL,
	"staff_member" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"custody_event_id" uuid NOT NULL,
	"scan_file" text,
	"scan_sha256" text,
	"scan_content_type" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "remains_handovers" ADD CONSTRAINT "remains_handovers_identification_id_identifications_id_fk" FOREIGN KEY ("identification_id") REFERENCES "public"."identifications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "remains_handovers" ADD CONSTRAINT "remains_handovers_custody_event_id_custody_events_id_fk" FOREIGN KEY ("custody_event_id") REFERENCES "public"."custody_events"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "remains_handovers" ADD CONSTRAINT "remains_handovers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "remains_handovers_identification_unique" ON "remains_handovers" USING btree ("identification_id");
--> statement-breakpoint
CREATE TABLE "handover_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"effect_id" uuid NOT NULL,
	"disposition" text NOT NULL,
	CONSTRAINT "handover_items_disposition" CHECK ("disposition" in ('handed_over', 'kept_as_evidence', 'photographed_and_returned'))
);
--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_handover_id_remains_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."remains_handovers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_effect_id_personal_effects_id_fk" FOREIGN KEY ("effect_id") REFERENCES "public"."personal_effects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "handover_items_effect_unique" ON "handover_items" USING btree ("handover_id","effect_id");
--> statement-breakpoint
CREATE SEQUENCE "issued_document_number_seq";
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identification_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"verification_code" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issued_documents_kind" CHECK ("kind" in ('death_certificate_request', 'burial_permit_request', 'identification_certificate'))
);
--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_identification_id_identifications_id_fk" FOREIGN KEY ("identification_id") REFERENCES "public"."identifications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_number_unique" ON "issued_documents" USING btree ("number");
--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_verification_code_unique" ON "issued_documents" USING btree ("verification_code");
--> statement-breakpoint
CREATE INDEX "issued_documents_identification_idx" ON "issued_documents" USING btree ("identification_id","issued_at");
--> statement-breakpoint
CREATE TABLE "family_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identification_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text DEFAULT '' NOT NULL,
	"done_by" uuid,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_follow_ups_kind" CHECK ("kind" in ('question', 'promised_action'))
);
--> statement-breakpoint
ALTER TABLE "family_follow_ups" ADD CONSTRAINT "family_follow_ups_identification_id_identifications_id_fk" FOREIGN KEY ("identification_id") REFERENCES "public"."identifications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_follow_ups" ADD CONSTRAINT "family_follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "family_follow_ups" ADD CONSTRAINT "family_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "family_follow_ups_open_idx" ON "family_follow_ups" USING btree ("due_on") WHERE "done_on" is null;
--> statement-breakpoint
CREATE INDEX "family_follow_ups_identification_idx" ON "family_follow_ups" USING btree ("identification_id");

-- Issue 27 point 1: the record of each meeting with a family after an identification.
CREATE TABLE "notification_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identification_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"staff_present" text NOT NULL,
	"family_present" text NOT NULL,
	"interpreter" text DEFAULT '' NOT NULL,
	"support_offered" boolean NOT NULL,
	"support_accepted" boolean NOT NULL,
	"explanation" text NOT NULL,
	"family_questions" text DEFAULT '' NOT NULL,
	"follow_ups" text DEFAULT '' NOT NULL,
	"remains_wishes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_meetings" ADD CONSTRAINT "notification_meetings_identification_id_identifications_id_fk" FOREIGN KEY ("identification_id") REFERENCES "public"."identifications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notification_meetings" ADD CONSTRAINT "notification_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "notification_meetings_identification_idx" ON "notification_meetings" USING btree ("identification_id","held_on");

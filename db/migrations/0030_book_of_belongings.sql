-- Issue 23: the Book of Belongings. Effects get the catalogue's category, colour and material
-- (lib/belongings/vocabulary.ts); photographs of them are files outside the database, named here by
-- an unguessable id; families view the catalogue at the office (viewing sessions) or, when staff
-- switch it on, in the portal; a tentative recognition is a lead, never an identification.
ALTER TABLE "personal_effects" ADD COLUMN "category" text DEFAULT 'other' NOT NULL;
--> statement-breakpoint
ALTER TABLE "personal_effects" ADD COLUMN "colour" text;
--> statement-breakpoint
ALTER TABLE "personal_effects" ADD COLUMN "material" text;
--> statement-breakpoint
UPDATE "personal_effects" SET "category" = CASE "kind"
	WHEN 'identity_document' THEN 'identity_document'
	WHEN 'car_key' THEN 'keys'
	WHEN 'phone' THEN 'phone'
	WHEN 'clothing' THEN 'clothing_upper'
	WHEN 'jewellery' THEN 'jewellery'
	ELSE 'other' END;
--> statement-breakpoint
CREATE INDEX "personal_effects_category_idx" ON "personal_effects" USING btree ("category") WHERE "voided_at" is null;
--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "remote_viewing" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "effect_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effect_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"original_sha256" text NOT NULL,
	"received_sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "effect_photos_sha256_form" CHECK ("original_sha256" ~ '^[0-9a-f]{64}$' AND "received_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "effect_photos" ADD CONSTRAINT "effect_photos_effect_id_personal_effects_id_fk" FOREIGN KEY ("effect_id") REFERENCES "public"."personal_effects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "effect_photos" ADD CONSTRAINT "effect_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "effect_photos_storage_key_unique" ON "effect_photos" USING btree ("storage_key");
--> statement-breakpoint
CREATE INDEX "effect_photos_effect_idx" ON "effect_photos" USING btree ("effect_id","created_at");
--> statement-breakpoint
CREATE TABLE "belonging_viewing_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "belonging_viewing_sessions" ADD CONSTRAINT "belonging_viewing_sessions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "belonging_viewing_sessions" ADD CONSTRAINT "belonging_viewing_sessions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "belonging_viewing_sessions_family_idx" ON "belonging_viewing_sessions" USING btree ("family_id","opened_at");
--> statement-breakpoint
CREATE TABLE "belonging_recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effect_id" uuid NOT NULL,
	"missing_person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"viewing_session_id" uuid,
	"source" text NOT NULL,
	"recognised_by" text NOT NULL,
	"words" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"followed_up_at" timestamp with time zone,
	"followed_up_by" uuid,
	"follow_up_note" text,
	CONSTRAINT "belonging_recognitions_source" CHECK ("source" in ('office', 'portal')),
	CONSTRAINT "belonging_recognitions_office_session" CHECK ("source" <> 'office' OR ("viewing_session_id" is not null AND "recorded_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "belonging_recognitions" ADD CONSTRAINT "belonging_recognitions_effect_id_personal_effects_id_fk" FOREIGN KEY ("effect_id") REFERENCES "public"."personal_effects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "belonging_recognitions" ADD CONSTRAINT "belonging_recognitions_missing_person_id_missing_persons_id_fk" FOREIGN KEY ("missing_person_id") REFERENCES "public"."missing_persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "belonging_recognitions" ADD CONSTRAINT "belonging_recognitions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "belonging_recognitions" ADD CONSTRAINT "belonging_recognitions_viewing_session_id_belonging_viewing_sessions_id_fk" FOREIGN KEY ("viewing_session_id") REFERENCES "public"."belonging_viewing_sessions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "belonging_recognitions" ADD CONSTRAINT "belonging_recognitions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "belonging_recognitions_effect_idx" ON "belonging_recognitions" USING btree ("effect_id");
--> statement-breakpoint
CREATE INDEX "belonging_recognitions_person_idx" ON "belonging_recognitions" USING btree ("missing_person_id");
--> statement-breakpoint
CREATE INDEX "belonging_recognitions_open_idx" ON "belonging_recognitions" USING btree ("created_at") WHERE "followed_up_at" is null;

-- Issue 25: field capture at the grave site, offline. A device is registered to one staff member; it
-- reserves blocks of codes while online so that two devices never suggest the same body (or site)
-- code; each record it queued offline is applied once, by its idempotency key, and its outcome
-- (applied, conflict with both versions, refused) is kept.
CREATE TABLE "field_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "field_devices" ADD CONSTRAINT "field_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "field_code_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"site_id" uuid,
	"first_number" integer NOT NULL,
	"last_number" integer NOT NULL,
	"reserved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_code_blocks_range" CHECK ("first_number" >= 1 AND "last_number" >= "first_number")
);
--> statement-breakpoint
ALTER TABLE "field_code_blocks" ADD CONSTRAINT "field_code_blocks_device_id_field_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."field_devices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "field_code_blocks" ADD CONSTRAINT "field_code_blocks_site_id_grave_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."grave_sites"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "field_code_blocks_site" ON "field_code_blocks" USING btree ("site_id");
--> statement-breakpoint
CREATE TABLE "field_sync_items" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"outcome" jsonb NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_sync_items_status" CHECK ("status" in ('applied', 'conflict', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "field_sync_items" ADD CONSTRAINT "field_sync_items_device_id_field_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."field_devices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "field_sync_items" ADD CONSTRAINT "field_sync_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "field_sync_items_status" ON "field_sync_items" USING btree ("status","synced_at");

CREATE TABLE "family_sign_in_throttles" (
	"reference" text NOT NULL,
	"address_key" text NOT NULL,
	"failures" integer NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_sign_in_throttles_reference_address_key_pk" PRIMARY KEY("reference","address_key")
);
--> statement-breakpoint
CREATE TABLE "family_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refused_attempts" (
	"address_key" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"attempts" integer NOT NULL,
	CONSTRAINT "refused_attempts_address_key_hour_reason_pk" PRIMARY KEY("address_key","hour","reason")
);
--> statement-breakpoint
ALTER TABLE "family_sessions" ADD CONSTRAINT "family_sessions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_sessions_family_idx" ON "family_sessions" USING btree ("family_id");

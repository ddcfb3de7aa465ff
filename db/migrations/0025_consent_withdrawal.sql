-- Issue 27 point 6: a donor withdraws consent for their reference sample. The sample and its
-- profile are sealed, not deleted (docs/CONSENT.md): no comparison uses them from then on.
ALTER TABLE "dna_samples" ADD COLUMN "consent_withdrawn_on" date;
--> statement-breakpoint
ALTER TABLE "dna_samples" ADD COLUMN "consent_withdrawal_wording" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "dna_samples" ADD COLUMN "consent_withdrawal_note" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "dna_samples" ADD COLUMN "consent_withdrawal_recorded_by" uuid;
--> statement-breakpoint
ALTER TABLE "dna_samples" ADD CONSTRAINT "dna_samples_consent_withdrawal_recorded_by_users_id_fk" FOREIGN KEY ("consent_withdrawal_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;

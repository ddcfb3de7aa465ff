-- Issue 26: a withdrawn consent is honoured for every level. A person made from an online report
-- (accepted as a new person, not linked to one on file) is governed by that report's consents: no
-- name search, duplicate check or kinship screen once (a) no longer holds, no prosecution dossier
-- carrying the report's details without (c). The registry must know which persons those are.
ALTER TABLE "online_reports" ADD COLUMN "created_person" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Reports accepted before this column: a person created after the report was sent was made from it
-- (the triage form is the only path from a report to a person); one on file before it was linked.
UPDATE "online_reports" SET "created_person" = true
  FROM "missing_persons" WHERE "online_reports"."status" = 'accepted' AND "missing_persons"."id" = "online_reports"."missing_person_id"
   AND "missing_persons"."created_at" >= "online_reports"."submitted_at";
--> statement-breakpoint
ALTER TABLE "online_reports" ADD CONSTRAINT "online_reports_created_person_accepted" CHECK (not "created_person" or "status" = 'accepted');
--> statement-breakpoint
CREATE INDEX "online_reports_created_person_idx" ON "online_reports" USING btree ("missing_person_id") WHERE "created_person";

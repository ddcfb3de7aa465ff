ALTER TABLE "missing_persons" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "police_reports" ADD COLUMN "import_id" uuid;--> statement-breakpoint
CREATE INDEX "missing_persons_import_idx" ON "missing_persons" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "police_reports_import_idx" ON "police_reports" USING btree ("import_id");
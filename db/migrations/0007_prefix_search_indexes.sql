CREATE INDEX "families_reference_prefix_idx" ON "families" USING btree ("reference" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "missing_persons_case_number_prefix_idx" ON "missing_persons" USING btree ("case_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "police_reports_report_number_prefix_idx" ON "police_reports" USING btree ("report_number" text_pattern_ops);
CREATE INDEX "remains_live_recovered_idx" ON "remains" USING btree ("recovered_on","id") WHERE "remains"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "remains_live_site_code_idx" ON "remains" USING btree ("site_id","code") WHERE "remains"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "remains_code_trgm_idx" ON "remains" USING gin ("code" gin_trgm_ops);